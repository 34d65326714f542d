package vn.vneid.sso.phone;

import java.util.Locale;
import java.util.Objects;

/**
 * A Vietnamese mobile number, normalised to E.164 ({@code +84} and 9 digits). Citizens type it as 0912 345 678,
 * 84912345678 or +84 912 345 678; all three are the same number. Fixed lines (02x) and foreign numbers are refused:
 * a code may only go to a Vietnamese mobile, which also closes the door to SMS pumping to premium foreign ranges.
 */
public final class PhoneNumber {

    private final String e164;

    private PhoneNumber(String e164) {
        this.e164 = e164;
    }

    public static PhoneNumber parse(String raw) throws PhoneNumberException {
        if (raw == null || raw.isBlank()) {
            throw new PhoneNumberException(PhoneNumberException.Reason.EMPTY);
        }
        String compact = raw.strip().replaceAll("[\\s.()-]", "");
        boolean plus = compact.startsWith("+");
        String digits = plus ? compact.substring(1) : compact.startsWith("00") ? compact.substring(2) : compact;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PhoneNumberException(PhoneNumberException.Reason.NOT_DIGITS);
        }
        String national;
        if (digits.startsWith("84") && (plus || compact.startsWith("00") || digits.length() == 11)) {
            national = digits.substring(2);
        } else if (!plus && !compact.startsWith("00") && digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            throw new PhoneNumberException(PhoneNumberException.Reason.FOREIGN);
        }
        if (national.startsWith("2")) {
            throw new PhoneNumberException(PhoneNumberException.Reason.FIXED_LINE);
        }
        if (national.length() != 9) {
            throw new PhoneNumberException(PhoneNumberException.Reason.WRONG_LENGTH);
        }
        if (!MobilePrefixes.isMobile(national.substring(0, 2))) {
            throw new PhoneNumberException(PhoneNumberException.Reason.NOT_MOBILE);
        }
        return new PhoneNumber("+84" + national);
    }

    /** {@code +84912345678}: how the number is stored and sent to gateways and registries. */
    public String e164() {
        return e164;
    }

    /** {@code 0912345678}: how Vietnamese citizens write it. */
    public String national() {
        return "0" + e164.substring(3);
    }

    public String masked() {
        return PhoneMask.mask(e164);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber && ((PhoneNumber) o).e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return Objects.hash(e164);
    }

    /** Phone numbers are personal data: printed masked. */
    @Override
    public String toString() {
        return masked().toLowerCase(Locale.ROOT);
    }
}
