package vn.vneid.sso.http;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What the {@code http} factories of our registry SPIs (subscriber registry, population database) share: the id
 * {@code http}, the options {@link LookupSettings} lists, read once at start, and being the default provider. The
 * concrete factory implements its SPI's factory interface, which these methods satisfy, and builds the provider.
 *
 * @param <C> the registry's client, one per server
 */
public abstract class HttpLookupFactory<C> {

    public static final String PROVIDER_ID = "http";

    private final String noUrlWarning;
    private C client;

    /** @param noUrlWarning logged at start when the {@code url} option is missing */
    protected HttpLookupFactory(String noUrlWarning) {
        this.noUrlWarning = noUrlWarning;
    }

    protected abstract C newClient(LookupSettings settings, CircuitBreaker breaker);

    /** @return the client, or null when no {@code url} is set: the provider then answers "registry unavailable" */
    protected final C client() {
        return client;
    }

    public void init(Config.Scope config) {
        client = LookupSettings.read(config).map(settings -> newClient(settings, settings.breaker(Clock.systemUTC())))
                .orElse(null);
        if (client == null) {
            Logger.getLogger(getClass()).warn(noUrlWarning);
        }
    }

    // The default: a production server that forgets the setting asks the real registry, never a local file.
    public int order() {
        return 10;
    }

    public void postInit(KeycloakSessionFactory factory) {
    }

    public void close() {
    }

    public String getId() {
        return PROVIDER_ID;
    }
}
