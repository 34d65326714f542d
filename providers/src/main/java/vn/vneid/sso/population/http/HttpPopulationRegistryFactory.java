package vn.vneid.sso.population.http;

import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.HttpLookupFactory;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.population.PopulationRegistry;
import vn.vneid.sso.population.PopulationRegistryFactory;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * The production registry client. Options under {@code --spi-vneid-population-registry--http--}, as
 * {@link LookupSettings} lists them.
 */
public final class HttpPopulationRegistryFactory extends HttpLookupFactory<HttpPopulationClient>
        implements PopulationRegistryFactory {

    public HttpPopulationRegistryFactory() {
        super("Population registry 'http' has no url (--spi-vneid-population-registry--http--url)");
    }

    @Override
    protected HttpPopulationClient newClient(LookupSettings settings, CircuitBreaker breaker) {
        return new HttpPopulationClient(settings, breaker);
    }

    @Override
    public PopulationRegistry create(KeycloakSession session) {
        HttpPopulationClient configured = client();
        return number -> {
            if (configured == null) {
                throw new PopulationRegistryUnavailableException("population registry 'http' has no url");
            }
            return configured.lookup(number);
        };
    }
}
