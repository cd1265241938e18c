package dev.intake.local.store;

import dev.intake.run.StatusChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A status history table: (owner id, seq, status, at, cause), oldest first by seq. */
final class StatusHistoryTable {

    private final String table;
    private final String ownerColumn;

    /** Both names are constants of this package, never user input. */
    StatusHistoryTable(String table, String ownerColumn) {
        this.table = table;
        this.ownerColumn = ownerColumn;
    }

    void append(Connection connection, String ownerId, StatusChange change) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + ownerColumn + ", seq, status, at, cause)"
                + " VALUES (?, (SELECT COALESCE(MAX(seq), -1) + 1 FROM " + table
                + " WHERE " + ownerColumn + " = ?), ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, ownerId);
            insert.setString(2, ownerId);
            insert.setString(3, change.status());
            insert.setString(4, SqlTime.format(change.at()));
            insert.setString(5, change.cause());
            insert.executeUpdate();
        }
    }

    List<StatusChange> list(Connection connection, String ownerId) throws SQLException {
        String sql = "SELECT status, at, cause FROM " + table + " WHERE " + ownerColumn
                + " = ? ORDER BY seq";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, ownerId);
            try (ResultSet rows = select.executeQuery()) {
                List<StatusChange> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new StatusChange(rows.getString(1),
                            SqlTime.parse(rows.getString(2)), rows.getString(3)));
                }
                return changes;
            }
        }
    }

    void delete(Connection connection, String ownerId) throws SQLException {
        String sql = "DELETE FROM " + table + " WHERE " + ownerColumn + " = ?";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, ownerId);
            delete.executeUpdate();
        }
    }
}
