package vn.vneid.sso.population.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.phone.registry.http.CircuitBreaker;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.population.PersonRecords;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * A population-database API: {@code POST {url}} with {@code {"nationalId": "..."}} answers 200 with the person record
 * or 404 for an unknown number. The number travels in the body, not the URL, so it stays out of proxies' access
 * logs. Network errors, timeouts, 429 and 5xx are retried within a bound; a circuit breaker stops calls to a registry
 * that keeps failing. Thread-safe: one per server.
 */
public final class HttpPopulationClient {

    private final URI url;
    private final String authorization;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final CircuitBreaker breaker;
    private final HttpClient http;

    public HttpPopulationClient(URI url, String authorization, Duration connectTimeout, Duration readTimeout,
            int retries, Duration backoff, CircuitBreaker breaker) {
        this.url = url;
        this.authorization = authorization;
        this.readTimeout = readTimeout;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Optional<Person> lookup(NationalIdNumber number) throws PopulationRegistryUnavailableException {
        if (!breaker.allowRequest()) {
            throw new PopulationRegistryUnavailableException("circuit open");
        }
        // Every way out of here reports to the breaker, or a half-open breaker would wait for a verdict forever.
        boolean succeeded = false;
        try {
            Optional<Person> answer = call(number);
            succeeded = true;
            return answer;
        } finally {
            if (succeeded) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
    }

    private Optional<Person> call(NationalIdNumber number) throws PopulationRegistryUnavailableException {
        HttpRequest request = request(number);
        String lastFailure = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(backoff.multipliedBy(attempt));
            }
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return Optional.of(record(response.body()));
                }
                if (status == 404) {
                    return Optional.empty();
                }
                lastFailure = "HTTP " + status;
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PopulationRegistryUnavailableException("interrupted", e);
            }
        }
        // No URL in the message: it may carry credentials, and it reaches the log.
        throw new PopulationRegistryUnavailableException("failed: " + lastFailure);
    }

    private HttpRequest request(NationalIdNumber number) throws PopulationRegistryUnavailableException {
        byte[] body;
        try {
            body = JsonSerialization.writeValueAsBytes(Map.of("nationalId", number.value()));
        } catch (IOException e) {
            throw new PopulationRegistryUnavailableException("cannot write the request", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    /** A record the registry sent but we cannot read is the registry failing, not a citizen's problem. */
    private static Person record(byte[] body) throws PopulationRegistryUnavailableException {
        try {
            return PersonRecords.read(JsonSerialization.mapper.readTree(body));
        } catch (IOException | RuntimeException e) {
            throw new PopulationRegistryUnavailableException(
                    "unreadable record (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void pause(Duration duration) throws PopulationRegistryUnavailableException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PopulationRegistryUnavailableException("interrupted", e);
        }
    }
}
