package vn.vneid.sso.sms;

/** The gateway did not accept a message. The message of this exception is for operators and holds no code. */
public final class SmsException extends Exception {

    public SmsException(String message) {
        super(message);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
