package vn.vneid.sso.phone.registry.http;

import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.HttpLookupFactory;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SubscriberRegistry;
import vn.vneid.sso.phone.registry.SubscriberRegistryFactory;

/**
 * The production registry client. Options under {@code --spi-vneid-subscriber-registry--http--}, as
 * {@link LookupSettings} lists them.
 */
public final class HttpSubscriberRegistryFactory extends HttpLookupFactory<HttpSubscriberClient>
        implements SubscriberRegistryFactory {

    public HttpSubscriberRegistryFactory() {
        super("Subscriber registry 'http' has no url (--spi-vneid-subscriber-registry--http--url)");
    }

    @Override
    protected HttpSubscriberClient newClient(LookupSettings settings, CircuitBreaker breaker) {
        return new HttpSubscriberClient(settings, breaker);
    }

    @Override
    public SubscriberRegistry create(KeycloakSession session) {
        HttpSubscriberClient configured = client();
        return number -> {
            if (configured == null) {
                throw new RegistryUnavailableException("subscriber registry 'http' has no url");
            }
            return configured.lookup(number);
        };
    }
}
