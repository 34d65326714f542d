package vn.vneid.sso.identity;

/** A personal identification number that cannot be accepted, with the precise reason. */
public final class NationalIdException extends Exception {

    /** Each reason names the message key that explains it to the citizen (messages_vi / messages_en). */
    public enum Reason {
        EMPTY("nationalIdEmpty"),
        WRONG_LENGTH("nationalIdWrongLength"),
        NOT_DIGITS("nationalIdNotDigits"),
        UNKNOWN_PROVINCE("nationalIdUnknownProvince"),
        BIRTH_YEAR_IN_FUTURE("nationalIdBirthYearInFuture"),
        BIRTH_YEAR_MISMATCH("nationalIdBirthYearMismatch"),
        GENDER_MISMATCH("nationalIdGenderMismatch");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public NationalIdException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
