package vn.vneid.sso.it.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our enrolment tables read straight from PostgreSQL (issue #15): what a killed server left on disk, seen without
 * the server, so that nothing it caches or repairs on start can hide a half-written record.
 */
public final class IntakeTables implements AutoCloseable {

    /** One stored row with its status history (event statuses, oldest first); the key is desk id / desk record id. */
    public record StoredRecord(String deskId, String deskRecordId, String nationalId, String fullName,
            String birthDate, String sex, String phone, int requestedLevel, String communeId, String status,
            List<String> history) {

        public String key() {
            return key(deskId, deskRecordId);
        }

        public static String key(String deskId, String deskRecordId) {
            return deskId + "/" + deskRecordId;
        }
    }

    private final Connection connection;

    private IntakeTables(Connection connection) {
        this.connection = connection;
    }

    public static IntakeTables open(KeycloakServer server) throws SQLException {
        return new IntakeTables(DriverManager.getConnection(server.jdbcUrl(), "keycloak", "keycloak"));
    }

    /**
     * Every stored record of these desks, by key; a key holding two rows would be a record stored twice (the unique
     * key forbids it, and this would show it). A record without any status event has an empty history.
     */
    public Map<String, List<StoredRecord>> recordsOf(Collection<String> deskIds) throws SQLException {
        String sql = "select r.ID, r.DESK_ID, r.DESK_RECORD_ID, r.NATIONAL_ID, r.FULL_NAME, r.BIRTH_DATE, r.SEX, "
                + "r.PHONE, r.REQUESTED_LEVEL, r.COMMUNE_ID, r.STATUS, e.STATUS as EVENT_STATUS "
                + "from VNEID_ENROLMENT_RECORD r left join VNEID_RECORD_STATUS_EVENT e on e.RECORD_ID = r.ID "
                + "where r.DESK_ID = any(?) order by r.ID, e.CREATED_AT, e.ID";
        Map<String, StoredRecord> byRowId = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            Array desks = connection.createArrayOf("varchar", deskIds.toArray());
            query.setArray(1, desks);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredRecord record = byRowId.computeIfAbsent(rows.getString("ID"), id -> row(rows));
                    String event = rows.getString("EVENT_STATUS");
                    if (event != null) {
                        record.history().add(event);
                    }
                }
            }
        }
        Map<String, List<StoredRecord>> byKey = new LinkedHashMap<>();
        byRowId.values().forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return byKey;
    }

    private static StoredRecord row(ResultSet rows) {
        try {
            return new StoredRecord(rows.getString("DESK_ID"), rows.getString("DESK_RECORD_ID"),
                    rows.getString("NATIONAL_ID"), rows.getString("FULL_NAME"), rows.getString("BIRTH_DATE"),
                    rows.getString("SEX"), rows.getString("PHONE"), rows.getInt("REQUESTED_LEVEL"),
                    rows.getString("COMMUNE_ID"), rows.getString("STATUS"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the record keeps of its activation code: the hash and the salt, as a copy of the database shows them. */
    public Map<String, String> activationCode(String recordId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select ACTIVATION_CODE_HASH, ACTIVATION_CODE_SALT from VNEID_ENROLMENT_RECORD where ID = ?")) {
            query.setString(1, recordId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no record " + recordId);
                }
                return Map.of("hash", rows.getString(1), "salt", rows.getString(2));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
