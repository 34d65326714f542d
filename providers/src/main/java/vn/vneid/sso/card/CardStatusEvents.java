package vn.vneid.sso.card;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;

/**
 * Reads one event of the police system field by field and reports every problem at once. Pure: "now" is given.
 */
public final class CardStatusEvents {

    public static final int MAX_REASON = 500;
    public static final int MAX_EVENT_ID = 64;
    /** Clocks differ a little between systems; an event much later than now is an error. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_EVENT_ID + "}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Why one field is refused: the field, a stable code for the police program, the message key for people. */
    public record Problem(String field, String code, String messageKey) {
    }

    /** The event, or its problems (never both). */
    public record Parsed(CardStatusEvent event, List<Problem> problems) {
        public boolean valid() {
            return event != null;
        }
    }

    private CardStatusEvents() {
    }

    public static Parsed parse(Map<String, String> fields, Instant now) {
        List<Problem> problems = new ArrayList<>();
        String eventId = trim(fields.get("eventId"));
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            problems.add(new Problem("eventId", "malformed", "cardEventIdMalformed"));
        }
        String nationalId = null;
        String rawId = trim(fields.get("nationalId"));
        if (rawId == null) {
            problems.add(new Problem("nationalId", "required", "cardEventNationalIdRequired"));
        } else {
            try {
                nationalId = NationalIdNumber.parse(rawId).value();
            } catch (NationalIdException e) {
                problems.add(new Problem("nationalId", "malformed", "cardEventNationalIdMalformed"));
            }
        }
        String documentNumber = trim(fields.get("documentNumber"));
        if (documentNumber == null) {
            problems.add(new Problem("documentNumber", "required", "cardEventDocumentRequired"));
        } else if (nationalId != null && !isCardNumberOf(documentNumber, nationalId)) {
            problems.add(new Problem("documentNumber", "not_this_citizen", "cardEventDocumentMismatch"));
        }
        String rawStatus = trim(fields.get("status"));
        CardStatus status = CardStatus.parse(rawStatus);
        if (rawStatus == null) {
            problems.add(new Problem("status", "required", "cardEventStatusRequired"));
        } else if ("ACTIVE".equalsIgnoreCase(rawStatus)) {
            problems.add(new Problem("status", "status_not_accepted", "cardEventActiveNotAccepted"));
        } else if (status == null) {
            problems.add(new Problem("status", "unknown_status", "cardEventStatusUnknown"));
        }
        String reason = trim(fields.get("reason"));
        if (reason == null) {
            problems.add(new Problem("reason", "required", "cardEventReasonRequired"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new Problem("reason", "too_long", "cardEventReasonTooLong"));
        }
        Instant occurredAt = null;
        String rawOccurred = trim(fields.get("occurredAt"));
        if (rawOccurred == null) {
            problems.add(new Problem("occurredAt", "required", "cardEventOccurredAtRequired"));
        } else {
            try {
                occurredAt = OffsetDateTime.parse(rawOccurred).toInstant();
                if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
                    problems.add(new Problem("occurredAt", "in_future", "cardEventOccurredAtFuture"));
                    occurredAt = null;
                }
            } catch (DateTimeException e) {
                problems.add(new Problem("occurredAt", "malformed", "cardEventOccurredAtMalformed"));
            }
        }
        LocalDate cardIssueDate = null;
        String rawIssue = trim(fields.get("cardIssueDate"));
        if (rawIssue != null) {
            try {
                if (!ISO_DATE.matcher(rawIssue).matches()) {
                    throw new DateTimeException(rawIssue);
                }
                cardIssueDate = LocalDate.parse(rawIssue);
            } catch (DateTimeException e) {
                problems.add(new Problem("cardIssueDate", "malformed", "cardEventIssueDateMalformed"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(new CardStatusEvent(eventId, nationalId, documentNumber, status, reason, occurredAt,
                cardIssueDate), List.of());
    }

    /**
     * The CCCD's number is the personal number; its MRZ writes the last 9 digits (ICAO 9303 TD1 has 9 places). Either
     * form names the citizen's card.
     */
    static boolean isCardNumberOf(String documentNumber, String nationalId) {
        String digits = documentNumber.replace(" ", "");
        return digits.equals(nationalId) || digits.length() == 9 && nationalId.endsWith(digits);
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
