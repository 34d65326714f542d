package vn.vneid.sso.population.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.vneid.sso.phone.registry.http.CircuitBreaker;
import vn.vneid.sso.population.PopulationRegistry;
import vn.vneid.sso.population.PopulationRegistryFactory;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * The production registry client. Options under {@code --spi-vneid-population-registry--http--}: {@code url},
 * {@code authorization}, {@code connect-timeout-ms} (1000), {@code read-timeout-ms} (3000), {@code retries} (1),
 * {@code backoff-ms} (200), {@code breaker-threshold} (5 failures in a row), {@code breaker-open-seconds} (30).
 */
public final class HttpPopulationRegistryFactory implements PopulationRegistryFactory {

    public static final String PROVIDER_ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpPopulationRegistryFactory.class);

    private HttpPopulationClient client;

    @Override
    public void init(Config.Scope config) {
        String url = config.get("url");
        if (url == null || url.isBlank()) {
            LOG.warn("Population registry 'http' has no url (--spi-vneid-population-registry--http--url)");
            return;
        }
        client = new HttpPopulationClient(URI.create(url), config.get("authorization"),
                Duration.ofMillis(config.getLong("connect-timeout-ms", 1000L)),
                Duration.ofMillis(config.getLong("read-timeout-ms", 3000L)),
                config.getInt("retries", 1),
                Duration.ofMillis(config.getLong("backoff-ms", 200L)),
                new CircuitBreaker(config.getInt("breaker-threshold", 5),
                        Duration.ofSeconds(config.getLong("breaker-open-seconds", 30L)), Clock.systemUTC()));
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
