package vn.vneid.sso.selfreg;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** A birth date as typed: the date field's {@code 2001-09-09}, or the Vietnamese {@code 9/9/2001} / {@code 09/09/2001}. */
public final class BirthDates {

    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private BirthDates() {
    }

    public static Optional<LocalDate> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.strip();
        try {
            return Optional.of(value.contains("/") ? LocalDate.parse(value, VIETNAMESE) : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
