package vn.vneid.sso.chipsim;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The TD1 machine readable zone of a CCCD (ICAO 9303 part 5): three lines of 30 characters. */
public final class Mrz {

    public static final int LINE_LENGTH = 30;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int[] WEIGHTS = {7, 3, 1};

    private Mrz() {
    }

    /** The 90 characters of the three lines, concatenated without newlines (the content of DG1). */
    public static String td1(Citizen citizen) {
        String id = citizen.nationalId();
        // The 9-character document number field cannot hold the 12-digit ID: it gets the last 9 digits and the
        // optional data carries the whole number, as on real CCCDs.
        String documentNumber = id.substring(3);
        String line1 = "ID" + "VNM" + documentNumber + checkDigit(documentNumber)
                + id + "<" + checkDigit(id) + "<";
        String birth = YYMMDD.format(citizen.birthDate());
        String expiry = YYMMDD.format(citizen.expiryDate());
        String line2WithoutComposite = birth + checkDigit(birth)
                + (citizen.sex() == Citizen.Sex.MALE ? "M" : "F")
                + expiry + checkDigit(expiry)
                + "VNM" + "<".repeat(11);
        String line2 = line2WithoutComposite + compositeCheckDigit(line1, line2WithoutComposite);
        String line3 = pad(name(citizen.fullName()));
        return line1 + line2 + line3;
    }

    /** ICAO 7-3-1 check digit: digits count as themselves, A-Z as 10-35, the filler as 0. */
    public static int checkDigit(String field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** TD1 composite: line 1 positions 6-30, line 2 positions 1-7, 9-15 and 19-29 (1-based, inclusive). */
    public static int compositeCheckDigit(String line1, String line2) {
        return checkDigit(line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29));
    }

    /** "Nguyễn Văn An" → "NGUYEN<<VAN<AN": family name, two fillers, given names; cut at 30 characters. */
    public static String name(String vietnameseFullName) {
        String[] words = latin(vietnameseFullName).trim().split("\\s+");
        StringBuilder out = new StringBuilder(words[0]).append("<<");
        for (int i = 1; i < words.length; i++) {
            out.append(i > 1 ? "<" : "").append(words[i]);
        }
        String name = out.toString();
        return name.length() > LINE_LENGTH ? name.substring(0, LINE_LENGTH) : name;
    }

    /** Vietnamese → ASCII capitals: strip the diacritics (NFD leaves them as combining marks); Đ has none, map it. */
    static String latin(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('Đ', 'D')
                .replace('đ', 'd')
                .toUpperCase(Locale.ROOT);
        // Anything else outside A-Z (hyphen, apostrophe) separates words like a space does.
        return stripped.replaceAll("[^A-Z]+", " ");
    }

    static String pad(String field) {
        return field + "<".repeat(LINE_LENGTH - field.length());
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: '" + c + "'");
    }

    /** Splits the 90 characters of a TD1 into its three lines. */
    public static String[] lines(String td1) {
        return new String[] {td1.substring(0, 30), td1.substring(30, 60), td1.substring(60, 90)};
    }
}
