package vn.vneid.sso.selfreg;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

import vn.vneid.sso.identity.Gender;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.population.Person;

/**
 * Whether what a citizen typed lets a level-1 account be registered from the population registry's record (issue #15,
 * Decree 69/2024). The citizen learns only "matches" or "does not match": which field differs, or whether the number
 * is known at all, stays in the event (a registry is not to be mined through our page). Deceased and under-age are
 * told only once everything typed matched, i.e. to someone who already knew the person's data.
 */
public final class RegistrationCheck {

    /** Decree 69/2024: from 14 a citizen registers alone; a child's level-1 account is registered by a parent. */
    public static final int DEFAULT_MIN_AGE = 14;

    /** The decision, each with the message key the page shows and a reason for the event. */
    public enum Verdict {
        MATCH(null),
        NOT_FOUND("vneidRegisterNoMatch"),
        NAME_MISMATCH("vneidRegisterNoMatch"),
        BIRTH_DATE_MISMATCH("vneidRegisterNoMatch"),
        GENDER_MISMATCH("vneidRegisterNoMatch"),
        DECEASED("vneidRegisterNotPossible"),
        UNDER_AGE("vneidRegisterUnderAge");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        public String eventReason() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the citizen typed, already parsed. */
    public record Claimed(NationalIdNumber number, String fullName, LocalDate birthDate, Gender gender) {
    }

    private RegistrationCheck() {
    }

    public static Verdict decide(Optional<Person> registered, Claimed claimed, LocalDate today, int minAge) {
        if (registered.isEmpty()) {
            return Verdict.NOT_FOUND;
        }
        Person person = registered.get();
        if (!PersonNames.same(claimed.fullName(), person.fullName())) {
            return Verdict.NAME_MISMATCH;
        }
        if (!person.birthDate().equals(claimed.birthDate())) {
            return Verdict.BIRTH_DATE_MISMATCH;
        }
        if (person.gender() != claimed.gender()) {
            return Verdict.GENDER_MISMATCH;
        }
        if (person.deceased()) {
            return Verdict.DECEASED;
        }
        if (underAge(person.birthDate(), today, minAge)) {
            return Verdict.UNDER_AGE;
        }
        return Verdict.MATCH;
    }

    /** Younger than {@code minAge} full years today (a birthday today counts as reached). */
    public static boolean underAge(LocalDate birthDate, LocalDate today, int minAge) {
        return Period.between(birthDate, today).getYears() < minAge;
    }
}
