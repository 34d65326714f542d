package vn.vneid.sso.phone.registry;

/** The registry could not answer; the caller tells the citizen to try later and binds nothing. */
public final class RegistryUnavailableException extends Exception {

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
