package vn.vneid.sso.population;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import vn.vneid.sso.identity.Gender;

/**
 * The JSON shape of a person record, shared by the local file and the HTTP registry's answers:
 * {@code {"nationalId", "fullName", "birthDate", "gender": "male|female", "placeOfResidence", "communeCode",
 * "deceased": false, "cardStatus": "valid|lost|replaced|revoked"}}.
 */
public final class PersonRecords {

    private PersonRecords() {
    }

    /** @throws IllegalArgumentException when a field is missing or has an unknown value */
    public static Person read(JsonNode node) {
        String gender = text(node, "gender", true);
        String card = text(node, "cardStatus", false);
        try {
            return new Person(
                    text(node, "nationalId", true),
                    Normalizer.normalize(text(node, "fullName", true), Normalizer.Form.NFC),
                    LocalDate.parse(text(node, "birthDate", true)),
                    Gender.fromClaimValue(gender)
                            .orElseThrow(() -> new IllegalArgumentException("person record with an unknown gender")),
                    text(node, "placeOfResidence", false),
                    text(node, "communeCode", false),
                    node.path("deceased").asBoolean(false),
                    card == null ? null : Person.CardStatus.valueOf(card.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("person record with a malformed birthDate");
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException("person record without " + field);
            }
            return null;
        }
        return value.asText().strip();
    }
}
