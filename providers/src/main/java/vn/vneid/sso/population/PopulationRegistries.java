package vn.vneid.sso.population;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.identity.NationalIdNumber;

/**
 * The one way our features ask the population registry. Whatever goes wrong inside a provider (a network error, a
 * record it cannot read, a bug) reaches the caller as "unavailable", which the pages turn into "try again later":
 * never a server error page.
 */
public final class PopulationRegistries {

    private static final Logger LOG = Logger.getLogger(PopulationRegistries.class);

    private PopulationRegistries() {
    }

    /** @param providerId the registry provider, or null for the server's default */
    public static Optional<Person> lookup(KeycloakSession session, String providerId, NationalIdNumber number)
            throws PopulationRegistryUnavailableException {
        PopulationRegistry registry = providerId == null
                ? session.getProvider(PopulationRegistry.class)
                : session.getProvider(PopulationRegistry.class, providerId);
        if (registry == null) {
            throw unavailable("no population registry '" + providerId + "' is deployed", null);
        }
        Optional<Person> person;
        try {
            person = registry.lookup(number);
        } catch (PopulationRegistryUnavailableException e) {
            throw unavailable(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw unavailable("unexpected " + e.getClass().getSimpleName(), e);
        }
        if (person == null || person.isPresent() && !number.value().equals(person.get().nationalId())) {
            // A registry that answers for another number is broken: nothing it says may become an account.
            throw unavailable("answered with another person's record", null);
        }
        return person;
    }

    private static PopulationRegistryUnavailableException unavailable(String why, Throwable cause) {
        // The number stays out of the log; the provider's message names no URL or secret.
        LOG.warnf("population registry unavailable: %s", why);
        return cause instanceof PopulationRegistryUnavailableException p ? p
                : new PopulationRegistryUnavailableException(why, cause);
    }
}
