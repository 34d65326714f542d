package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.NoPhonePage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.AdminApi.Citizen;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.Lockout;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("Level-1 login: national ID + password, then a code by SMS")
class LevelOneLoginIT {

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    @Nested
    @DisplayName("Given a demo citizen of the imported realm")
    class DemoCitizen {

        @Test
        @DisplayName("the realm serves its OpenID configuration with the vneid acr values")
        void discovery() {
            assertThat(oidc.metadata().getIssuer().getValue()).isEqualTo(server.realmUri().toString());
            assertThat(oidc.metadata().getACRs()).extracting(acr -> acr.getValue())
                    .contains("vneid-l1", "vneid-l2");
        }

        @Test
        @DisplayName("she logs in with ID, password and the SMS code, and the relying party gets verified claims")
        void fullLogin() {
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            LoginPage loginPage = LoginPage.open(browser, login);
            assertThat(loginPage.lang()).isEqualTo("vi");
            assertThat(loginPage.idLabel()).contains("Số định danh cá nhân");

            SmsCodePage codePage = new SmsCodePage(browser, loginPage.submit("040192004321", AdminApi.DEMO_PASSWORD));
            assertThat(codePage.sentTo()).contains("*******721").doesNotContain("983456721");

            Browser.Response callback = codePage.submitCode(outbox.lastCodeTo("+84983456721"));
            assertThat(callback.redirectTarget()).hasHost("localhost").hasPort(8089).hasPath("/callback");

            OidcClient.Tokens tokens = login.finish(callback.redirectTarget());
            IDTokenClaimsSet id = tokens.idToken();
            assertThat(id.getACR().getValue()).isEqualTo("vneid-l1");
            assertThat(id.getStringClaim("preferred_username")).isEqualTo("040192004321");
            assertThat(id.getStringClaim("name")).isEqualTo("Trần Thị Bích Ngọc")
                    .matches(name -> Normalizer.isNormalized(name, Normalizer.Form.NFC));
            assertThat(id.getStringClaim("birthdate")).isEqualTo("1992-07-15");
            assertThat(id.getStringClaim("gender")).isEqualTo("female");
            assertThat(id.getStringClaim("phone_number")).isEqualTo("+84983456721");
            assertThat(id.getClaim("phone_number_verified")).isEqualTo(Boolean.TRUE);
            assertThat(((Number) id.getClaim("vneid_level")).intValue()).isEqualTo(1);

            UserInfo userInfo = oidc.userInfo(tokens.accessToken());
            assertThat(userInfo.getSubject()).isEqualTo(id.getSubject());
            assertThat(userInfo.getName()).isEqualTo("Trần Thị Bích Ngọc");
            assertThat(userInfo.getBirthdate()).isEqualTo("1992-07-15");
            assertThat(userInfo.getGender().getValue()).isEqualTo("female");
            assertThat(userInfo.getPhoneNumber()).isEqualTo("+84983456721");
            assertThat(userInfo.getPhoneNumberVerified()).isTrue();
            assertThat(((Number) userInfo.getClaim("vneid_level")).intValue()).isEqualTo(1);
        }

        @Test
        @DisplayName("a level-2 citizen logging in at level 1 gets acr vneid-l1 and vneid_level 2")
        void levelTwoAccountAtLevelOne() {
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login("vneid-l1");
            SmsCodePage codePage = LoginPage.signIn(browser, login, "001085012345", AdminApi.DEMO_PASSWORD);
            OidcClient.Tokens tokens = login.finish(
                    codePage.submitCode(outbox.lastCodeTo("+84912345678")).redirectTarget());
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
            assertThat(((Number) tokens.idToken().getClaim("vneid_level")).intValue()).isEqualTo(2);
            assertThat(tokens.idToken().getStringClaim("name")).isEqualTo("Nguyễn Văn An");
        }

