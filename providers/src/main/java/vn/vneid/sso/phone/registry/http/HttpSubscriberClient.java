package vn.vneid.sso.phone.registry.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.Subscriber;
import vn.vneid.sso.phone.registry.SubscriberRecords;

/**
 * A telco-style registry API: {@code GET {base}/{e164}} answers 200 with the subscriber record or 404 for an unknown
 * number. Network errors, timeouts, 429 and 5xx are retried within a bound; a circuit breaker stops calls to a
 * registry that keeps failing. Thread-safe: one per server.
 */
public final class HttpSubscriberClient {

    private final URI base;
    private final String authorization;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final CircuitBreaker breaker;
    private final HttpClient http;

    public HttpSubscriberClient(URI base, String authorization, Duration connectTimeout, Duration readTimeout,
            int retries, Duration backoff, CircuitBreaker breaker) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.authorization = authorization;
        this.readTimeout = readTimeout;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Optional<Subscriber> lookup(PhoneNumber number) throws RegistryUnavailableException {
        if (!breaker.allowRequest()) {
            throw new RegistryUnavailableException("circuit open");
        }
        // Every way out of here reports to the breaker, or a half-open breaker would wait for a verdict forever.
        boolean succeeded = false;
        try {
            Optional<Subscriber> answer = call(number);
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

    private Optional<Subscriber> call(PhoneNumber number) throws RegistryUnavailableException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(number.e164().replace("+", "%2B")))
                .timeout(readTimeout).header("Accept", "application/json").GET();
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
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
                throw new RegistryUnavailableException("interrupted", e);
            }
        }
        // No URL in the message: it may carry credentials, and it reaches the log.
        throw new RegistryUnavailableException("failed: " + lastFailure);
    }

    /** A record the registry sent but we cannot read is the registry failing, not a citizen's problem. */
    private static Subscriber record(byte[] body) throws RegistryUnavailableException {
        try {
            return SubscriberRecords.read(JsonSerialization.mapper.readTree(body));
        } catch (IOException | RuntimeException e) {
            throw new RegistryUnavailableException("unreadable record (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void pause(Duration duration) throws RegistryUnavailableException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted", e);
        }
    }
}
