package vn.vneid.sso.population;

/** The registry could not answer; the caller tells the citizen to try later and creates nothing. */
public final class PopulationRegistryUnavailableException extends Exception {

    public PopulationRegistryUnavailableException(String message) {
        super(message);
    }

    public PopulationRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
