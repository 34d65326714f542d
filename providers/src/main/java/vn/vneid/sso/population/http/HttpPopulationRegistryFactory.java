package vn.vneid.sso.population.http;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.population.PopulationRegistry;
import vn.vneid.sso.population.PopulationRegistryFactory;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * The production registry client. Options under {@code --spi-vneid-population-registry--http--}, as
 * {@link LookupSettings} lists them.
 */
public final class HttpPopulationRegistryFactory implements PopulationRegistryFactory {

    public static final String PROVIDER_ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpPopulationRegistryFactory.class);

    private HttpPopulationClient client;

    @Override
    public void init(Config.Scope config) {
        client = LookupSettings.read(config)
                .map(settings -> new HttpPopulationClient(settings, settings.breaker(Clock.systemUTC())))
                .orElse(null);
        if (client == null) {
            LOG.warn("Population registry 'http' has no url (--spi-vneid-population-registry--http--url)");
        }
    }

    @Override
    public PopulationRegistry create(KeycloakSession session) {
        HttpPopulationClient configured = client;
        return number -> {
            if (configured == null) {
                throw new PopulationRegistryUnavailableException("population registry 'http' has no url");
            }
            return configured.lookup(number);
        };
    }

    // The default: a production server that forgets the setting asks the real registry, never a local file.
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
