package vn.vneid.sso.password;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A national account's password must not be guessable from what is printed on the citizen's own documents
 * (NIST SP 800-63B: refuse context-specific words such as the user name). The national ID, the birth date and the
 * phone number are on the ID card, on many forms and in many leaks, so a password that <em>contains</em> one of them
 * is refused, not only one equal to it: "Ngoc15071992" is as easy to guess as "15071992".
 *
 * <p>Separators are ignored ({@code 15/07/1992}, {@code 15-07-1992}, {@code 15.07.1992} and {@code 15 07 1992} are
 * all {@code 15071992}). Dates are checked in the usual Vietnamese and international forms: {@code ddMMyyyy},
 * {@code ddMMyy}, {@code yyyyMMdd}, {@code yyMMdd}, {@code MMddyyyy}, and day and month without their leading zero;
 * a phone in any of its forms ({@code +84983456721}, {@code 84983456721}, {@code 0983456721}) contains its
 * nine-digit national number. Plain Java: unit-tested directly.
 */
public final class PersonalDataRule {

    /** What the password contained, with the message key the citizen reads (vi, en). */
    public enum Finding {
        NATIONAL_ID("vneidPasswordContainsNationalId"),
        BIRTH_DATE("vneidPasswordContainsBirthDate"),
        PHONE("vneidPasswordContainsPhone");

        private final String messageKey;

        Finding(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s./\\-_,]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String[] DATE_FORMS = {"ddMMyyyy", "ddMMyy", "yyyyMMdd", "yyMMdd", "MMddyyyy", "dMyyyy",
            "ddMyyyy", "dMMyyyy"};

    private PersonalDataRule() {
    }

    /**
     * @param nationalId the 12-digit number, or null
     * @param birthDate  the birth date, or null
     * @param phone      the phone in any form (E.164 or national), or null
     * @return the first personal datum the password contains, or empty
     */
    public static Optional<Finding> check(String password, String nationalId, LocalDate birthDate, String phone) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(password.toLowerCase(Locale.ROOT)).replaceAll("");
        if (nationalId != null && nationalId.length() >= 6 && compact.contains(nationalId.strip())) {
            return Optional.of(Finding.NATIONAL_ID);
        }
        if (birthDate != null && dateForms(birthDate).stream().anyMatch(compact::contains)) {
            return Optional.of(Finding.BIRTH_DATE);
        }
        String national = nationalNumber(phone);
        if (national != null && compact.contains(national)) {
            return Optional.of(Finding.PHONE);
        }
        return Optional.empty();
    }

    static Set<String> dateForms(LocalDate date) {
        Set<String> forms = new LinkedHashSet<>();
        for (String pattern : DATE_FORMS) {
            String form = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(date);
            if (form.length() >= 6) {
                forms.add(form);
            }
        }
        return forms;
    }

    /** The national significant number (without +84 or the leading 0), or null when there is no usable phone. */
    static String nationalNumber(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = String.join("", DIGITS.matcher(phone).results().map(r -> r.group()).toList());
        if (digits.startsWith("84") && digits.length() == 11) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0") && digits.length() == 10) {
            digits = digits.substring(1);
        }
        return digits.length() >= 8 ? digits : null;
    }
}
