package vn.vneid.sso.phone.registry.http;

import java.net.URI;
import java.util.Optional;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.JsonLookupClient;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.http.LookupUnavailableException;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.Subscriber;
import vn.vneid.sso.phone.registry.SubscriberRecords;

/**
 * A telco-style registry API: {@code GET {base}/{e164}} answers 200 with the subscriber record or 404 for an unknown
 * number. Retries and the circuit breaker are {@link JsonLookupClient}'s. Thread-safe: one per server.
 */
public final class HttpSubscriberClient {

    private final URI base;
    private final JsonLookupClient client;

    public HttpSubscriberClient(LookupSettings settings, CircuitBreaker breaker) {
        URI url = settings.url();
        this.base = url.toString().endsWith("/") ? url : URI.create(url + "/");
        this.client = new JsonLookupClient(settings, breaker);
    }

    public Optional<Subscriber> lookup(PhoneNumber number) throws RegistryUnavailableException {
        try {
            return client.lookup(client.request(base.resolve(number.e164().replace("+", "%2B"))).GET().build(),
                    SubscriberRecords::read);
        } catch (LookupUnavailableException e) {
            throw new RegistryUnavailableException(e.getMessage(), e);
        }
    }
}
