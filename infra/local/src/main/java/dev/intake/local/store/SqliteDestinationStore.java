package dev.intake.local.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.DestinationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Destination tables in the local database, one per destination table name, with typed columns
 * (see {@link ColumnType}) and the job's key as primary key. Each {@code write} is one
 * transaction with one prepared statement, so batches of thousands of rows cost one commit.
 */
public final class SqliteDestinationStore implements DestinationStore {

    private final SqliteDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    public SqliteDestinationStore(SqliteDatabase database) {
        this.database = database;
    }

    /** Creates the job's table if absent, or checks that the existing one fits the job. */
    @Override
    public Writer open(JobDefinition job, String runId) {
        DestinationTable table = DestinationTable.of(job);
        database.inTransaction("preparing destination table " + table.name(), connection -> {
            table.ensure(connection);
            return null;
        });
        return new SqliteWriter(table, job.destination().mode(), runId);
    }

    /** How many rows a destination table holds; 0 if it does not exist. */
    public long count(String table) {
        return database.read("counting table " + table, connection -> {
            if (!exists(connection, table)) {
                return 0L;
            }
            String sql = "SELECT COUNT(*) FROM " + DestinationTable.quote(table);
            try (PreparedStatement select = connection.prepareStatement(sql);
                    ResultSet rows = select.executeQuery()) {
                return rows.getLong(1);
            }
        });
    }

