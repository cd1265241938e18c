package dev.intake.local.store;

import dev.intake.job.JobDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape of one destination table as a job declares it: a column per schema field, the job's
 * key as primary key, then {@code _extra} (columns the schema does not name, as a JSON object)
 * and {@code _run_id} (the run that last wrote the row). Creates the table or checks that an
 * existing one fits.
 */
final class DestinationTable {

    static final String EXTRA = "_extra";
    static final String RUN_ID = "_run_id";

    // The characters DynamoDB allows in a table name; with quoting they are safe in SQL too.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final String jobId;
    private final String name;
    private final Map<String, ColumnType> columns;
    private final List<String> key;

    private DestinationTable(String jobId, String name, Map<String, ColumnType> columns,
            List<String> key) {
        this.jobId = jobId;
        this.name = name;
        this.columns = columns;
        this.key = key;
    }

    static DestinationTable of(JobDefinition job) {
        String table = job.destination() == null ? null : job.destination().table();
        checkName(job.id(), table);
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (JobDefinition.Field field : job.schema().fields()) {
            checkFieldName(job.id(), field.name());
            columns.put(field.name(), ColumnType.of(field.type()));
        }
        checkKey(job, table, columns);
        return new DestinationTable(job.id(), table, columns, job.schema().key());
    }

    String name() {
        return name;
    }

    Map<String, ColumnType> columns() {
        return columns;
    }

    List<String> key() {
        return key;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Creates the table if absent; adds columns the job added since; refuses a changed key. */
    void ensure(Connection connection) throws SQLException {
        Map<String, String> existing = existingColumns(connection);
        if (existing.isEmpty()) {
            execute(connection, createSql());
            return;
        }
        checkExistingKey(connection);
        for (Map.Entry<String, ColumnType> column : allColumns().entrySet()) {
            String found = existing.get(column.getKey());
            String wanted = column.getValue().sqlType();
            if (found == null) {
                execute(connection, "ALTER TABLE " + quote(name) + " ADD COLUMN "
                        + quote(column.getKey()) + " " + wanted);
            } else if (!found.equalsIgnoreCase(wanted)) {
                throw new DestinationTableException("Destination table '" + name + "' of job "
                        + jobId + " has column '" + column.getKey() + "' as " + found
                        + " but the job's schema needs " + wanted + ". Drop or rename the table,"
                        + " or choose another destination table name.");
            }
        }
    }

    /** Schema columns, then {@code _extra}: the columns a write binds per row. */
    Map<String, ColumnType> boundColumns() {
        Map<String, ColumnType> bound = new LinkedHashMap<>(columns);
        bound.put(EXTRA, ColumnType.TEXT);
        return bound;
    }

    /** Schema columns, then the two bookkeeping columns. */
    Map<String, ColumnType> allColumns() {
        Map<String, ColumnType> all = boundColumns();
        all.put(RUN_ID, ColumnType.TEXT);
        return all;
    }

    private String createSql() {
        // A single whole-number key becomes the rowid itself: the table is its only b-tree and
        // an upsert finds the row by the number. Any other key makes a WITHOUT ROWID table, where
        // the key is the only index, so an upsert touches one b-tree either way.
        boolean rowidKey = key.size() == 1 && columns.get(key.get(0)) == ColumnType.INTEGER;
        String keyColumn = rowidKey ? " NOT NULL PRIMARY KEY" : " NOT NULL";
        String definitions = allColumns().entrySet().stream()
                .map(column -> quote(column.getKey()) + " " + column.getValue().sqlType()
                        + (key.contains(column.getKey()) ? keyColumn : ""))
                .collect(Collectors.joining(", "));
        if (rowidKey) {
            return "CREATE TABLE " + quote(name) + " (" + definitions + ")";
        }
        String primaryKey = key.stream().map(DestinationTable::quote)
                .collect(Collectors.joining(", "));
        return "CREATE TABLE " + quote(name) + " (" + definitions + ", PRIMARY KEY ("
                + primaryKey + ")) WITHOUT ROWID";
    }

    private Map<String, String> existingColumns(Connection connection) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement info = connection.prepareStatement(
                "SELECT name, type FROM pragma_table_info(?)")) {
            info.setString(1, name);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    private void checkExistingKey(Connection connection) throws SQLException {
        Map<Integer, String> primaryKey = new TreeMap<>();
        try (PreparedStatement info = connection.prepareStatement(
                "SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0")) {
            info.setString(1, name);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    primaryKey.put(rows.getInt(2), rows.getString(1));
                }
            }
        }
        if (!new ArrayList<>(primaryKey.values()).equals(key)) {
            throw new DestinationTableException("Destination table '" + name + "' exists with key "
                    + primaryKey.values() + " but job " + jobId + " declares key " + key
                    + ". Drop the table, or choose another destination table name.");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static void checkName(String jobId, String table) {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new DestinationTableException("Job " + jobId + " has destination table '" + table
                    + "'; a table name has 3 to 255 letters, digits, '_', '-' or '.'.");
        }
        String lower = table.toLowerCase(Locale.ROOT);
        if (lower.startsWith("intake_") || lower.startsWith("sqlite_")) {
            throw new DestinationTableException("Job " + jobId + " has destination table '"
                    + table + "'; names starting with intake_ or sqlite_ are reserved by the"
                    + " local database. Choose another name.");
        }
    }

    private static void checkFieldName(String jobId, String field) {
        if (field.equals(EXTRA) || field.equals(RUN_ID)) {
            throw new DestinationTableException("Job " + jobId + " has a field named '" + field
                    + "', which the local destination table uses for itself. Rename the field.");
        }
    }

    private static void checkKey(JobDefinition job, String table, Map<String, ColumnType> columns) {
        List<String> key = job.schema().key();
        if (key.isEmpty() || !columns.keySet().containsAll(key)) {
            throw new DestinationTableException("Job " + job.id() + " declares key " + key
                    + " for table '" + table + "', but a key must name one or more of its"
                    + " fields " + columns.keySet() + ".");
        }
    }
}
