package vn.vneid.sso.phone;

/** A phone number we will not send a code to, with the precise reason. */
public final class PhoneNumberException extends Exception {

    public enum Reason {
        EMPTY("phoneEmpty"),
        NOT_DIGITS("phoneNotDigits"),
        FOREIGN("phoneForeign"),
        FIXED_LINE("phoneFixedLine"),
        WRONG_LENGTH("phoneWrongLength"),
        NOT_MOBILE("phoneNotMobile");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public PhoneNumberException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
