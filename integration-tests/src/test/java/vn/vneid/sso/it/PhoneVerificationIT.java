package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.NoPhonePage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.pages.VerifyPhonePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.AdminApi.Citizen;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.LimitWindows;
import vn.vneid.sso.it.support.Lockout;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Binding a phone: the SIM must be registered to the citizen (realm-config/vneid-subscribers.json, the local
 * registry; the http registry is a server this test starts).
 */
@DisplayName("Phone verification: the SIM must be the citizen's own")
class PhoneVerificationIT {

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

    static VerifyPhonePage toVerifyPhone(Browser browser, OidcClient.Login login, Citizen citizen) {
        NoPhonePage noPhone = new NoPhonePage(browser, LoginPage.open(browser, login)
                .submit(citizen.nationalId(), citizen.password()));
        return new VerifyPhonePage(browser, noPhone.bindPhoneNow());
    }

    @Test
    @DisplayName("every registry case is refused with its own message; the citizen's own SIM is bound")
    void registryCases() {
        Citizen citizen = admin.createCitizen("001090900001", "1990-09-01", "Phí Văn Kiểm", null, false, 1);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        VerifyPhonePage page = toVerifyPhone(browser, login, citizen);
        assertThat(page.asksForNumber()).isTrue();
        // Password alone is not a login: until a phone is bound, no service gets a code, not even by SSO.
        Browser.Response elsewhere = browser.get(oidc.login().authorizationUri());
        assertThat(elsewhere.redirectTarget()).as("no authorization code without the second factor").isNull();
        // That request started a new login in this browser: sign in again to bind.
        page = toVerifyPhone(browser, login, citizen);

        Map<String, String> refusals = Map.of(
                "+14155550123", "Chỉ dùng được số di động Việt Nam (+84 hoặc 0...).",
                "024 3825 3456", "Đây là số máy cố định: mã chỉ gửi được tới số di động.",
                "0977000099", "Nhà mạng không có thông tin về số này. Hãy kiểm tra lại số hoặc đăng ký thông tin thuê bao tại nhà mạng.",
                "0977000011", "SIM này không đăng ký chính chủ tên bạn. Hãy dùng số chính chủ hoặc cập nhật thông tin chủ thuê bao tại nhà mạng.",
                "0977000012", "Đây là SIM chỉ dùng dữ liệu: không nhận được mã. Hãy dùng SIM thoại chính chủ.",
                "0977000013", "SIM này đang bị nhà mạng khóa. Hãy liên hệ nhà mạng hoặc dùng số khác.",
                "0977000014", "Số này đã bị nhà mạng thu hồi. Hãy dùng số khác đăng ký chính chủ.",
                "0977000015", "Thuê bao này đã hết hạn. Hãy dùng số đang hoạt động hoặc gia hạn tại nhà mạng.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            page = new VerifyPhonePage(browser, page.submitNumber(refusal.getKey()));
            assertThat(page.numberError()).as(refusal.getKey()).isEqualTo(refusal.getValue());
            assertThat(page.asksForNumber()).isTrue();
        }
        assertThat(outbox.countTo("+84977000011")).isZero();

        page = new VerifyPhonePage(browser, page.submitNumber("0977 000 010"));
        assertThat(page.sentTo()).contains("*******010");
        page = new VerifyPhonePage(browser, page.submitCode("000000".equals(outbox.lastCodeTo("+84977000010"))
                ? "111111" : "000000"));
        assertThat(page.codeError()).startsWith("Mã xác thực không đúng");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isNotEqualTo("true");
        // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
        assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);

        OidcClient.Tokens tokens = login.finish(page.submitCode(outbox.lastCodeTo("+84977000010")).redirectTarget());
        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo("+84977000010");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");

