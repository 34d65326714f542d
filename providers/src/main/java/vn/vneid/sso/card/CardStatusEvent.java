package vn.vneid.sso.card;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One card status event from the police system, validated.
 *
 * @param eventId the police system's own id, echoed in the result; may be null
 * @param cardIssueDate the reported card's issue date when the police system sends it, else null
 */
public record CardStatusEvent(String eventId, String nationalId, String documentNumber, CardStatus status,
                              String reason, Instant occurredAt, LocalDate cardIssueDate) {

    /**
     * What makes two events the same report: the status and the moment. The same report sent again (a retry after a
     * lost answer) is acknowledged as a duplicate, even after the citizen has bound a new card.
     */
    public String idempotencyKey() {
        return status.name() + "@" + occurredAt.getEpochSecond();
    }
}
