package vn.vneid.sso.approval;

/**
 * The CCCD's document number: the last 9 digits of the 12-digit personal identification number, as the card's TD1 MRZ
 * carries it in line 1 with the full number as optional data (ICAO 9303 part 5; {@code chip/icao/Mrz} checks the
 * same relation on every chip read). Approval records it on the enrolment record and the account.
 */
public final class DocumentNumber {

    /** The account attribute holding it; outside the user profile, so only approval writes it. */
    public static final String ATTRIBUTE = "vneidCardDocumentNumber";

    private DocumentNumber() {
    }

    public static String of(String nationalId) {
        if (nationalId == null || !nationalId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("a personal identification number has 12 digits");
        }
        return nationalId.substring(3);
    }
}
