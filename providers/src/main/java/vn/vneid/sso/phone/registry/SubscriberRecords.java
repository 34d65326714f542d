package vn.vneid.sso.phone.registry;

import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON shape of a subscriber record, shared by the local file and the HTTP registry's answers. */
public final class SubscriberRecords {

    private SubscriberRecords() {
    }

    /** @throws IllegalArgumentException when a field is missing or has an unknown value */
    public static Subscriber read(JsonNode node) {
        return new Subscriber(
                text(node, "number"),
                text(node, "ownerNationalId"),
                Subscriber.Kind.valueOf(text(node, "kind").toUpperCase(Locale.ROOT)),
                Subscriber.Status.valueOf(text(node, "status").toUpperCase(Locale.ROOT)),
                date(node, "activatedOn"),
                date(node, "expiresOn"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("subscriber record without " + field);
        }
        return value.asText().strip();
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("subscriber record with a malformed " + field);
        }
    }
}
