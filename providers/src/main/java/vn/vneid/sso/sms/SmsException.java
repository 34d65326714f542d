package vn.vneid.sso.sms;

/** The gateway did not accept a message. The message of this exception is for operators and holds no code. */
public final class SmsException extends Exception {

    private final boolean mayHaveBeenDelivered;

    public SmsException(String message) {
        this(message, false);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
        this.mayHaveBeenDelivered = false;
    }

    /**
     * @param mayHaveBeenDelivered the gateway may have taken the message (a read timeout, an ambiguous server error):
     *        the code must stay valid, since the citizen may well receive it
     */
    public SmsException(String message, boolean mayHaveBeenDelivered) {
        super(message);
        this.mayHaveBeenDelivered = mayHaveBeenDelivered;
    }

    public boolean mayHaveBeenDelivered() {
        return mayHaveBeenDelivered;
    }
}
