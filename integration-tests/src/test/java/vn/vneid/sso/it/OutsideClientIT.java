package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.RelyingParties.Service;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * The portal's login driven by a client we did not write: npm's {@code openid-client} v6 on Node.js
 * (src/test/node/portal-client.mjs). The script does the OIDC side (discovery, private_key_jwt, PAR, PKCE, DPoP,
 * every check the library makes); this test is the citizen's browser in between and reads what the library
 * verified. Node.js is required, not optional: without it the test fails, so CI cannot pass without the proof.
 */
@DisplayName("An outside client: openid-client (Node.js) signs in at the portal")
class OutsideClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A guard against a hung process only: no result depends on how fast a loaded CI machine is. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(10);

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static Path nodeDir;

    @BeforeAll
    static void setUp() throws Exception {
        nodeDir = Paths.get(System.getProperty("vneid.it.node.dir", "src/test/node")).toAbsolutePath().normalize();
        String version = run(List.of("node", "--version"), nodeDir, "Node.js (`node`) is required for this test "
                + "and is not on the PATH: install Node.js 20 or later (Debian: apt-get install nodejs npm; .ci/run does)");
        assertThat(Integer.parseInt(version.strip().replaceAll("^v(\\d+)\\..*", "$1")))
                .as("Node.js major version (openid-client 6 needs 20 or later), found " + version.strip())
                .isGreaterThanOrEqualTo(20);
        // Exactly the versions of package-lock.json (integrity-checked); --prefer-offline reuses npm's cache.
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), nodeDir,
                "npm is required for this test and is not on the PATH (Debian: apt-get install npm)");
        System.out.println("outside client: Node.js " + version.strip() + ", openid-client " + JSON.readTree(
                Files.readString(nodeDir.resolve("node_modules/openid-client/package.json"))).path("version").asText());
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    @Test
    @DisplayName("PAR, private_key_jwt (PS256), PKCE S256, DPoP: ID token, userinfo and refresh verified by openid-client")
    void portalLoginWithOpenidClient() throws Exception {
        String fullName = Normalizer.normalize("Phùng Thị Ngọc Ánh", Normalizer.Form.NFC);
        AdminApi.Citizen citizen = admin.createCitizen(fullName, AdminApi.newPhone(), true, 1);

        JsonNode result = signInWithOpenidClient(citizen, Map.of());

        assertThat(result.has("error")).as("openid-client refused: " + result.toPrettyString()).isFalse();
        System.out.println("openid-client verified: " + result);
        // openid-client lower-cases token_type; the server sent DPoP (a Bearer token here would be a downgrade).
        assertThat(result.path("tokenType").asText()).isEqualTo("dpop");
        JsonNode id = result.path("idToken");
        assertThat(id.path("sub").asText()).isEqualTo(citizen.id());
        assertThat(id.path("aud").toString()).contains(Service.PORTAL.clientId);
        assertThat(id.path("acr").asText()).isEqualTo("vneid-l1");
        assertThat(id.path("name").asText()).isEqualTo(fullName);
        assertThat(Normalizer.isNormalized(id.path("name").asText(), Normalizer.Form.NFC)).isTrue();
        assertThat(id.path("national_id").asText()).isEqualTo(citizen.nationalId());
        assertThat(id.path("birthdate").asText()).isEqualTo("1990-05-17");
        assertThat(id.path("gender").asText()).isEqualTo("male");
        assertThat(id.path("vneid_level").asText()).isEqualTo("1");
        assertThat(id.path("phone_number").asText()).isEqualTo(citizen.phone());

        JsonNode info = result.path("userinfo");
        assertThat(info.path("sub").asText()).isEqualTo(citizen.id());
        for (String claim : List.of("name", "national_id", "birthdate", "gender", "phone_number")) {
            assertThat(info.path(claim)).as("userinfo " + claim).isEqualTo(id.path(claim));
        }
        assertThat(info.has("address")).as("address is an optional scope the script did not ask").isFalse();

        JsonNode refreshed = result.path("refreshed");
        assertThat(refreshed.path("tokenType").asText()).isEqualTo("dpop");
        assertThat(refreshed.path("userinfoSub").asText()).isEqualTo(citizen.id());
    }

    @Test
    @DisplayName("a code whose pushed request was bound to one DPoP key cannot be redeemed with another (dpop_jkt)")
    void stolenCodeWithAnotherDpopKey() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Lương Văn Đức", AdminApi.newPhone(), true, 1);

        JsonNode result = signInWithOpenidClient(citizen, Map.of("VNEID_REDEEM_WITH_OTHER_DPOP_KEY", "true"));

        assertThat(result.path("error").asText()).as(result.toPrettyString()).contains("ResponseBodyError");
        assertThat(result.path("cause").asText()).contains("invalid_request").contains("dpop_jkt");
    }

    /**
     * One login: the script pushes the request and prints the URL, the citizen signs in (password, SMS code) in our
     * browser, the callback URL goes back to the script. Returns the script's last line: its result or its error.
     */
    private JsonNode signInWithOpenidClient(AdminApi.Citizen citizen, Map<String, String> extraEnv) throws Exception {
        Process node = startPortalClient(extraEnv);
        JsonNode result;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            JsonNode start = readJsonLine(out, node);
            assertThat(start.has("error")).as("openid-client refused: " + start.toPrettyString()).isFalse();
            URI authorization = URI.create(start.path("authorizationUrl").asText());
            assertThat(authorization.toString()).as("a pushed request: the URL carries only request_uri and client_id")
                    .startsWith(server.realmUri() + "/protocol/openid-connect/auth?")
                    .contains("request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3A")
                    .contains("client_id=" + Service.PORTAL.clientId)
                    .doesNotContain("code_challenge", "redirect_uri", "scope=");

            Browser.Response callback = LoginPage.signIn(new Browser(), authorization, citizen.nationalId(),
                    citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()));
            assertThat(callback.redirectTarget()).as("the portal's registered callback")
                    .hasScheme("https").hasHost("dichvucong.gov.vn").hasPath("/oidc/callback");
            in.write(callback.redirectTarget() + "\n");
            in.flush();
            result = readJsonLine(out, node);
        } finally {
            if (!node.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("node portal-client.mjs did not exit within " + HANG_GUARD);
            }
        }
        assertThat(node.exitValue()).as("node portal-client.mjs exit status (1 after an error line)")
                .isEqualTo(result.has("error") ? 1 : 0);
        return result;
    }

    /** The script with the portal's identity: its private JWK goes through the environment, never into a file. */
    private Process startPortalClient(Map<String, String> extraEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "portal-client.mjs")
                .directory(nodeDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT); // node's own warnings land in the test log
        Map<String, String> env = builder.environment();
        env.put("VNEID_ISSUER", server.realmUri().toString());
        env.put("VNEID_CLIENT_ID", Service.PORTAL.clientId);
        env.put("VNEID_REDIRECT_URI", Service.PORTAL.redirectUri.toString());
        env.put("VNEID_CLIENT_JWK", server.relyingParties().key(Service.PORTAL).toJSONString());
        env.put("VNEID_SCOPE", "openid");
        env.putAll(extraEnv);
        return builder.start();
    }

    /** The script's next JSON line (a result, or {"error": ...} with what openid-client reported). */
    private static JsonNode readJsonLine(BufferedReader out, Process node) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String text;
        try {
            text = line.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            node.destroyForcibly();
            throw new AssertionError("node portal-client.mjs wrote nothing for " + HANG_GUARD);
        }
        if (text == null) {
            node.waitFor(1, TimeUnit.MINUTES);
            throw new AssertionError("node portal-client.mjs ended (status "
                    + (node.isAlive() ? "still running" : node.exitValue()) + ") without a result; see its stderr");
        }
        return JSON.readTree(text);
    }

    /** Runs a tool to the end; a missing tool fails the test with {@code missing} (never a skip). */
    private static String run(List<String> command, Path dir, String missing) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(missing, e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + HANG_GUARD);
        }
        String text;
        try {
            text = output.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            text = "(output unreadable: " + e + ")";
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + " in " + dir + ":\n" + text).isZero();
        return text;
    }
}
