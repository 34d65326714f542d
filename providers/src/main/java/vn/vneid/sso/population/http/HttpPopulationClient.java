package vn.vneid.sso.population.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.JsonLookupClient;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.http.LookupUnavailableException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.population.PersonRecords;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * A population-database API: {@code POST {url}} with {@code {"nationalId": "..."}} answers 200 with the person record
 * or 404 for an unknown number. The number travels in the body, not the URL, so it stays out of proxies' access
 * logs. Retries and the circuit breaker are {@link JsonLookupClient}'s. Thread-safe: one per server.
 */
public final class HttpPopulationClient {

    private final URI url;
    private final JsonLookupClient client;

    public HttpPopulationClient(LookupSettings settings, CircuitBreaker breaker) {
        this.url = settings.url();
        this.client = new JsonLookupClient(settings, breaker);
    }

    public Optional<Person> lookup(NationalIdNumber number) throws PopulationRegistryUnavailableException {
        byte[] body;
        try {
            body = JsonSerialization.writeValueAsBytes(Map.of("nationalId", number.value()));
        } catch (IOException e) {
            throw new PopulationRegistryUnavailableException("cannot write the request", e);
        }
        HttpRequest request = client.request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return client.lookup(request, PersonRecords::read);
        } catch (LookupUnavailableException e) {
            throw new PopulationRegistryUnavailableException(e.getMessage(), e);
        }
    }
}
