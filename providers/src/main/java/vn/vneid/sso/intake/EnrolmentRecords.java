package vn.vneid.sso.intake;

import java.util.Optional;

/** Storage of enrolment records as intake needs it; {@code intake/jpa} keeps them in our tables. */
public interface EnrolmentRecords {

    /** The fingerprint of the record this desk already sent under this id, if any. */
    Optional<String> fingerprintOf(String deskId, String deskRecordId);

    /** Stores a new record with status RECEIVED and its first status event. */
    void add(String deskId, DeskRecord record, String fingerprint);

    boolean communeExists(String communeCode);
}
