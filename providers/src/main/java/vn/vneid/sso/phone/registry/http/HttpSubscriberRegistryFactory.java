package vn.vneid.sso.phone.registry.http;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SubscriberRegistry;
import vn.vneid.sso.phone.registry.SubscriberRegistryFactory;

/**
 * The production registry client. Options under {@code --spi-vneid-subscriber-registry--http--}, as
 * {@link LookupSettings} lists them.
 */
public final class HttpSubscriberRegistryFactory implements SubscriberRegistryFactory {

    public static final String PROVIDER_ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpSubscriberRegistryFactory.class);

    private HttpSubscriberClient client;

    @Override
    public void init(Config.Scope config) {
        client = LookupSettings.read(config)
                .map(settings -> new HttpSubscriberClient(settings, settings.breaker(Clock.systemUTC())))
                .orElse(null);
        if (client == null) {
            LOG.warn("Subscriber registry 'http' has no url (--spi-vneid-subscriber-registry--http--url)");
        }
    }

    @Override
    public SubscriberRegistry create(KeycloakSession session) {
        HttpSubscriberClient configured = client;
        return number -> {
            if (configured == null) {
                throw new RegistryUnavailableException("subscriber registry 'http' has no url");
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