        // The next login sends its code to the bound number (once Keycloak has cleared the failure, see above).
        assertThat(admin.awaitFailures(citizen.id(), 0)).isZero();
        Browser next = new Browser();
        OidcClient.Login again = oidc.login();
        SmsCodePage code = LoginPage.signIn(next, again, citizen.nationalId(), citizen.password());
        assertThat(code.sentTo()).contains("*******010");
    }

    @Test
    @DisplayName("a number already verified on another account is refused (one number, one account)")
    void oneNumberOneAccount() {
        Citizen citizen = admin.createCitizen("Đoàn Văn Lực", null, false, 1);
        Browser browser = new Browser();
        VerifyPhonePage page = toVerifyPhone(browser, oidc.login(), citizen);
        // +84912345678 is Nguyễn Văn An's verified number (and registered to him, so the registry refuses first).
        page = new VerifyPhonePage(browser, page.submitNumber("0912345678"));
        assertThat(page.numberError()).startsWith("SIM này không đăng ký chính chủ");
    }

    @Test
    @DisplayName("a locked account binds no number, even with a forged cancel field in the form")
    void lockedAccountBindsNothing() {
        Citizen citizen = admin.createCitizen("Lương Văn Tín", null, false, 1);
        Browser browser = new Browser();
        VerifyPhonePage page = toVerifyPhone(browser, oidc.login(), citizen);
        try (Lockout locked = Lockout.byGuessing(admin, oidc, citizen)) {
            Browser.Response forged = page.submitNumberWithCancel("0977160010");
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("Tài khoản tạm thời bị khóa");
            assertThat(page.submitNumber("0977160010").status()).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("with the binding action switched off, a citizen without a phone gets no login on the password alone")
    void bindingSwitchedOff() throws Exception {
        Citizen citizen = admin.createCitizen("Mạc Văn Hiển", null, false, 1);
        String path = "/authentication/required-actions/vneid-verify-phone";
        com.fasterxml.jackson.databind.node.ObjectNode action = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.callAsAdmin("GET", path, null).body());
        action.put("enabled", false);
        assertThat(admin.callAsAdmin("PUT", path, action.toString()).statusCode()).isEqualTo(204);
        try {
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login();
            NoPhonePage page = new NoPhonePage(browser, LoginPage.open(browser, login)
                    .submit(citizen.nationalId(), citizen.password()));
            NoPhonePage refused = new NoPhonePage(browser, page.bindPhoneNow());
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.message()).startsWith("Hiện chưa thể đăng ký số điện thoại");
            assertThat(browser.get(login.authorizationUri()).redirectTarget())
                    .as("no authorization code for the relying party").isNull();
        } finally {
            action.put("enabled", true);
            assertThat(admin.callAsAdmin("PUT", path, action.toString()).statusCode()).as("binding switched back on")
                    .isEqualTo(204);
        }
    }

    @Test
    @DisplayName("at login, a SIM the operator revoked stops counting; a new number then needs the chip ID card")
    void recheckAtLogin() {
        Citizen citizen = admin.createCitizen("001090900002", "1990-09-02", "Kha Văn Mạnh", "+84977000020", true, 1);
        Browser browser = new Browser();
        NoPhonePage page = new NoPhonePage(browser, LoginPage.open(browser, oidc.login())
                .submit(citizen.nationalId(), citizen.password()));
        assertThat(page.message()).startsWith("Số điện thoại của bạn không còn nhận được mã");
        assertThat(outbox.countTo("+84977000020")).isZero();
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("false");
        // An administrator saving the account through the admin API does not clear what the re-check found.
        assertThat(admin.callAsAdmin("PUT", "/users/" + citizen.id(), admin.user(citizen.id()).toString())
                .statusCode()).isEqualTo(204);
        // The lost SIM proves nothing any more: binding another number needs the chip (or the officer's reset).
        assertThat(new vn.vneid.sso.it.pages.ChipStepUpPage(browser, page.bindPhoneNow()).showsQrCode()).isTrue();
    }

    @Test
    @DisplayName("the http registry: an own SIM ending soon is refused, a down or slow registry means 'try later'")
    void httpRegistry() throws IOException {
        Map<String, String> previous = admin.updateVerifyPhoneConfig(Map.of("subscriber-registry", "http"));
        try {
            Citizen citizen = admin.createCitizen("Lâm Văn Nghĩa", null, false, 1);
            Browser browser = new Browser();
            VerifyPhonePage page = toVerifyPhone(browser, oidc.login(), citizen);

            page = new VerifyPhonePage(browser, page.submitNumber("0978000001"));
            assertThat(page.numberError()).isEqualTo(
                    "Hiện không thể kiểm tra số với nhà mạng. Vui lòng thử lại sau ít phút.");

            LocalDate soon = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10);
            HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", server.registryPort()), 0);
            registry.createContext("/subscribers", exchange -> {
                String number = exchange.getRequestURI().getPath().replaceAll(".*/", "");
                if (number.endsWith("78000002")) {
                    sleep(8000); // longer than the server's read timeout (5 s, KeycloakServer), retried once: 10 s
                }
                byte[] body = ("{\"number\":\"" + number + "\",\"ownerNationalId\":\"" + citizen.nationalId()
                        + "\",\"kind\":\"PREPAID\",\"status\":\"ACTIVE\",\"activatedOn\":\"2020-01-01\","
                        + "\"expiresOn\":\"" + soon + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            registry.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            registry.start();
            try {
                page = new VerifyPhonePage(browser, page.submitNumber("0978000001"));
                assertThat(page.numberError()).startsWith("Thuê bao này sắp hết hạn");
                page = new VerifyPhonePage(browser, page.submitNumber("0978000002"));
                assertThat(page.numberError()).startsWith("Hiện không thể kiểm tra số với nhà mạng");
            } finally {
                registry.stop(0);
            }
        } finally {
            admin.restoreVerifyPhoneConfig(previous);
        }
    }

    @Test
    @DisplayName("codes per number per hour are limited across logins")
    void perNumberLimit() {
        Map<String, String> previous = admin.updateSmsCodeConfig(
                Map.of("limit-per-number-hour", "2", "resend-cooldown-seconds", "0"));
        try {
            LimitWindows.withinOneHour(() -> {
                Citizen citizen = admin.createCitizen("Ninh Văn Phát", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
                page = new SmsCodePage(browser, page.resend());
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(2);
                page = new SmsCodePage(browser, page.resend());
                assertThat(page.codeError()).isEqualTo("Đã gửi quá nhiều mã tới số này. Vui lòng thử lại sau một giờ.");
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(2);

                // A new login does not reset the counter.
                Browser other = new Browser();
                SmsCodePage fresh = LoginPage.signIn(other, oidc.login(), citizen.nationalId(), citizen.password());
                assertThat(fresh.codeError())
                        .isEqualTo("Đã gửi quá nhiều mã tới số này. Vui lòng thử lại sau một giờ.");
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(2);
            });
        } finally {
            admin.restoreSmsCodeConfig(previous);
        }
    }

    @Test
    @DisplayName("codes per account per day and per client address are limited too")
    void perAccountAndPerIpLimits() {
        Map<String, String> previous = admin.updateSmsCodeConfig(
                Map.of("limit-per-account-day", "1", "resend-cooldown-seconds", "0"));
        try {
            Citizen citizen = admin.createCitizen("Yên Văn Khánh", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
            page = new SmsCodePage(browser, page.resend());
            assertThat(page.codeError()).isEqualTo(
                    "Đã gửi quá nhiều mã cho tài khoản này trong hôm nay. Vui lòng thử lại vào ngày mai.");
            assertThat(outbox.countTo(citizen.phone())).isEqualTo(1);
        } finally {
            admin.restoreSmsCodeConfig(previous);
        }

        previous = admin.updateSmsCodeConfig(Map.of("limit-per-ip-hour", "1", "resend-cooldown-seconds", "0"));
        try {
            LimitWindows.withinOneHour(() -> {
                // The counter may already hold this address's earlier codes: the second send is refused at the latest.
                Citizen citizen = admin.createCitizen("Giáp Văn Lâm", AdminApi.newPhone(), true, 1);
                Browser browser = new Browser();
                SmsCodePage page = LoginPage.signIn(browser, oidc.login(), citizen.nationalId(), citizen.password());
                page = new SmsCodePage(browser, page.resend());
                assertThat(page.codeError()).isEqualTo("Mạng của bạn đã yêu cầu quá nhiều mã. Vui lòng thử lại sau.");
                assertThat(outbox.countTo(citizen.phone())).isLessThanOrEqualTo(1);
            });
        } finally {
            admin.restoreSmsCodeConfig(previous);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
