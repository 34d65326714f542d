package vn.vneid.sso.sms.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.sms.SmsException;

/**
 * Posts {@code {"to": ..., "text": ...}} to a gateway URL with an {@code Idempotency-Key} header that stays the same
 * across the retries of one message. A message is sent again only where it provably did not get through: a
 * connection never made, or 429 (the gateway refused it). A 5xx or a read timeout may come after the gateway took
 * the message, so it is retried only when the operator says the gateway honours the key ({@code
 * retryServerErrors}); otherwise it is final and reported as "may have been delivered" (issue #11: never two codes
 * for one send). Thread-safe.
 */
public final class HttpSmsClient {

    private final URI url;
    private final String authorization;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final boolean retryServerErrors;
    private final HttpClient http;

    public HttpSmsClient(URI url, String authorization, Duration connectTimeout, Duration readTimeout, int retries,
            Duration backoff, boolean retryServerErrors) {
        this.retryServerErrors = retryServerErrors;
        this.url = url;
        this.authorization = authorization;
        this.readTimeout = readTimeout;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public void send(String to, String text) throws SmsException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("text", text);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        if (authorization != null && !authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.build();

        String lastFailure = null;
        boolean mayHaveBeenDelivered = false;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(backoff.multipliedBy(attempt));
            }
            try {
                HttpResponse<Void> response = http.send(built, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                lastFailure = "HTTP " + status;
                if (status == 429) {
                    continue;
                }
                if (status >= 500) {
                    mayHaveBeenDelivered = true;
                    if (retryServerErrors) {
                        continue;
                    }
                }
                break;
            } catch (HttpConnectTimeoutException | ConnectException e) {
                lastFailure = e.getClass().getSimpleName();
            } catch (IOException e) {
                // A read timeout or a reset: the gateway may have the message.
                lastFailure = e.getClass().getSimpleName();
                mayHaveBeenDelivered = true;
                if (!retryServerErrors) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsException("interrupted while sending to the SMS gateway", e);
            }
        }
        // Neither the gateway URL (it may hold credentials) nor the destination or text reach the message.
        throw new SmsException("SMS gateway did not accept the message: " + lastFailure, mayHaveBeenDelivered);
    }

    private static String json(Map<String, String> body) throws SmsException {
        try {
            return JsonSerialization.writeValueAsString(body);
        } catch (IOException e) {
            throw new SmsException("cannot encode the SMS request", e);
        }
    }

    private static void pause(Duration duration) throws SmsException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending to the SMS gateway", e);
        }
    }
}
