package vn.vneid.sso.chip.icao;

import java.time.LocalDate;

/**
 * The TD1 machine-readable zone of the CCCD (ICAO 9303 part 5): 3 lines of 30 characters. Line 1 holds the document
 * number (the last 9 digits of the personal identification number) and, as optional data, the full 12-digit
 * number; line 2 the birth date, sex and expiry; line 3 the name without diacritics. Every check digit is checked.
 */
public final class Mrz {

    public static final int LENGTH = 90;

    private final String documentNumber;
    private final String nationalId;
    private final LocalDate birthDate;
    private final char sex;
    private final LocalDate expiryDate;
    private final String name;

    private Mrz(String documentNumber, String nationalId, LocalDate birthDate, char sex, LocalDate expiryDate,
            String name) {
        this.documentNumber = documentNumber;
        this.nationalId = nationalId;
        this.birthDate = birthDate;
        this.sex = sex;
        this.expiryDate = expiryDate;
        this.name = name;
    }

    public static Mrz parse(String mrz, int currentYear) throws ChipVerificationException {
        if (mrz == null || mrz.length() != LENGTH || !mrz.matches("[A-Z0-9<]{90}")) {
            throw malformed("TD1 MRZ must be 90 characters of A-Z, 0-9 and <");
        }
        String line1 = mrz.substring(0, 30);
        String line2 = mrz.substring(30, 60);
        String line3 = mrz.substring(60, 90);
        if (!line1.startsWith("ID") || !"VNM".equals(line1.substring(2, 5))) {
            throw malformed("not a Vietnamese ID card MRZ");
        }
        String documentNumber = line1.substring(5, 14);
        check(documentNumber, line1.charAt(14), "document number");
        String optional = line1.substring(15, 30);
        String nationalId = optional.substring(0, 12);
        if (!nationalId.matches("\\d{12}") || !nationalId.endsWith(documentNumber)) {
            throw malformed("optional data does not hold the 12-digit number ending with the document number");
        }
        check(nationalId, optional.charAt(13), "national ID");
        String birth = line2.substring(0, 6);
        check(birth, line2.charAt(6), "birth date");
        char sex = line2.charAt(7);
        String expiry = line2.substring(8, 14);
        check(expiry, line2.charAt(14), "expiry date");
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        check(composite, line2.charAt(29), "composite");
        return new Mrz(documentNumber, nationalId, date(birth, currentYear, true), sex,
                date(expiry, currentYear, false), line3.replace("<<", " ").replace('<', ' ').strip()
                        .replaceAll(" +", " "));
    }

    /** ICAO 9303 part 3 check digit: weights 7, 3, 1; digits count as themselves, A-Z as 10-35, '<' as 0. */
    public static int checkDigit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else if (c == '<') {
                value = 0;
            } else {
                throw new IllegalArgumentException("not an MRZ character: " + c);
            }
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    private static void check(String field, char digit, String what) throws ChipVerificationException {
        if (digit < '0' || digit > '9' || checkDigit(field) != digit - '0') {
            throw malformed("wrong check digit for the " + what);
        }
    }

    /** Two-digit years: a birth date is never in the future, an expiry date is within the next century. */
    private static LocalDate date(String yymmdd, int currentYear, boolean past) throws ChipVerificationException {
        try {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            int century = currentYear / 100 * 100;
            int year = century + yy;
            if (past && year > currentYear) {
                year -= 100;
            }
            if (!past && year < currentYear - 50) {
                year += 100;
            }
            return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw malformed("not a date: " + yymmdd);
        }
    }

    private static ChipVerificationException malformed(String detail) {
        return new ChipVerificationException(ChipFailure.MALFORMED, "DG1 " + detail);
    }

    public String documentNumber() {
        return documentNumber;
    }

    public String nationalId() {
        return nationalId;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** 'M', 'F' or '<'. */
    public char sex() {
        return sex;
    }

    public LocalDate expiryDate() {
        return expiryDate;
    }

    public String name() {
        return name;
    }
}