        @Test
        @DisplayName("a group's attributes never become the claims of a member whose own record lacks them")
        void groupAttributesNeverBecomeClaims() throws Exception {
            // An account without a level of its own, as the admin API's user creation leaves one.
            String phone = AdminApi.newPhone();
            com.fasterxml.jackson.databind.node.ObjectNode user = AdminApi.citizenJson(AdminApi.newNationalId(),
                    "1990-05-17", "Đinh Văn Quý", phone, true, 1);
            ((com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")).remove("vneidLevel");
            String userId = admin.importUser(user);
            // A user manager's group claiming level 2 and a social insurance number, the account put in it.
            String group = "claims-" + Long.toHexString(System.nanoTime());
            HttpResponse<String> created = admin.callAsAdmin("POST", "/groups", "{\"name\": \"" + group
                    + "\", \"attributes\": {\"vneidLevel\": [\"2\"], \"socialInsuranceNumber\": [\"0123456789\"]}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String groupId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            assertThat(admin.callAsAdmin("PUT", "/users/" + userId + "/groups/" + groupId, null).statusCode())
                    .isEqualTo(204);
            try {
                Browser browser = new Browser();
                OidcClient.Login login = oidc.login();
                SmsCodePage codePage = LoginPage.signIn(browser, login, user.get("username").asText(),
                        AdminApi.DEMO_PASSWORD);
                OidcClient.Tokens tokens = login.finish(codePage.submitCode(outbox.lastCodeTo(phone))
                        .redirectTarget());
                assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
                assertThat(tokens.idToken().getClaim("vneid_level")).as("no level of the account's own").isNull();
                assertThat(tokens.idToken().getStringClaim("name")).as("its own attributes still are claims")
                        .isEqualTo("Đinh Văn Quý");
                UserInfo userInfo = oidc.userInfo(tokens.accessToken());
                assertThat(userInfo.getClaim("vneid_level")).isNull();
                assertThat(userInfo.getPhoneNumberVerified()).isTrue();
            } finally {
                admin.callAsAdmin("DELETE", "/groups/" + groupId, null);
            }
        }

        @Test
        @DisplayName("the one without a verified phone sees what to do, and no SMS is sent")
        void noVerifiedPhone() {
            Browser browser = new Browser();
            int before = outbox.countTo("+84907556677");
            NoPhonePage page = new NoPhonePage(browser,
                    LoginPage.open(browser, oidc.login()).submit("079188005566", AdminApi.DEMO_PASSWORD));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.title()).isEqualTo("Số điện thoại chưa được xác minh");
            assertThat(page.explanation()).contains("VNeID").contains("Công an xã");
            assertThat(page.offersBackToLogin()).isTrue();
            assertThat(outbox.countTo("+84907556677")).isEqualTo(before);
        }

        @Test
        @DisplayName("the password grant is refused: it would skip the SMS code")
        void noDirectGrant() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            oidc.metadata().getTokenEndpointURI())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=vneid-demo-rp"
                            + "&username=040192004321&password=" + AdminApi.DEMO_PASSWORD + "&scope=openid"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(400, 401);
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Nested
    @DisplayName("Given a citizen who types a wrong national ID or password")
    class FirstStep {

        @Test
        @DisplayName("a malformed ID gets a precise reason, before any lookup, in Vietnamese and English")
        void malformedId() {
            Browser browser = new Browser();
            LoginPage page = new LoginPage(browser, LoginPage.open(browser, oidc.login()).submit("00108501234", "x"));
            assertThat(page.idError()).isEqualTo("Số định danh cá nhân gồm đúng 12 chữ số.");

            page = new LoginPage(browser, page.submit("003085012345", "x"));
            assertThat(page.idError()).contains("mã tỉnh");

            page = new LoginPage(browser, page.submit("00108501234x", "x"));
            assertThat(page.idError()).isEqualTo("Số định danh cá nhân chỉ gồm các chữ số.");

            Browser english = new Browser("en");
            LoginPage en = new LoginPage(english, LoginPage.open(english, oidc.login()).submit("001985012345", "x"));
            assertThat(en.lang()).isEqualTo("en");
            assertThat(en.idError()).contains("birth year in the future");
        }

        @Test
        @DisplayName("an unknown ID and a wrong password get the same message")
        void noEnumeration() {
            Citizen citizen = admin.createCitizen("Đặng Văn Bình", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            LoginPage unknown = new LoginPage(browser,
                    LoginPage.open(browser, oidc.login()).submit("001090999999", "whatever-password"));
            Browser other = new Browser();
            LoginPage wrongPassword = new LoginPage(other,
                    LoginPage.open(other, oidc.login()).submit(citizen.nationalId(), "wrong-password"));
            assertThat(unknown.idError()).isEqualTo("Số định danh cá nhân hoặc mật khẩu không đúng.");
            assertThat(wrongPassword.idError()).isEqualTo(unknown.idError());
            assertThat(wrongPassword.text()).isEqualTo(unknown.text().replace("001090999999", citizen.nationalId()));
        }

        @Test
        @DisplayName("sustained guessing locks the account, with the same message, until an operator clears it")
        void bruteForce() {
            Citizen citizen = admin.createCitizen("Bùi Thị Hoa", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            LoginPage page = LoginPage.open(browser, oidc.login());
            // The throttles are lifted here so that the test does not wait: Keycloak's lock-out after 20 failures.
            java.util.Map<String, String> previous = Lockout.liftThrottles(admin);
            try {
                page = Lockout.guessUntilLocked(admin, browser, page, citizen.id(), citizen.nationalId());
                assertThat(admin.bruteForceStatus(citizen.id()).path("numFailures").asInt()).isEqualTo(20);

                LoginPage locked = new LoginPage(browser, page.submit(citizen.nationalId(), citizen.password()));
                assertThat(locked.idError()).isEqualTo("Số định danh cá nhân hoặc mật khẩu không đúng.");
                assertThat(outbox.countTo(citizen.phone())).isZero();

                admin.clearBruteForce(citizen.id());
                new SmsCodePage(browser, locked.submit(citizen.nationalId(), citizen.password()));
            } finally {
                admin.restorePasswordStepConfig(previous);
            }
        }
    }

    @Nested
    @DisplayName("Given a citizen at the SMS code step")
    class CodeStep {

        @Test
        @DisplayName("five wrong codes restart the login with a message")
        void fiveWrongCodes() {
            Citizen citizen = admin.createCitizen("Ngô Văn Cường", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
            String right = outbox.lastCodeTo(citizen.phone());
            String wrong = right.equals("000000") ? "111111" : "000000";
            for (int left = 4; left >= 1; left--) {
                page = new SmsCodePage(browser, page.submitCode(wrong));
                assertThat(page.codeError()).isEqualTo("Mã xác thực không đúng. Bạn còn " + left + " lần thử.");
                // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
                assertThat(admin.awaitFailures(citizen.id(), 5 - left)).isEqualTo(5 - left);
            }
            LoginPage restarted = new LoginPage(browser, page.submitCode(wrong));
            assertThat(restarted.message()).isEqualTo("Bạn đã nhập sai mã quá nhiều lần. Vui lòng đăng nhập lại.");
            // Every wrong code counts for Keycloak's brute-force detection, so restarting buys no free guesses.
            assertThat(admin.awaitFailures(citizen.id(), 5)).isEqualTo(5);
        }

        @Test
        @DisplayName("a code sent before an administrator changes the code rules keeps the length and lifetime its SMS"
                + " gave")
        void rulesChangedDuringALogin() {
            Citizen citizen = admin.createCitizen("Tạ Văn Khánh", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
            String code = outbox.lastCodeTo(citizen.phone());
            assertThat(code).hasSize(6);
            Map<String, String> previous = admin.updateSmsCodeConfig(Map.of("code-length", "8",
                    "code-ttl-seconds", "60"));
            try {
                SmsCodePage reloaded = new SmsCodePage(browser, page.reload());
                assertThat(reloaded.sentTo()).as("the page repeats what the SMS said").contains("trong 5 phút");
                assertThat(login.finish(reloaded.submitCode(code).redirectTarget()).idToken().getACR().getValue())
                        .isEqualTo("vneid-l1");
            } finally {
                admin.restoreSmsCodeConfig(previous);
            }
        }

        @Test
        @DisplayName("a page refresh shows the same code step without sending another SMS")
        void refreshDoesNotResend() {
            Citizen citizen = admin.createCitizen("Đỗ Thị Thu", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
            assertThat(outbox.countTo(citizen.phone())).isEqualTo(1);
            SmsCodePage reloaded = new SmsCodePage(browser, page.reload());
            assertThat(reloaded.sentTo()).contains(page.sentTo());
            assertThat(outbox.countTo(citizen.phone())).isEqualTo(1);
            String code = outbox.lastCodeTo(citizen.phone());
            assertThat(login.finish(reloaded.submitCode(code).redirectTarget()).idToken().getACR().getValue())
                    .isEqualTo("vneid-l1");
        }

        @Test
        @DisplayName("a resend before 60 s is refused with the wait; the old code still works")
        void resendTooEarly() {
            Citizen citizen = admin.createCitizen("Lý Văn Dũng", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
            String code = outbox.lastCodeTo(citizen.phone());
            page = new SmsCodePage(browser, page.resend());
            assertThat(page.codeError()).matches("Vui lòng chờ \\d+ giây trước khi yêu cầu mã mới\\.");
            assertThat(outbox.countTo(citizen.phone())).isEqualTo(1);
            assertThat(login.finish(page.submitCode(code).redirectTarget()).idToken().getACR().getValue())
                    .isEqualTo("vneid-l1");
        }

        @Test
        @DisplayName("an empty code gets a message and costs no try")
        void emptyCode() {
            Citizen citizen = admin.createCitizen("Trịnh Văn Em", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
            page = new SmsCodePage(browser, page.submitCode(""));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.codeError()).isEqualTo("Vui lòng nhập mã trong tin nhắn SMS.");
        }
    }

    @Nested
    @DisplayName("Given an operator who changed the SMS code step's configuration")
    class Configured {

        @Test
        @DisplayName("an expired code is refused, and a new one can be requested and used")
        void expiredCode() throws InterruptedException {
            Map<String, String> previous = admin.updateSmsCodeConfig(
                    Map.of("code-ttl-seconds", "2", "resend-cooldown-seconds", "0"));
            try {
                Citizen citizen = admin.createCitizen("Mai Thị Gấm", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                OidcClient.Login login = oidc.login();
                SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
                String first = outbox.lastCodeTo(citizen.phone());
                Thread.sleep(2500);
                page = new SmsCodePage(browser, page.submitCode(first));
                assertThat(page.codeError()).isEqualTo("Mã xác thực đã hết hạn. Vui lòng yêu cầu mã mới.");
                // The new code gets time enough to be typed on a loaded machine (a resend follows the rules in force).
                admin.updateSmsCodeConfig(Map.of("code-ttl-seconds", "300"));

                page = new SmsCodePage(browser, page.resend());
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(2);
                String second = outbox.lastCodeTo(citizen.phone());
                assertThat(login.finish(page.submitCode(second).redirectTarget()).idToken().getACR().getValue())
                        .isEqualTo("vneid-l1");
            } finally {
                admin.restoreSmsCodeConfig(previous);
            }
        }

        @Test
        @DisplayName("resends stop at the configured limit")
        void resendLimit() {
            Map<String, String> previous = admin.updateSmsCodeConfig(
                    Map.of("resend-cooldown-seconds", "0", "max-resends", "3"));
            try {
                Citizen citizen = admin.createCitizen("Châu Văn Hải", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
                for (int i = 0; i < 3; i++) {
                    page = new SmsCodePage(browser, page.resend());
                    assertThat(page.codeError()).isEmpty();
                }
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(4);
                assertThat(page.resendInfo()).isEqualTo("Không thể gửi thêm mã cho lần đăng nhập này.");
                page = new SmsCodePage(browser, page.resend());
                assertThat(page.codeError()).startsWith("Đã hết số lần gửi lại mã");
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(4);
            } finally {
                admin.restoreSmsCodeConfig(previous);
            }
        }

        @Test
        @DisplayName("the SMS follows the realm's own text for it from the next code on, and the theme's once removed")
        void smsTextFromRealmLocalization() {
            Citizen citizen = admin.createCitizen("Đoàn Thị Hương", AdminApi.newPhone(), true, 1);
            assertThat(smsAfterPassword(citizen)).startsWith("VNeID: ma xac thuc cua ban la ");

            HttpResponse<String> set = admin.callAsAdmin("POST", "/localization/vi",
                    "{\"vneidSmsCodeText\": \"VNeID thu nghiem: ma {0}, con {1} phut\"}");
            assertThat(set.statusCode()).isEqualTo(204);
            try {
                assertThat(smsAfterPassword(citizen)).matches("VNeID thu nghiem: ma \\d{6}, con \\d+ phut");
            } finally {
                assertThat(admin.callAsAdmin("DELETE", "/localization/vi/vneidSmsCodeText", null).statusCode())
                        .isEqualTo(204);
            }
            assertThat(smsAfterPassword(citizen)).startsWith("VNeID: ma xac thuc cua ban la ");
        }

        private String smsAfterPassword(Citizen citizen) {
            int before = outbox.countTo(citizen.phone());
            SmsCodePage page = LoginPage.signIn(new Browser(), oidc.login(), citizen.nationalId(), citizen.password());
            assertThat(page.status()).isEqualTo(200);
            List<Map<String, String>> messages = outbox.messagesTo(citizen.phone());
            assertThat(messages).hasSize(before + 1);
            return messages.get(messages.size() - 1).get("text");
        }

        @Test
        @DisplayName("with the http gateway down the citizen is told to try again, and nothing else breaks")
        void gatewayDown() {
            Map<String, String> previous = admin.updateSmsCodeConfig(Map.of("sms-gateway", "http"));
            try {
                Citizen citizen = admin.createCitizen("Kiều Thị Lệ", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.codeError()).isEqualTo("Không gửi được mã xác thực. Vui lòng thử lại.");
                page = new SmsCodePage(browser, page.submitCode("123456"));
                assertThat(page.codeError()).isEqualTo("Chưa có mã nào được gửi. Vui lòng yêu cầu gửi mã.");
            } finally {
                admin.restoreSmsCodeConfig(previous);
            }
        }

        @Test
        @DisplayName("with the http gateway up the code arrives over HTTP and the login completes")
        void gatewayUp() throws IOException {
            List<String> received = new CopyOnWriteArrayList<>();
            HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", server.smsGatewayPort()), 0);
            gateway.createContext("/sms", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            gateway.start();
            Map<String, String> previous = admin.updateSmsCodeConfig(Map.of("sms-gateway", "http"));
            try {
                Citizen citizen = admin.createCitizen("Quách Văn Minh", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                OidcClient.Login login = oidc.login();
                SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
                assertThat(received).hasSize(1);
                assertThat(received.get(0)).contains("\"to\":\"" + citizen.phone() + "\"");
                assertThat(outbox.countTo(citizen.phone())).isZero();
                String code = received.get(0).replaceAll(".*ma xac thuc cua ban la (\\d{6}).*", "$1");
                assertThat(code).matches("\\d{6}");
                assertThat(login.finish(page.submitCode(code).redirectTarget()).idToken().getACR().getValue())
                        .isEqualTo("vneid-l1");
            } finally {
                gateway.stop(0); // first: a failed restore must not leave the port bound for the next test
                admin.restoreSmsCodeConfig(previous);
            }
        }
    }

    @Test
    @DisplayName("no code sent during the suite appears in the server log")
    void codesNeverLogged() throws IOException {
        Citizen citizen = admin.createCitizen("Tạ Văn Nam", AdminApi.newPhone(), true, 1);
        int logBefore = server.logText().length();
        Browser browser = new Browser();
        SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
        String code = outbox.lastCodeTo(citizen.phone());
        new SmsCodePage(browser, page.submitCode(code.equals("999999") ? "999998" : "999999"));
        String log = server.logText();
        assertThat(log).contains("Development SMS outbox");
        // What the server logged since this login, the code as a number of its own: six digits also occur inside
        // ids and times of other lines, which say nothing of this code.
        assertThat(log.substring(Math.min(logBefore, log.length())))
                .doesNotContainPattern("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])");
    }

}
