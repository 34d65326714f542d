package vn.vneid.sso.identity;

import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;
import java.util.Optional;

/**
 * The 12-digit personal identification number (số định danh cá nhân), Decree 137/2015/NĐ-CP art. 7 and
 * Circular 07/2016/TT-BCA art. 7: digits 1-3 the province where the birth was registered, digit 4 the century
 * of birth and sex (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s), digits 5-6
 * the last two digits of the birth year, digits 7-12 random.
 */
public final class NationalIdNumber {

    public static final int LENGTH = 12;

    private final String value;
    private final Province province;
    private final int birthYear;
    private final Gender gender;

    private NationalIdNumber(String value, Province province, int birthYear, Gender gender) {
        this.value = value;
        this.province = province;
        this.birthYear = birthYear;
        this.gender = gender;
    }

    /** Parses with today's year as the bound for the encoded birth year. */
    public static NationalIdNumber parse(String raw) throws NationalIdException {
        return parse(raw, Year.now().getValue());
    }

    /**
     * Parses a number as a citizen types it: surrounding blanks and inner spaces (numbers are printed in groups of
     * three on the card) are ignored; anything else must be a digit.
     *
     * @param currentYear no one can be born after it, so a number encoding a later year is refused
     */
    public static NationalIdNumber parse(String raw, int currentYear) throws NationalIdException {
        if (raw == null || raw.isBlank()) {
            throw new NationalIdException(NationalIdException.Reason.EMPTY);
        }
        String digits = raw.strip().replace(" ", "");
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NationalIdException(NationalIdException.Reason.NOT_DIGITS);
            }
        }
        if (digits.length() != LENGTH) {
            throw new NationalIdException(NationalIdException.Reason.WRONG_LENGTH);
        }
        Province province = Province.byCode(digits.substring(0, 3))
                .orElseThrow(() -> new NationalIdException(NationalIdException.Reason.UNKNOWN_PROVINCE));
        int centuryDigit = digits.charAt(3) - '0';
        int birthYear = 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(digits.substring(4, 6));
        if (birthYear > currentYear) {
            throw new NationalIdException(NationalIdException.Reason.BIRTH_YEAR_IN_FUTURE);
        }
        Gender gender = centuryDigit % 2 == 0 ? Gender.MALE : Gender.FEMALE;
        return new NationalIdNumber(digits, province, birthYear, gender);
    }

    /**
     * Checks the number against what the account records. Unknown values are not checked: a missing birth date
     * says nothing against the number.
     *
     * @return the first disagreement, or empty when the number fits the account
     */
    public Optional<NationalIdException.Reason> mismatchWith(LocalDate birthDate, Gender recordedGender) {
        if (birthDate != null && birthDate.getYear() != birthYear) {
            return Optional.of(NationalIdException.Reason.BIRTH_YEAR_MISMATCH);
        }
        if (recordedGender != null && recordedGender != gender) {
            return Optional.of(NationalIdException.Reason.GENDER_MISMATCH);
        }
        return Optional.empty();
    }

    public String value() {
        return value;
    }

    public Province province() {
        return province;
    }

    public int birthYear() {
        return birthYear;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalIdNumber && ((NationalIdNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** The number is personal data: only its province prefix is ever printed. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "*********";
    }
}
