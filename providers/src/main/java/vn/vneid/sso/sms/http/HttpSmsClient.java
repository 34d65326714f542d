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

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.sms.SmsException;

/**
 * Posts {@code {"to": ..., "text": ...}} to a gateway URL. Connection failures, 429 and 5xx are retried a bounded
 * number of times with a short linear back-off; other 4xx answers and read timeouts are final. Thread-safe.
 */
public final class HttpSmsClient {

    private final URI url;
    private final String authorization;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final HttpClient http;

    public HttpSmsClient(URI url, String authorization, Duration connectTimeout, Duration readTimeout, int retries,
            Duration backoff) {
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
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        if (authorization != null && !authorization.isBlank()) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.build();

        String lastFailure = null;
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
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (HttpConnectTimeoutException | ConnectException e) {
                lastFailure = e.getClass().getSimpleName();
            } catch (IOException e) {
                // The request may have reached the gateway (read timeout, reset): sending again could deliver the
                // code twice, so only a message that surely never left is retried.
                lastFailure = e.getClass().getSimpleName();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsException("interrupted while sending to the SMS gateway", e);
            }
        }
        // The destination and text stay out of the message: operators see the gateway's answer only.
        throw new SmsException("SMS gateway " + url + " refused the message: " + lastFailure);
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
