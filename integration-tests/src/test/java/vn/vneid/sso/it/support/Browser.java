package vn.vneid.sso.it.support;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A minimal browser: keeps cookies, posts forms, follows redirects until a page or the relying party's callback.
 * Keycloak 26 marks its login cookies Secure even on http://localhost; browsers treat localhost as a secure
 * context and send them, Java's CookieManager does not. This jar does what a browser does, for localhost only.
 */
public final class Browser {

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http;
    private final Map<String, HttpCookie> cookies = new LinkedHashMap<>();
    private final String acceptLanguage;

    public Browser() {
        this("vi");
    }

    public Browser(String acceptLanguage) {
        this(acceptLanguage, null);
    }

    /** A browser that also trusts what {@code tls} trusts (a relying party's self-signed certificate). */
    public Browser(String acceptLanguage, SSLContext tls) {
        this.acceptLanguage = acceptLanguage;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** The last response: a page, or a redirect that leaves Keycloak (to the relying party). */
    public record Response(int status, URI uri, String body, URI redirectTarget) {

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }
    }

    public Response get(URI uri) {
        return follow(request(uri).GET().build());
    }

    public Response postForm(URI action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return follow(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", acceptLanguage);
        String cookieHeader = cookieHeader(uri);
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        return builder;
    }

    private Response follow(HttpRequest first) {
        HttpRequest request = first;
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            HttpResponse<String> response = send(request);
            store(response);
            int status = response.statusCode();
            if (status / 100 != 3) {
                return new Response(status, response.uri(), response.body(), null);
            }
            URI target = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!sameOrigin(target, first.uri())) {
                return new Response(status, response.uri(), response.body(), target);
            }
            request = request(target).GET().build();
        }
        throw new IllegalStateException("too many redirects from " + first.uri());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                String key = cookie.getName() + "|" + (cookie.getPath() == null ? "/" : cookie.getPath());
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(key);
                } else {
                    cookies.put(key, cookie);
                }
            }
        }
    }

    private String cookieHeader(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        boolean secureContext = "https".equals(uri.getScheme()) || "localhost".equals(uri.getHost());
        List<String> parts = new ArrayList<>();
        cookies.values().removeIf(HttpCookie::hasExpired);
        for (HttpCookie cookie : cookies.values()) {
            String cookiePath = cookie.getPath() == null ? "/" : cookie.getPath();
            if (path.startsWith(cookiePath) && (!cookie.getSecure() || secureContext)) {
                parts.add(cookie.getName() + "=" + cookie.getValue());
            }
        }
        return String.join("; ", parts);
    }

    public boolean hasCookie(String name) {
        return cookies.values().stream().anyMatch(c -> c.getName().equals(name));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
