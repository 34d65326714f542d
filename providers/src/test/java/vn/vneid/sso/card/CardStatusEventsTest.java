package vn.vneid.sso.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardStatusEventsTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    static Map<String, String> valid() {
        Map<String, String> fields = new HashMap<>();
        fields.put("eventId", "bca-2026-000123");
        fields.put("nationalId", "001085012345");
        fields.put("documentNumber", "085012345");
        fields.put("status", "LOST");
        fields.put("reason", "Công dân báo mất thẻ");
        fields.put("occurredAt", "2026-11-24T09:30:00+07:00");
        return fields;
    }

    @Test
    @DisplayName("a valid event is read with its instant and optional issue date")
    void valid_() {
        Map<String, String> fields = valid();
        fields.put("cardIssueDate", "2021-04-12");
        CardStatusEvents.Parsed parsed = CardStatusEvents.parse(fields, NOW);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.event().status()).isEqualTo(CardStatus.LOST);
        assertThat(parsed.event().occurredAt()).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
        assertThat(parsed.event().cardIssueDate()).isEqualTo(LocalDate.of(2021, 4, 12));
        assertThat(parsed.event().idempotencyKey()).isEqualTo("LOST@" + Instant.parse("2026-11-24T02:30:00Z")
                .getEpochSecond());
    }

    @Test
    @DisplayName("the card number may be the 12-digit number or its last 9 digits (MRZ), never another's")
    void documentNumber() {
        Map<String, String> fields = valid();
        fields.put("documentNumber", "001085012345");
        assertThat(CardStatusEvents.parse(fields, NOW).valid()).isTrue();
        fields.put("documentNumber", "085012346");
        assertThat(CardStatusEvents.parse(fields, NOW).problems())
                .containsExactly(new CardStatusEvents.Problem("documentNumber", "not_this_citizen",
                        "cardEventDocumentMismatch"));
        fields.put("documentNumber", "85012345");
        assertThat(CardStatusEvents.parse(fields, NOW).valid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "status, ACTIVE, status_not_accepted",
        "status, FOUND, unknown_status",
        "status, '', required",
        "nationalId, 001085, malformed",
        "nationalId, '', required",
        "reason, '  ', required",
        "occurredAt, 24/11/2026, malformed",
        "occurredAt, 2026-11-24T09:30:00, malformed",
        "occurredAt, 2026-11-24T15:06:00+07:00, in_future",
        "cardIssueDate, 12/04/2021, malformed",
        "eventId, 'có dấu', malformed",
    })
    @DisplayName("each bad field is reported with its own code")
    void badField(String field, String value, String code) {
        Map<String, String> fields = valid();
        fields.put(field, value);
        CardStatusEvents.Parsed parsed = CardStatusEvents.parse(fields, NOW);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.code()).isEqualTo(code);
        });
    }

    @Test
    @DisplayName("every problem is reported at once; a small clock skew is tolerated")
    void allAtOnce() {
        assertThat(CardStatusEvents.parse(new HashMap<>(), NOW).problems()).extracting(CardStatusEvents.Problem::field)
                .containsExactly("nationalId", "documentNumber", "status", "reason", "occurredAt");
        Map<String, String> fields = valid();
        fields.put("occurredAt", "2026-11-24T15:04:00+07:00");
        assertThat(CardStatusEvents.parse(fields, NOW).valid()).isTrue();
        fields.put("reason", "x".repeat(CardStatusEvents.MAX_REASON + 1));
        assertThat(CardStatusEvents.parse(fields, NOW).problems()).extracting(CardStatusEvents.Problem::code)
                .containsExactly("too_long");
    }
}
