package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.pages.VerifyPhonePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("Level 2 and a verified phone cannot be had without their proof; brute force protects citizens")
class LevelTwoIntegrityIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static KeycloakServer server;
    static AdminApi admin;
    static OidcClient oidc;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        oidc = OidcClient.demo(server);
        outbox = new SmsOutbox(server.outbox());
    }

    static Browser signedIn(AdminApi.Citizen citizen, OidcClient.Login login) {
        Browser browser = new Browser();
        SmsCodePage code = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        login.finish(code.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
        return browser;
    }

    @Test
    @DisplayName("a relying party's access token of a realm administrator is refused by the admin API")
    void relyingPartyTokensCarryNoAdminRoles() throws Exception {
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        ObjectNode user = AdminApi.citizenJson(nationalId, "1990-05-17", "Quản Trị Viên", phone, true, 1);
        user.putObject("clientRoles").putArray("realm-management").add("manage-users").add("view-users");
        admin.importUser(user);

        OidcClient.Login login = oidc.login();
        Browser browser = new Browser();
        SmsCodePage code = LoginPage.signIn(browser, login, nationalId, AdminApi.DEMO_PASSWORD);
        String token = login.finish(code.submitCode(outbox.lastCodeTo(phone)).redirectTarget()).accessToken()
                .getValue();
        assertThat(admin.call(token, "GET", "/users?max=1", null).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("kc_action=vneid-verify-phone on a level-2 account asks for the chip, not for a new number")
    void verifyPhoneActionOnLevelTwo() {
        AdminApi.Citizen citizen = admin.createCitizen("Vi Văn Minh", AdminApi.newPhone(), true, 2);
        Browser browser = signedIn(citizen, oidc.login());
        Browser.Response response = browser.get(oidc.action("vneid-verify-phone").authorizationUri());
        ChipStepUpPage page = new ChipStepUpPage(browser, response);
        assertThat(page.showsQrCode()).isTrue();
        assertThat(response.document().selectFirst("form#vneid-phone-number-form")).isNull();
    }

    @Test
    @DisplayName("the realm an operator imports has no test trust, no demo citizens, no enabled demo client, no "
            + "full-scope client, read-only protected attributes")
    void productionRealmFile() throws IOException {
        Path realmFile = Paths.get("../realm-config/vneid-realm.json");
        // As Keycloak's import reads it with none of the placeholders' variables set: each ${NAME:default} is its default.
        JsonNode realm = JSON.readTree(Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}").matcher(Files.readString(realmFile))
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1))));
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.path("attributes").toString()).doesNotContain("vneid.chip");
        assertThat(Files.list(Paths.get("../realm-config/csca")).map(p -> p.getFileName().toString()))
                .allMatch(name -> name.equals("README.md"));
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asText();
            assertThat(client.path("fullScopeAllowed").asBoolean(true)).as(clientId).isFalse();
            // The README's demo client (a public client redirecting to http://localhost) is enabled only by
            // VNEID_DEMO_CLIENT=true, as the suite's server, scripts/run-server.sh and the load run set it.
            if (client.path("enabled").asBoolean(true)) {
                for (JsonNode uri : client.path("redirectUris")) {
                    assertThat(uri.asText()).as(clientId).doesNotStartWith("http:").doesNotContain("localhost");
                }
            }
        }
        assertThat(realm.path("clients").findValues("clientId").stream().map(JsonNode::asText)
                .filter(id -> id.equals(OidcClient.DEMO_CLIENT))).hasSize(1);
        JsonNode profile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .get(0).path("config").path("kc.user.profile.config").get(0).asText());
        for (JsonNode attribute : profile.path("attributes")) {
            if (Map.of("username", 1, "phoneNumber", 1, "phoneNumberVerified", 1, "vneidLevel", 1)
                    .containsKey(attribute.path("name").asText())) {
                assertThat(attribute.path("permissions").path("edit")).as(attribute.path("name").asText()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a realm administrator cannot raise the level or set a verified phone through the admin API")
    void adminCannotEditProtectedAttributes() {
        AdminApi.Citizen citizen = admin.createCitizen("Lục Văn Nam", AdminApi.newPhone(), true, 1);
        JsonNode user = admin.user(citizen.id());
        ((ObjectNode) user.path("attributes")).putArray("vneidLevel").add("2");
        assertThat(admin.callAsAdmin("PUT", "/users/" + citizen.id(), user.toString()).statusCode()).isEqualTo(400);
        assertThat(admin.attribute(citizen.id(), "vneidLevel")).isEqualTo("1");
    }

    @Test
    @DisplayName("a successful login resets the failure count; two fast typos lock nobody out; guessing is slowed")
    void bruteForce() {
        AdminApi.Citizen citizen = admin.createCitizen("Mông Thị Oanh", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        LoginPage page = LoginPage.open(browser, login);
        page = new LoginPage(browser, page.submit(citizen.nationalId(), "sai-mat-khau-1"));
        // Keycloak counts each failure on its brute-force thread; an attempt before it has is refused uncounted.
        assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
        page = new LoginPage(browser, page.submit(citizen.nationalId(), "sai-mat-khau-2"));
        assertThat(admin.awaitFailures(citizen.id(), 2)).isEqualTo(2);
        SmsCodePage code = new SmsCodePage(browser, page.submit(citizen.nationalId(), citizen.password()));
        login.finish(code.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
        assertThat(admin.awaitFailures(citizen.id(), 0)).isZero();
        assertThat(admin.bruteForceStatus(citizen.id()).path("disabled").asBoolean()).isFalse();

        // A delay long enough that the fourth try always falls inside it, however slow the machine (the address
        // throttle lifted: the whole suite signs in from 127.0.0.1).
        Map<String, String> previous = admin.updatePasswordStepConfig(Map.of("throttle-base-delay-seconds", "600",
                "throttle-max-delay-seconds", "600", "throttle-address-free-failures", "100000"));
        try {
            Browser attacker = new Browser();
            LoginPage guess = LoginPage.open(attacker, oidc.login());
            for (int i = 0; i < 3; i++) {
                guess = new LoginPage(attacker, guess.submit(citizen.nationalId(), "doan-" + i));
                assertThat(guess.idError()).isEqualTo("Số định danh cá nhân hoặc mật khẩu không đúng.");
            }
            guess = new LoginPage(attacker, guess.submit(citizen.nationalId(), citizen.password()));
            assertThat(guess.idError()).as("even the right password waits").matches(
                    "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau [0-9]+ giây.");
            // An unknown number is slowed exactly the same way: the delay tells nothing about accounts.
            String unknown = AdminApi.newNationalId();
            for (int i = 0; i < 3; i++) {
                guess = new LoginPage(attacker, guess.submit(unknown, "doan-" + i));
            }
            guess = new LoginPage(attacker, guess.submit(unknown, "doan-x"));
            assertThat(guess.idError()).startsWith("Bạn đã nhập sai quá nhiều lần.");
        } finally {
            admin.restorePasswordStepConfig(previous);
        }
    }

    /** A subscriber registry (on the server's registry port) that says every number is the citizen's own. */
    private static HttpServer registryGivingEveryNumberTo(AdminApi.Citizen citizen) throws IOException {
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", server.registryPort()), 0);
        registry.createContext("/subscribers", exchange -> {
            String number = exchange.getRequestURI().getPath().replaceAll(".*/", "").replace("%2B", "+");
            byte[] body = ("{\"number\":\"" + number + "\",\"ownerNationalId\":\"" + citizen.nationalId()
                    + "\",\"kind\":\"POSTPAID\",\"status\":\"ACTIVE\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        return registry;
    }

    @Test
    @DisplayName("binding keeps its limits across 'change number', and wrong binding codes count for brute force")
    void bindingLimits() throws IOException {
        AdminApi.Citizen citizen = admin.createCitizen("Ninh Văn Sơn", null, false, 1);
        // The stub first: a port it cannot bind must not leave the binding on the http registry for other tests.
        HttpServer registry = registryGivingEveryNumberTo(citizen);
        // The cooldown must still run after Keycloak has counted the wrong code, however long that takes here.
        Map<String, String> previous = admin.updateVerifyPhoneConfig(
                Map.of("subscriber-registry", "http", "resend-cooldown-seconds", "600"));
        try {
            Browser browser = new Browser();
            VerifyPhonePage page = PhoneVerificationIT.toVerifyPhone(browser, oidc.login(), citizen);
            page = new VerifyPhonePage(browser, page.submitNumber("0978000011"));
            String code = outbox.lastCodeTo("+84978000011");
            page = new VerifyPhonePage(browser, page.submitCode("000000".equals(code) ? "111111" : "000000"));
            assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
            page = new VerifyPhonePage(browser, page.changeNumber());
            page = new VerifyPhonePage(browser, page.submitNumber("0978000012"));
            assertThat(page.numberError()).startsWith("Vui lòng chờ");
            assertThat(outbox.countTo("+84978000012")).as("no new code before the cooldown").isZero();
        } finally {
            registry.stop(0);
            admin.restoreVerifyPhoneConfig(previous);
        }
    }

    @Test
    @DisplayName("the binding code's tries and cooldown are set on the verify-phone action")
    void bindingCodeRulesAreConfigurable() throws IOException {
        AdminApi.Citizen citizen = admin.createCitizen("Ninh Văn Tài", null, false, 1);
        HttpServer registry = registryGivingEveryNumberTo(citizen);
        Map<String, String> previous = admin.updateVerifyPhoneConfig(Map.of("subscriber-registry", "http",
                "max-attempts", "2", "resend-cooldown-seconds", "0"));
        try {
            String first = AdminApi.newPhone();
            String second = AdminApi.newPhone();
            Browser browser = new Browser();
            VerifyPhonePage page = PhoneVerificationIT.toVerifyPhone(browser, oidc.login(), citizen);
            page = new VerifyPhonePage(browser, page.submitNumber(first));
            String code = outbox.lastCodeTo(first);
            page = new VerifyPhonePage(browser, page.submitCode("000000".equals(code) ? "111111" : "000000"));
            assertThat(page.codeError()).as("two tries, not the default five")
                    .isEqualTo("Mã xác thực không đúng. Bạn còn 1 lần thử.");
            assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
            page = new VerifyPhonePage(browser, page.changeNumber());
            page = new VerifyPhonePage(browser, page.submitNumber(second));
            assertThat(page.numberError()).as("no cooldown").isEmpty();
            assertThat(outbox.countTo(second)).isEqualTo(1);
        } finally {
            registry.stop(0);
            admin.restoreVerifyPhoneConfig(previous);
        }
    }

    @Test
    @DisplayName("the admin API refuses binding code rules out of their bounds, naming the value; the old ones stay")
    void bindingCodeRulesOutOfBoundsAreRefused() throws IOException {
        String path = "/authentication/required-actions/vneid-change-phone/config";
        java.net.http.HttpResponse<String> before = admin.callAsAdmin("GET", path, null);
        assertThat(before.statusCode()).isEqualTo(200);
        for (Map.Entry<String, String> weaker : Map.of("code-length", "4", "max-attempts", "1000",
                "transaction-ttl-seconds", "86400").entrySet()) {
            java.net.http.HttpResponse<String> refused = admin.callAsAdmin("PUT", path,
                    withConfigValue(before.body(), weaker.getKey(), weaker.getValue()));
            assertThat(refused.statusCode()).as(weaker.toString()).isEqualTo(400);
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.path("field").asText()).isEqualTo(weaker.getKey());
            assertThat(error.path("errorMessage").asText()).isEqualTo("error-number-out-of-range");
        }
        java.net.http.HttpResponse<String> refused = admin.callAsAdmin("PUT", path,
                withConfigValue(before.body(), "max-resends", "ba"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errorMessage").asText()).isEqualTo("error-invalid-value");
        assertThat(JSON.readTree(admin.callAsAdmin("GET", path, null).body()).path("config"))
                .as("nothing of the refused configs was kept").isEqualTo(JSON.readTree(before.body()).path("config"));
    }

    private static String withConfigValue(String representation, String key, String value) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(representation);
        ObjectNode config = body.get("config") instanceof ObjectNode existing ? existing : body.putObject("config");
        config.put(key, value);
        return body.toString();
    }

    @Test
    @DisplayName("a registry answering a malformed record gives 'try later', not a server error")
    void malformedRegistryRecord() throws IOException {
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", server.registryPort()), 0);
        registry.createContext("/subscribers", exchange -> {
            byte[] body = ("{\"number\":\"+84978000003\",\"ownerNationalId\":\"001090000001\",\"kind\":\"PREPAID\","
                    + "\"status\":\"ACTIVE\",\"expiresOn\":\"31/12/2027\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        Map<String, String> previous = admin.updateVerifyPhoneConfig(Map.of("subscriber-registry", "http"));
        try {
            AdminApi.Citizen citizen = admin.createCitizen("Lâm Văn Phong", null, false, 1);
            Browser browser = new Browser();
            VerifyPhonePage page = PhoneVerificationIT.toVerifyPhone(browser, oidc.login(), citizen);
            Browser.Response response = page.submitNumber("0978000003");
            assertThat(response.status()).isEqualTo(200);
            assertThat(new VerifyPhonePage(browser, response).numberError())
                    .startsWith("Hiện không thể kiểm tra số với nhà mạng");
        } finally {
            registry.stop(0);
            admin.restoreVerifyPhoneConfig(previous);
        }
    }

    @Test
    @DisplayName("failed logins leave no national ID in the server log; the event store keeps it for admins")
    void noNationalIdInTheLog() throws IOException {
        AdminApi.Citizen citizen = admin.createCitizen("Hứa Văn Quý", AdminApi.newPhone(), true, 1);
        String unknown = AdminApi.newNationalId();
        Browser browser = new Browser();
        LoginPage page = LoginPage.open(browser, oidc.login());
        page = new LoginPage(browser, page.submit(citizen.nationalId(), "sai-mat-khau"));
        page = new LoginPage(browser, page.submit(unknown, "sai-mat-khau"));
        String log = server.logText();
        assertThat(log).contains("LOGIN_ERROR").doesNotContain(citizen.nationalId()).doesNotContain(unknown);
        assertThat(admin.events(citizen.id())).anySatisfy(event ->
                assertThat(event.path("details").path("username").asText()).isEqualTo(citizen.nationalId()));
    }
}
