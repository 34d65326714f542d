package vn.vneid.sso.approval;

import java.time.LocalDate;

import vn.vneid.sso.intake.EnrolmentStatus;

/** An enrolment record as approval and activation read it (the JPA entity never leaves {@code intake/jpa}). */
public record QueuedRecord(String id, String deskId, String deskRecordId, String nationalId, String fullName,
        LocalDate birthDate, String sex, String phone, int requestedLevel, String communeId, EnrolmentStatus status,
        long receivedAt, String documentNumber, String userId, String decidedBy, Long decidedAt,
        ActivationCheck.Stored code, int activationResends) {

    /** One step of the record's history: who (desk client id, officer or citizen user id) moved it where, when, why. */
    public record HistoryEntry(EnrolmentStatus status, String reason, String actor, long at) {
    }
}
