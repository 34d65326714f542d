package vn.vneid.sso.http;

/**
 * The registry could not answer (circuit open, network, 429/5xx, unreadable record). The message never holds the
 * URL: it may carry credentials, and it reaches the log. Each registry turns it into its own exception.
 */
public final class LookupUnavailableException extends Exception {

    public LookupUnavailableException(String message) {
        super(message);
    }

    public LookupUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
