package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The three government services' back ends as Keycloak sees them: each publishes its JWKS (the public half of a
 * key generated for this run; no private key is ever committed) and receives OIDC back-channel logout tokens. The
 * realm file's clients point there through its import placeholders ({@code VNEID_PORTAL_JWKS_URL}, ...); their
 * redirect URIs stay the production ones, which a test's browser never follows.
 */
public final class RelyingParties {

    /** A service of the realm file, with the placeholder prefix its URLs take and its client key, if any. */
    public enum Service {
        PORTAL("dvc-portal", "VNEID_PORTAL", JWSAlgorithm.PS256, "https://dichvucong.gov.vn/oidc/callback"),
        ETAX("etax", "VNEID_ETAX", JWSAlgorithm.ES256, "https://thuedientu.gdt.gov.vn/oidc/callback"),
        VSSID("vssid", "VNEID_VSSID", null, "https://vssid.vss.gov.vn/app/oauth2redirect");

        public final String clientId;
        final String envPrefix;
        public final JWSAlgorithm assertionAlgorithm;
        public final URI redirectUri;

        Service(String clientId, String envPrefix, JWSAlgorithm assertionAlgorithm, String redirectUri) {
            this.clientId = clientId;
            this.envPrefix = envPrefix;
            this.assertionAlgorithm = assertionAlgorithm;
            this.redirectUri = URI.create(redirectUri);
        }

        String path() {
            return name().toLowerCase();
        }
    }

    private final HttpServer http;
    private final Map<Service, JWK> keys = new ConcurrentHashMap<>();
    private final Map<Service, List<String>> logoutTokens = new ConcurrentHashMap<>();
    private final Map<Service, Duration> logoutDelay = new ConcurrentHashMap<>();

    RelyingParties() {
        try {
            keys.put(Service.PORTAL, new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.PS256).keyIDFromThumbprint(true).generate());
            keys.put(Service.ETAX, new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate());
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "relying-parties");
            t.setDaemon(true);
            return t;
        }));
        for (Service service : Service.values()) {
            logoutTokens.put(service, new CopyOnWriteArrayList<>());
            http.createContext("/" + service.path() + "/jwks.json", exchange -> jwks(exchange, service));
            http.createContext("/" + service.path() + "/backchannel-logout", exchange -> logout(exchange, service));
        }
        http.start();
    }

    /** The environment Keycloak's realm import resolves the clients' placeholders from. */
    Map<String, String> importEnvironment() {
        Map<String, String> env = new java.util.HashMap<>();
        // The pairwise subjects' secret salt: one per deployment, here one per run.
        env.put("VNEID_PAIRWISE_SALT", new com.nimbusds.oauth2.sdk.id.Identifier(32).getValue());
        for (Service service : Service.values()) {
            env.put(service.envPrefix + "_JWKS_URL", base() + "/" + service.path() + "/jwks.json");
            env.put(service.envPrefix + "_BACKCHANNEL_LOGOUT_URL", base() + "/" + service.path() + "/backchannel-logout");
        }
        return env;
    }

    private String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The service's private signing key (for {@code private_key_jwt}); none for the public mobile app. */
    public JWK key(Service service) {
        JWK key = keys.get(service);
        if (key == null) {
            throw new IllegalArgumentException(service + " is a public client: it has no key");
        }
        return key;
    }

    /** The logout tokens the service received so far, as compact JWTs. */
    public List<String> logoutTokens(Service service) {
        return List.copyOf(logoutTokens.get(service));
    }

    /** Makes the service's back-channel endpoint answer only after this delay (a service that hangs). */
    public void delayLogout(Service service, Duration delay) {
        logoutDelay.put(service, delay);
    }

    public void answerLogoutAtOnce(Service service) {
        logoutDelay.remove(service);
    }

    private void jwks(HttpExchange exchange, Service service) throws IOException {
        JWK key = keys.get(service);
        String body = (key == null ? new JWKSet() : new JWKSet(key.toPublicJWK())).toString();
        respond(exchange, 200, "application/json", body);
    }

    private void logout(HttpExchange exchange, Service service) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Arrays.stream(form.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2 && pair[0].equals("logout_token"))
                .forEach(pair -> logoutTokens.get(service).add(URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        Duration delay = logoutDelay.get(service);
        if (delay != null) {
            KeycloakServer.sleep(delay);
        }
        respond(exchange, 200, "text/plain", "");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