    /**
     * Up to {@code limit} rows of a table in key order, column name to stored value (String,
     * Long or null); empty if the table does not exist.
     */
    public List<Map<String, Object>> rows(String table, int limit) {
        return database.read("reading table " + table, connection -> {
            if (!exists(connection, table)) {
                return List.of();
            }
            String sql = "SELECT * FROM " + DestinationTable.quote(table) + " LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setInt(1, limit);
                return readRows(select);
            }
        });
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<Map<String, Object>> readRows(PreparedStatement select)
            throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnName(column), rows.getObject(column));
                }
                result.add(row);
            }
        }
        return result;
    }

    /** One record as the values to bind, in the order of {@link DestinationTable#allColumns}. */
    private record Row(Record record, Object[] values) {}

    private final class SqliteWriter implements Writer {

        private final DestinationTable table;
        private final WriteMode mode;
        private final String runId;
        private final List<String> columns;
        private final ColumnType[] types;
        private final int extraIndex;

        SqliteWriter(DestinationTable table, WriteMode mode, String runId) {
            this.table = table;
            this.mode = mode;
            this.runId = runId;
            this.columns = List.copyOf(table.allColumns().keySet());
            this.types = table.columns().values().toArray(new ColumnType[0]);
            this.extraIndex = types.length;
        }

        @Override
        public List<Rejected> write(List<Record> batch) {
            List<Rejected> rejected = new ArrayList<>();
            List<Row> rows = new ArrayList<>(batch.size());
            for (Record record : batch) {
                convert(record, rows, rejected);
            }

            String what = "writing " + rows.size() + " records of run " + runId + " to table "
                    + table.name();
            database.inTransaction(what, connection -> {
                if (mode == WriteMode.MERGE) {
                    merge(connection, rows);
                } else {
                    writeWhole(connection, rows);
                }
                return null;
            });
            return rejected;
        }

        /** Every write is committed when {@code write} returns; nothing is buffered. */
        @Override
        public void close() {
            // nothing to flush
        }

        private void convert(Record record, List<Row> rows, List<Rejected> rejected) {
            try {
                rows.add(new Row(record, columnValues(record)));
            } catch (ColumnType.Unfit unfit) {
                rejected.add(new Rejected(record, unfit.code, unfit.getMessage()));
            }
        }

        /** The values to bind for every column of the table, in table order. */
        private Object[] columnValues(Record record) {
            Object[] values = new Object[columns.size()];
            for (int index = 0; index < types.length; index++) {
                String column = columns.get(index);
                values[index] = types[index].convert(column, record.values().get(column));
            }
            checkKey(values);
            values[extraIndex] = extraOf(record);
            values[extraIndex + 1] = runId;
            return values;
        }

        /** Columns the schema does not name, as a JSON object; null when there are none. */
        private String extraOf(Record record) {
            if (record.values().size() <= types.length
                    && table.columns().keySet().containsAll(record.values().keySet())) {
                return null;
            }
            Map<String, String> extra = new LinkedHashMap<>();
            record.values().forEach((name, value) -> {
                if (!table.columns().containsKey(name) && value != null) {
                    extra.put(name, value.toString());
                }
            });
            return extra.isEmpty() ? null : toJson(extra);
        }

        private void checkKey(Object[] values) {
            for (String field : table.key()) {
                if (values[columns.indexOf(field)] == null) {
                    throw new ColumnType.Unfit("MISSING_KEY", "Key field '" + field + "' has no"
                            + " value, so the record cannot be written to table '"
                            + table.name() + "'.");
                }
            }
        }

        private void writeWhole(Connection connection, List<Row> rows) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement(upsertSql(columns))) {
                for (Row row : rows) {
                    bind(upsert, columns, row.values());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }

        /**
         * Merge writes only the columns a record gives, so the statement varies by record. Rows
         * run in order (a later row with the same key must win); consecutive rows giving the
         * same columns share one batch.
         */
        private void merge(Connection connection, List<Row> rows) throws SQLException {
            Map<List<String>, PreparedStatement> statements = new LinkedHashMap<>();
            try {
                PreparedStatement pending = null;
                for (Row row : rows) {
                    List<String> given = givenColumns(row.values());
                    PreparedStatement upsert = statements.get(given);
                    if (upsert == null) {
                        upsert = connection.prepareStatement(upsertSql(given));
                        statements.put(given, upsert);
                    }
                    if (pending != null && pending != upsert) {
                        pending.executeBatch();
                    }
                    bind(upsert, given, row.values());
                    upsert.addBatch();
                    pending = upsert;
                }
                if (pending != null) {
                    pending.executeBatch();
                }
            } finally {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
            }
        }

        private List<String> givenColumns(Object[] values) {
            List<String> given = new ArrayList<>();
            for (int index = 0; index < values.length; index++) {
                if (values[index] != null) {
                    given.add(columns.get(index));
                }
            }
            return given;
        }

        private String upsertSql(List<String> columns) {
            String names = columns.stream().map(DestinationTable::quote)
                    .collect(Collectors.joining(", "));
            String marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
            String key = table.key().stream().map(DestinationTable::quote)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + DestinationTable.quote(table.name()) + " (" + names
                    + ") VALUES (" + marks + ") ON CONFLICT (" + key + ") " + onConflict(columns);
        }

        private String onConflict(List<String> columns) {
            if (mode == WriteMode.INSERT_ONLY) {
                return "DO NOTHING";
            }
            String extra = DestinationTable.quote(DestinationTable.EXTRA);
            String updates = columns.stream()
                    .filter(column -> !table.key().contains(column))
                    .map(DestinationTable::quote)
                    .map(column -> column + " = " + (column.equals(extra) && mode == WriteMode.MERGE
                            ? "json_patch(COALESCE(" + extra + ", '{}'), excluded." + extra + ")"
                            : "excluded." + column))
                    .collect(Collectors.joining(", "));
            return "DO UPDATE SET " + updates;
        }

        /** Binds the values of {@code bound}, a subset of the columns in table order. */
        private void bind(PreparedStatement statement, List<String> bound, Object[] values)
                throws SQLException {
            for (int index = 0; index < bound.size(); index++) {
                Object value = bound.size() == values.length ? values[index]
                        : values[columns.indexOf(bound.get(index))];
                if (value instanceof Long number) {
                    statement.setLong(index + 1, number);
                } else {
                    statement.setString(index + 1, (String) value);
                }
            }
        }

        private String toJson(Map<String, String> extra) {
            try {
                return json.writeValueAsString(extra);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Columns outside the schema of table "
                        + table.name() + " cannot be written as JSON", e);
            }
        }
    }
}
