package dev.intake.local.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.DestinationStore;
import dev.intake.port.FrozenValues;
import dev.intake.port.FrozenValues.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Destination tables in the local database, one per destination table name, with typed columns
 * (see {@link ColumnType}) and the job's key as primary key. Each {@code write} is one
 * transaction, so batches of thousands of rows cost one commit; it runs on the writer's own
 * thread while the caller prepares the next batch.
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

    /**
     * Converts records on the caller's thread, where refusals are found and returned, and writes
     * them on a thread of its own, so that the next batch is read and converted while SQLite
     * writes this one: on a million rows the two halves take about as long as each other. One
     * batch at most waits to be written, so memory stays at two batches.
     */
    private final class SqliteWriter implements Writer {

        /**
         * Rows per INSERT statement: one statement of many rows costs a fifth less than as many
         * one-row statements. SQLite allows 32,766 bound values per statement.
         */
        private static final int ROWS_PER_STATEMENT = 64;
        private static final int MAX_BOUND_VALUES = 32_766;

        private final DestinationTable table;
        private final WriteMode mode;
        private final String runId;
        private final List<String> columns;
        private final ColumnType[] types;
        private final int extraIndex;
        private final int[] keyIndexes;
        private final ExecutorService background;
        private Future<?> pending;
        // Used on the writing thread only.
        private final Map<UpsertShape, PreparedStatement> wholeUpserts = new HashMap<>();
        // The last shape of record seen, and what was worked out for it.
        private Names knownNames;
        private int[] knownPositions;
        private boolean knownNamesAllInSchema;

        SqliteWriter(DestinationTable table, WriteMode mode, String runId) {
            this.table = table;
            this.mode = mode;
            this.runId = runId;
            this.columns = List.copyOf(table.boundColumns().keySet());
            this.types = table.columns().values().toArray(new ColumnType[0]);
            this.extraIndex = types.length;
            this.keyIndexes = table.key().stream().mapToInt(columns::indexOf).toArray();
            this.background = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "intake-sqlite-writer");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public List<Rejected> write(List<Record> batch) {
            List<Rejected> rejected = new ArrayList<>();
            // Each record as the values to bind, in the order of DestinationTable#boundColumns.
            List<Object[]> rows = new ArrayList<>(batch.size());
            for (Record record : batch) {
                convert(record, rows, rejected);
            }

            awaitPending();
            String what = "writing " + rows.size() + " records of run " + runId + " to table "
                    + table.name();
            pending = background.submit(() -> database.inTransaction(what, connection -> {
                if (mode == WriteMode.MERGE) {
                    merge(connection, rows);
                } else {
                    writeWhole(connection, rows);
                }
                return null;
            }));
            return rejected;
        }

        /**
         * Waits for the last batch to be written and throws its failure (or, failing that, the
         * failure to close the writer's statements); then has the database copy the log the
         * batches filled into its file, in the background.
         */
        @Override
        public void close() {
            RuntimeException failure = null;
            try {
                awaitPending();
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                closeStatements();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            background.shutdown();
            database.checkpointInBackground();
            if (failure != null) {
                throw failure;
            }
        }

        private void awaitPending() {
            if (pending == null) {
                return;
            }
            try {
                pending.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new LocalStoreException("Writing to table " + table.name() + " failed: "
                        + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStoreException("Interrupted while writing to table "
                        + table.name(), e);
            } finally {
                pending = null;
            }
        }

        private void convert(Record record, List<Object[]> rows, List<Rejected> rejected) {
            try {
                rows.add(columnValues(record));
            } catch (ColumnType.Unfit unfit) {
                rejected.add(new Rejected(record, unfit.code, unfit.getMessage()));
            }
        }

        /** The values to bind for every column of the table, in table order. */
        private Object[] columnValues(Record record) {
            // A record's values are frozen when it is made, so this takes them as they are.
            FrozenValues fields = FrozenValues.of(record.values());
            int[] positions = positionsOf(fields.names());
            Object[] values = new Object[columns.size()];
            for (int index = 0; index < types.length; index++) {
                Object value = positions[index] < 0 ? null : fields.valueAt(positions[index]);
                values[index] = types[index].convert(columns.get(index), value);
            }
            checkKey(values);
            values[extraIndex] = knownNamesAllInSchema ? null : extraOf(fields);
            return values;
        }

        /**
         * Where each schema column is among the record's names, -1 when absent, and whether the
         * record has names outside the schema: worked out once per shape of record rather than
         * looked up name by name.
         */
        private int[] positionsOf(Names names) {
            if (names != knownNames) {
                knownNames = names;
                knownPositions = new int[types.length];
                int inSchema = 0;
                for (int index = 0; index < types.length; index++) {
                    knownPositions[index] = names.indexOf(columns.get(index));
                    inSchema += knownPositions[index] < 0 ? 0 : 1;
                }
                knownNamesAllInSchema = inSchema == names.size();
            }
            return knownPositions;
        }

        /** Columns the schema does not name, as a JSON object; null when there are none. */
        private String extraOf(Map<String, Object> fields) {
            Map<String, String> extra = new LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (!table.columns().containsKey(name) && value != null) {
                    extra.put(name, value.toString());
                }
            });
            return extra.isEmpty() ? null : toJson(extra);
        }

        private void checkKey(Object[] values) {
            for (int index = 0; index < keyIndexes.length; index++) {
                if (values[keyIndexes[index]] == null) {
                    throw new ColumnType.Unfit("MISSING_KEY", "Key field '" + table.key().get(index)
                            + "' has no value, so the record cannot be written to table '"
                            + table.name() + "'.");
                }
            }
        }

        /**
         * Every column of every row: many rows per statement, the rest one by one. Without
         * columns outside the schema in the batch, {@code _extra} is written as NULL by the
         * statement rather than bound row by row.
         */
        private void writeWhole(Connection connection, List<Object[]> rows) throws SQLException {
            boolean extras = rows.stream().anyMatch(row -> row[extraIndex] != null);
            int boundCount = extras ? columns.size() : extraIndex;
            int perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT,
                    MAX_BOUND_VALUES / boundCount));
            int whole = rows.size() / perStatement * perStatement;
            if (whole > 0) {
                PreparedStatement upsert = wholeUpsert(connection, extras, perStatement);
                for (int first = 0; first < whole; first += perStatement) {
                    for (int row = 0; row < perStatement; row++) {
                        bind(upsert, row * boundCount, boundCount, rows.get(first + row));
                    }
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            if (whole < rows.size()) {
                PreparedStatement upsert = wholeUpsert(connection, extras, 1);
                for (Object[] row : rows.subList(whole, rows.size())) {
                    bind(upsert, 0, boundCount, row);
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
        private void merge(Connection connection, List<Object[]> rows) throws SQLException {
            Map<List<String>, PreparedStatement> statements = new LinkedHashMap<>();
            try {
                PreparedStatement pending = null;
                for (Object[] row : rows) {
                    List<String> given = givenColumns(row);
                    PreparedStatement upsert = statements.get(given);
                    if (upsert == null) {
                        upsert = connection.prepareStatement(upsertSql(given, Map.of(), 1));
                        statements.put(given, upsert);
                    }
                    if (pending != null && pending != upsert) {
                        pending.executeBatch();
                    }
                    Object[] givenValues = Arrays.stream(row).filter(Objects::nonNull).toArray();
                    bind(upsert, 0, givenValues.length, givenValues);
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

        /**
         * The INSERT of {@code rows} whole rows, with or without bound {@code _extra} values,
         * prepared once for the writer's batches: each batch uses the same two or three, and
         * preparing a statement of 64 rows was a twentieth of the writing thread's time.
         */
        private PreparedStatement wholeUpsert(Connection connection, boolean extras, int rows)
                throws SQLException {
            UpsertShape shape = new UpsertShape(extras, rows);
            PreparedStatement upsert = wholeUpserts.get(shape);
            if (upsert == null) {
                upsert = connection.prepareStatement(extras
                        ? upsertSql(columns, Map.of(), rows)
                        : upsertSql(columns.subList(0, extraIndex),
                                Map.of(DestinationTable.EXTRA, "NULL"), rows));
                wholeUpserts.put(shape, upsert);
            }
            return upsert;
        }

        /** Closes the prepared statements on the writing thread, after the last batch. */
        private void closeStatements() {
            Future<?> closing = background.submit(() -> database.read("closing statements of"
                    + " table " + table.name(), connection -> {
                        for (PreparedStatement upsert : wholeUpserts.values()) {
                            upsert.close();
                        }
                        wholeUpserts.clear();
                        return null;
                    }));
            pending = closing;
            awaitPending();
        }

        /**
         * INSERT of {@code rows} rows of {@code bound} columns, then the {@code fixed} ones, whose
         * SQL is the same for every row. The run id is one of those: each bound value costs a
         * call into the driver's native code.
         */
        private String upsertSql(List<String> bound, Map<String, String> fixed, int rows) {
            Map<String, String> literals = new LinkedHashMap<>(fixed);
            literals.put(DestinationTable.RUN_ID, quoteText(runId));
            List<String> written = Stream.concat(bound.stream(), literals.keySet().stream())
                    .toList();
            String row = "(" + String.join(", ", Stream.concat(
                    bound.stream().map(column -> "?"), literals.values().stream()).toList()) + ")";
            String names = written.stream().map(DestinationTable::quote)
                    .collect(Collectors.joining(", "));
            String key = table.key().stream().map(DestinationTable::quote)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + DestinationTable.quote(table.name()) + " (" + names
                    + ") VALUES " + String.join(", ", Collections.nCopies(rows, row))
                    + " ON CONFLICT (" + key + ") " + onConflict(written);
        }

        private String onConflict(List<String> written) {
            if (mode == WriteMode.INSERT_ONLY) {
                return "DO NOTHING";
            }
            String extra = DestinationTable.quote(DestinationTable.EXTRA);
            String updates = written.stream()
                    .filter(column -> !table.key().contains(column))
                    .map(DestinationTable::quote)
                    .map(column -> column + " = " + (column.equals(extra) && mode == WriteMode.MERGE
                            ? "json_patch(COALESCE(" + extra + ", '{}'), excluded." + extra + ")"
                            : "excluded." + column))
                    .collect(Collectors.joining(", "));
            return "DO UPDATE SET " + updates;
        }

        /** Binds the first {@code count} values from parameter {@code offset + 1} on. */
        private static void bind(PreparedStatement statement, int offset, int count,
                Object[] values) throws SQLException {
            for (int index = 0; index < count; index++) {
                if (values[index] instanceof Long number) {
                    statement.setLong(offset + index + 1, number);
                } else {
                    statement.setString(offset + index + 1, (String) values[index]);
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

    /** An INSERT of whole rows: whether it binds {@code _extra}, and how many rows. */
    private record UpsertShape(boolean extras, int rows) {}

    /** A text literal for SQL: in single quotes, each quote doubled. */
    private static String quoteText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
