package vn.vneid.sso.example.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The National Public Service Portal's login, as a small web app: home, login, callback (the verified claims),
 * step-up to level 2, userinfo and logout, over https on one port; the client's JWKS and its back-channel logout
 * endpoint on a second, plain-http port bound to the loopback address, because the server fetches those itself and
 * would refuse this example's self-signed certificate.
 *
 * <p>Configuration (environment variables; the defaults fit scripts/run-server.sh):
 * {@code VNEID_ISSUER} (http://localhost:8080/realms/vneid), {@code PORTAL_CLIENT_ID} (dvc-portal),
 * {@code PORTAL_HTTPS_PORT} (8443), {@code PORTAL_BACKCHANNEL_PORT} (8090), {@code PORTAL_DATA_DIR}
 * (.dev/portal-example: its client key and TLS certificate).
 */
public final class PortalExample {

    /** The cookie that names the citizen's session in this app (the tokens stay on the server side). */
    static final String SESSION_COOKIE = "portal_session";
    /** Scopes the portal asks for: profile, national_id, vneid and phone are its defaults; address is optional. */
    static final Scope SCOPE = new Scope("openid", "profile", "national_id", "vneid", "phone", "address");

    public record Config(URI issuer, String clientId, String host, int httpsPort, int backChannelPort,
                         Path dataDir) {

        public static Config fromEnvironment() {
            Map<String, String> env = System.getenv();
            return new Config(URI.create(env.getOrDefault("VNEID_ISSUER", "http://localhost:8080/realms/vneid")),
                    env.getOrDefault("PORTAL_CLIENT_ID", "dvc-portal"),
                    "localhost",
                    Integer.parseInt(env.getOrDefault("PORTAL_HTTPS_PORT", "8443")),
                    Integer.parseInt(env.getOrDefault("PORTAL_BACKCHANNEL_PORT", "8090")),
                    Paths.get(env.getOrDefault("PORTAL_DATA_DIR", ".dev/portal-example")));
        }
    }

    /** One citizen's session here; fields change as the login proceeds. */
    static final class Session {
        volatile PortalClient.PendingLogin pending;
        volatile PortalClient.Tokens tokens;
    }

    private final Config config;
    private final RSAKey clientKey;
    private final SelfSignedTls tls;
    private final HttpsServer https;
    private final HttpServer backChannel;
    private final ExecutorService executor;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile PortalClient client;
    private volatile LogoutTokenValidator logoutTokens;

    private PortalExample(Config config) throws IOException, GeneralSecurityException {
        this.config = config;
        this.clientKey = ClientKey.loadOrCreate(config.dataDir().resolve("client-key.jwk"));
        this.tls = SelfSignedTls.loadOrCreate(config.dataDir().resolve("tls.p12"));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "portal-example");
            t.setDaemon(true);
            return t;
        });
        this.https = HttpsServer.create(new InetSocketAddress(config.host(), config.httpsPort()), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        https.setExecutor(executor);
        https.createContext("/", exchange -> handle(exchange, this::route));
        this.backChannel = HttpServer.create(new InetSocketAddress("127.0.0.1", config.backChannelPort()), 0);
        backChannel.setExecutor(executor);
        backChannel.createContext("/jwks.json", exchange -> handle(exchange,
                ex -> respond(ex, 200, "application/json", ClientKey.publicJwks(clientKey))));
        backChannel.createContext("/backchannel-logout", exchange -> handle(exchange, this::backChannelLogout));
    }

    /** Starts both listeners; the server is asked for its discovery document at the first login. */
    public static PortalExample start(Config config) throws IOException, GeneralSecurityException {
        PortalExample app = new PortalExample(config);
        app.https.start();
        app.backChannel.start();
        return app;
    }

    public static void main(String[] args) throws Exception {
        PortalExample app = start(Config.fromEnvironment());
        System.out.printf("""

                  VNeID portal example on %s (self-signed certificate: the browser warns once)
                  client %s at %s
                  the server reads its JWKS at %s and posts logout tokens to %s
                  (scripts/run-server.sh points the realm's dvc-portal client at these; see the README)

                """, app.baseUri(), app.config.clientId(), app.config.issuer(), app.jwksUri(),
                app.backChannelLogoutUri());
    }

    public URI baseUri() {
        return URI.create("https://" + config.host() + ":" + https.getAddress().getPort() + "/");
    }

    public URI redirectUri() {
        return baseUri().resolve("/callback");
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + backChannel.getAddress().getPort() + "/jwks.json");
    }

    public URI backChannelLogoutUri() {
        return URI.create("http://127.0.0.1:" + backChannel.getAddress().getPort() + "/backchannel-logout");
    }

    /** The public JWKS the client's jwks.url serves. */
    public String publicJwks() {
        return ClientKey.publicJwks(clientKey);
    }

    /** The self-signed TLS certificate, for a test's trust store. */
    public X509Certificate tlsCertificate() throws GeneralSecurityException {
        return tls.certificate();
    }

    public void stop() {
        https.stop(0);
        backChannel.stop(0);
        executor.shutdownNow();
    }

    /** The app's OIDC client (discovery on first use). */
    public PortalClient client() throws IOException, GeneralException {
        PortalClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = PortalClient.discover(config.issuer(), config.clientId(), clientKey, redirectUri(),
                            baseUri());
                }
                current = client;
            }
        }
        return current;
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    private void route(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (method + " " + path) {
            case "GET /" -> home(exchange);
            case "POST /login" -> login(exchange, null);
            case "POST /step-up" -> login(exchange, PortalClient.LEVEL_2);
            case "GET /callback" -> callback(exchange);
            case "GET /userinfo" -> userInfo(exchange);
            case "POST /logout" -> logout(exchange);
            default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Optional<Session> session = session(exchange).filter(s -> s.tokens != null);
        if (session.isEmpty()) {
            html(exchange, 200, Html.page("Cổng Dịch vụ công (example)",
                    "<p>Đăng nhập bằng tài khoản định danh điện tử VNeID. / Sign in with VNeID.</p>"
                            + Html.button("/login", "Đăng nhập với VNeID / Sign in with VNeID")));
            return;
        }
        html(exchange, 200, signedIn(session.get().tokens));
    }

    private String signedIn(PortalClient.Tokens tokens) {
        IDTokenClaimsSet id = tokens.idToken();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("acr", id.getACR() == null ? null : id.getACR().getValue());
        for (String name : new String[] {"name", "national_id", "birthdate", "gender", "phone_number",
                "vneid_level"}) {
            claims.put(name, id.getClaim(name));
        }
        claims.put("sub", id.getSubject().getValue());
        return Html.page("Cổng Dịch vụ công (example)",
                "<p>Các thông tin đã xác minh trong ID token / The verified ID token's claims:</p>"
                        + Html.table("claims", claims)
                        + "<p><a id=\"userinfo\" href=\"/userinfo\">userinfo (DPoP)</a></p>"
                        + Html.button("/step-up", "Xác thực mức 2 / Step up to level 2")
                        + Html.button("/logout", "Đăng xuất / Log out"));
    }

    private void login(HttpExchange exchange, ACR requiredAcr) throws Exception {
        Session session = session(exchange).orElseGet(() -> newSession(exchange));
        PortalClient.Redirect redirect;
        try {
            redirect = client().startLogin(SCOPE, requiredAcr);
        } catch (PortalClient.LoginException e) {
            failed(exchange, e);
            return;
        }
        session.pending = redirect.pending();
        redirect(exchange, redirect.authorizationUri());
    }

    private void callback(HttpExchange exchange) throws Exception {
        Optional<Session> session = session(exchange);
        PortalClient.PendingLogin pending = session.map(s -> s.pending).orElse(null);
        if (pending == null) {
            html(exchange, 400, Html.page("Lỗi / Error", Html.error("no_pending_login",
                    "no login was started in this browser")));
            return;
        }
        session.get().pending = null;   // a callback is used once
        URI callback = baseUri().resolve(exchange.getRequestURI().toString());
        try {
            session.get().tokens = client().finishLogin(callback, pending);
        } catch (PortalClient.LoginException e) {
            failed(exchange, e);
            return;
        }
        // Back to a URL without the code, so a reload does not replay it.
        redirect(exchange, baseUri());
    }

    private void userInfo(HttpExchange exchange) throws Exception {
        Optional<Session> session = session(exchange).filter(s -> s.tokens != null);
        if (session.isEmpty()) {
            redirect(exchange, baseUri());
            return;
        }
        UserInfo info;
        try {
            info = client().userInfo(session.get().tokens);
        } catch (PortalClient.LoginException e) {
            failed(exchange, e);
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>(info.toJSONObject());
        if (info.getAddress() != null) {
            claims.put("address", info.getAddress().getFormatted());
        }
        html(exchange, 200, Html.page("userinfo", Html.table("userinfo", claims)
                + "<p><a href=\"/\">Trang chủ / Home</a></p>"));
    }

    private void logout(HttpExchange exchange) throws Exception {
        Optional<Session> session = session(exchange);
        session.ifPresent(s -> sessions.values().remove(s));
        PortalClient.Tokens tokens = session.map(s -> s.tokens).orElse(null);
        if (tokens == null) {
            redirect(exchange, baseUri());
            return;
        }
        // Local session first, then the VNeID session: the server comes back to our home page.
        redirect(exchange, client().logoutUri(tokens, new State()));
    }

    private void failed(HttpExchange exchange, PortalClient.LoginException e) throws IOException {
        String description = e.error().getDescription() == null ? "" : e.error().getDescription();
        html(exchange, 400, Html.page("Lỗi đăng nhập / Login failed", Html.error(e.error().getCode(), description)));
    }

    // ---- back channel ------------------------------------------------------------------------------------------

    /** OIDC Back-Channel Logout: the server says a session ended elsewhere; end ours for it too. */
    private void backChannelLogout(HttpExchange exchange) throws Exception {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "");
            return;
        }
        String token = form(exchange).get("logout_token");
        if (token == null) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        LogoutTokenClaimsSet claims;
        try {
            // tag::backchannel-logout[]
            // Checks the signature (realm keys), iss, aud = our client_id, iat, the logout event and no nonce.
            claims = logoutTokenValidator().validate(JWTParser.parse(token));
            String sid = claims.getSessionID() == null ? null : claims.getSessionID().getValue();
            // End every local session of that VNeID session (sid), or of the citizen (sub) when there is no sid.
            sessions.values().removeIf(session -> session.tokens != null && (sid != null
                    ? sid.equals(session.tokens.idToken().getStringClaim("sid"))
                    : session.tokens.idToken().getSubject().equals(claims.getSubject())));
            // end::backchannel-logout[]
        } catch (Exception e) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        respond(exchange, 200, "text/plain", "");
    }

    private LogoutTokenValidator logoutTokenValidator() throws Exception {
        if (logoutTokens == null) {
            PortalClient c = client();
            logoutTokens = new LogoutTokenValidator(c.provider().getIssuer(), c.clientId(),
                    new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.PS256, JWSAlgorithm.RS256,
                            JWSAlgorithm.ES256), c.realmKeys()), null);
        }
        return logoutTokens;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (Exception e) {
            System.err.println("request " + exchange.getRequestURI().getPath() + " failed: " + e);
            try {
                html(exchange, 500, Html.page("Lỗi / Error", Html.error("server_error", String.valueOf(e))));
            } catch (IOException | RuntimeException ignored) {
                // the response had already started
            }
        } finally {
            exchange.close();
        }
    }

    private Optional<Session> session(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of()).stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> sessions.get(c.substring(SESSION_COOKIE.length() + 1)))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private Session newSession(HttpExchange exchange) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Session session = new Session();
        sessions.put(value, session);
        // Lax: sent on the top-level redirect back from the login (the callback), never on a cross-site POST.
        exchange.getResponseHeaders().add("Set-Cookie",
                SESSION_COOKIE + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Lax");
        return session;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        respond(exchange, status, "text/html; charset=utf-8", page);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
