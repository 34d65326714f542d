package vn.vneid.sso.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One record looked up in an outside registry over JSON/HTTP: 200 answers the record, 404 an unknown key. Network
 * errors, timeouts, 429 and 5xx are retried within a bound, with a pause that grows each attempt; a circuit breaker
 * stops calls to a registry that keeps failing. Each registry builds its own request (path or body) and reads its
 * own record. Thread-safe: one per server.
 */
public final class JsonLookupClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String authorization;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final CircuitBreaker breaker;
    private final HttpClient http;

    public JsonLookupClient(LookupSettings settings, CircuitBreaker breaker) {
        this.authorization = settings.authorization();
        this.readTimeout = settings.readTimeout();
        this.retries = Math.max(0, settings.retries());
        this.backoff = settings.backoff();
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A JSON request to {@code uri} with the read timeout and the registry's credentials; the caller sets the method.
     */
    public HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Accept", "application/json");
        if (authorization != null && !authorization.isBlank()) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /**
     * @param reader turns the registry's JSON into a record; any exception it throws means the record is unreadable
     * @return the record, or empty when the registry does not know the key
     */
    public <T> Optional<T> lookup(HttpRequest request, Function<JsonNode, T> reader)
            throws LookupUnavailableException {
        if (!breaker.allowRequest()) {
            throw new LookupUnavailableException("circuit open");
        }
        // Every way out of here reports to the breaker, or a half-open breaker would wait for a verdict forever.
        boolean succeeded = false;
        try {
            Optional<T> answer = call(request, reader);
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

    private <T> Optional<T> call(HttpRequest request, Function<JsonNode, T> reader)
            throws LookupUnavailableException {
        String lastFailure = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(backoff.multipliedBy(attempt));
            }
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return Optional.of(record(response.body(), reader));
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
                throw new LookupUnavailableException("interrupted", e);
            }
        }
        // No URL in the message: it may carry credentials, and it reaches the log.
        throw new LookupUnavailableException("failed: " + lastFailure);
    }

    /** A record the registry sent but we cannot read is the registry failing, not a citizen's problem. */
    private static <T> T record(byte[] body, Function<JsonNode, T> reader) throws LookupUnavailableException {
        try {
            return reader.apply(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            throw new LookupUnavailableException("unreadable record (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void pause(Duration duration) throws LookupUnavailableException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupUnavailableException("interrupted", e);
        }
    }
}
