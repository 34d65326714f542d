package vn.vneid.sso.phone.registry;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.phone.PhoneNumber;

/**
 * The one way our features ask the subscriber registry. Whatever goes wrong inside a registry provider (a network
 * error, a record it cannot read, a bug) reaches the caller as "unavailable", which the pages turn into "try again
 * later": never a server error page (issue #11).
 */
public final class SubscriberRegistries {

    private static final Logger LOG = Logger.getLogger(SubscriberRegistries.class);

    private SubscriberRegistries() {
    }

    /** @param providerId the registry provider, or null for the server's default */
    public static Optional<Subscriber> lookup(KeycloakSession session, String providerId, PhoneNumber number)
            throws RegistryUnavailableException {
        SubscriberRegistry registry = providerId == null
                ? session.getProvider(SubscriberRegistry.class)
                : session.getProvider(SubscriberRegistry.class, providerId);
        if (registry == null) {
            throw unavailable("no subscriber registry '" + providerId + "' is deployed", null);
        }
        try {
            return registry.lookup(number);
        } catch (RegistryUnavailableException e) {
            throw unavailable(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw unavailable("unexpected " + e.getClass().getSimpleName(), e);
        }
    }

    private static RegistryUnavailableException unavailable(String why, Throwable cause) {
        // The number stays out of the log; the provider's message names no URL or secret.
        LOG.warnf("subscriber registry unavailable: %s", why);
        return cause instanceof RegistryUnavailableException r ? r : new RegistryUnavailableException(why, cause);
    }
}
