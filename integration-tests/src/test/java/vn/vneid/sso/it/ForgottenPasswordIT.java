package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.chipsim.TestPki;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.RecoveryCodePage;
import vn.vneid.sso.it.pages.RecoveryDonePage;
import vn.vneid.sso.it.pages.RecoveryIdPage;
import vn.vneid.sso.it.pages.RecoveryPasswordPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.LimitWindows;
import vn.vneid.sso.it.support.Lockout;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("Forgotten password: national ID, a code to the verified phone, the chip at level 2, a new password")
class ForgottenPasswordIT {

    static final String NEW_PASSWORD = "Hoa-sen-no-giua-dam-2026";

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final PhoneApp app = new PhoneApp();

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** Opens the login page of a relying party and follows its "Quên mật khẩu?" link. */
    static RecoveryIdPage openRecovery(Browser browser) {
        return LoginPage.open(browser, oidc.login()).forgotPassword();
    }

    /** The recovery's SMS leaves after the response, on a worker thread: wait for it (45 s: a loaded machine). */
    static Map<String, String> awaitSms(String phone, int countBefore) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, String>> messages = outbox.messagesTo(phone);
            if (messages.size() > countBefore) {
                return messages.get(messages.size() - 1);
            }
            sleep(100);
        }
        throw new AssertionError("no new SMS to " + phone);
    }

    /** What the recovery's worker logs when the registry gives the bound SIM to someone else (RecoverySms). */
    static final String SIM_NO_LONGER_THEIRS = "not sent: the registry says the bound SIM is no longer the account's";

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static String codeIn(Map<String, String> sms) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(sms.get("text"));
        assertThat(matcher.find()).as(sms.get("text")).isTrue();
        return matcher.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in at level 1 and returns the tokens of that session. */
    static OidcClient.Tokens signIn(Browser browser, AdminApi.Citizen citizen, String password) {
        OidcClient.Login login = oidc.login();
        SmsCodePage codePage = LoginPage.signIn(browser, login, citizen.nationalId(), password);
        return login.finish(codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
    }

    /** From the ID page to the new-password page of a level-1 citizen. */
    static RecoveryPasswordPage recoverUpToPassword(Browser browser, AdminApi.Citizen citizen) {
        int before = outbox.countTo(citizen.phone());
        RecoveryCodePage codePage = new RecoveryCodePage(browser, openRecovery(browser).submit(citizen.nationalId()));
        String code = codeIn(awaitSms(citizen.phone(), before));
        return new RecoveryPasswordPage(browser, codePage.submitCode(code));
    }

    @Nested
    @DisplayName("Given a level-1 citizen who forgot the password")
    class LevelOne {

        @Test
        @DisplayName("she recovers it from the login page's link, her other sessions end, an SMS without secret tells"
                + " her, and she signs in with the new password")
        void endToEnd() {
            AdminApi.Citizen citizen = admin.createCitizen("Đào Thị Thu", AdminApi.newPhone(), true, 1);
            OidcClient.Tokens oldSession = signIn(new Browser(), citizen, citizen.password());
            assertThat(oidc.userInfoStatus(oldSession.accessToken())).isEqualTo(200);
            assertThat(admin.sessionCount(citizen.id())).isEqualTo(1);

            Browser browser = new Browser();
            LoginPage login = LoginPage.open(browser, oidc.login());
            assertThat(login.forgotPasswordLabel()).isEqualTo("Quên mật khẩu?");
            RecoveryIdPage idPage = login.forgotPassword();
            assertThat(idPage.title()).isEqualTo("Quên mật khẩu");

            int before = outbox.countTo(citizen.phone());
            RecoveryCodePage codePage = new RecoveryCodePage(browser, idPage.submit(citizen.nationalId()));
            assertThat(codePage.text()).doesNotContain(citizen.phone().substring(3));
            Map<String, String> codeSms = awaitSms(citizen.phone(), before);
            assertThat(codeSms.get("text")).contains("khoi phuc mat khau");

            RecoveryPasswordPage passwordPage = new RecoveryPasswordPage(browser,
                    codePage.submitCode(codeIn(codeSms)));
            int beforeNotice = outbox.countTo(citizen.phone());
            RecoveryDonePage done = new RecoveryDonePage(browser, passwordPage.submit(NEW_PASSWORD));
            assertThat(done.title()).isEqualTo("Đã đổi mật khẩu");

            // The citizen's other sessions ended: whoever knew the old password is signed out.
            assertThat(oidc.userInfoStatus(oldSession.accessToken())).isEqualTo(401);
            assertThat(admin.sessionCount(citizen.id())).as("recovery signs no one in").isZero();

            // The notice: sent after the change, with neither a code nor a link.
            Map<String, String> notice = awaitSms(citizen.phone(), beforeNotice);
            assertThat(notice.get("text")).contains("mat khau").contains("vua duoc doi")
                    .doesNotContainPattern("\\d{4,}").doesNotContain("http").doesNotContain("://");

            // The way back is a normal sign-in: the new password works, with the SMS code, and the old one no longer.
            LoginPage again = done.signIn();
            LoginPage refused = new LoginPage(browser, again.submit(citizen.nationalId(), citizen.password()));
            assertThat(refused.idError()).isEqualTo("Số định danh cá nhân hoặc mật khẩu không đúng.");
            // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
            assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
            OidcClient.Tokens tokens = signIn(new Browser(), citizen, NEW_PASSWORD);
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
            assertThat(tokens.idToken().getStringClaim("preferred_username")).isEqualTo(citizen.nationalId());

            List<JsonNode> events = admin.events(citizen.id());
            List<String> steps = new ArrayList<>();
            events.forEach(event -> steps.add(event.path("type").asText() + ":"
                    + event.path("details").path("vneid_recovery").asText()));
            assertThat(steps).contains("RESET_PASSWORD:requested", "RESET_PASSWORD:code_verified",
                    "RESET_PASSWORD:changed", "UPDATE_CREDENTIAL:changed");
        }

        @Test
        @DisplayName("a password with her birth date, a common one or a short one is refused, in words she reads")
        void passwordPolicy() {
            AdminApi.Citizen citizen = admin.createCitizen("Phan Thị Yến", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            RecoveryPasswordPage page = recoverUpToPassword(browser, citizen);

            page = new RecoveryPasswordPage(browser, page.submit("Yen-17/05/1990"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu không được chứa ngày sinh của bạn.");
            page = new RecoveryPasswordPage(browser, page.submit("Yen-19900517"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu không được chứa ngày sinh của bạn.");
            page = new RecoveryPasswordPage(browser, page.submit("QwertyUiop"));
            assertThat(page.passwordError()).startsWith("Mật khẩu này quá phổ biến");
            page = new RecoveryPasswordPage(browser, page.submit("anhyeuem123"));
            assertThat(page.passwordError()).startsWith("Mật khẩu này quá phổ biến");
            page = new RecoveryPasswordPage(browser, page.submit("Ngan-9"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự.");
            page = new RecoveryPasswordPage(browser, page.submit("x" + citizen.nationalId()));
            assertThat(page.passwordError()).isNotEmpty();
            page = new RecoveryPasswordPage(browser, page.submit("Goi-" + "0" + citizen.phone().substring(3)));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu không được chứa số điện thoại của bạn.");
            page = new RecoveryPasswordPage(browser, page.submit(NEW_PASSWORD, NEW_PASSWORD + "x"));
            assertThat(page.fieldError("password-confirm")).isNotEmpty();

            assertThat(new RecoveryDonePage(browser, page.submit(NEW_PASSWORD)).title()).isEqualTo("Đã đổi mật khẩu");
            assertThat(admin.events(citizen.id())).anySatisfy(event -> {
                assertThat(event.path("details").path("vneid_recovery").asText()).isEqualTo("refused");
                assertThat(event.path("details").path("reason").asText()).isEqualTo("password_policy");
            });
        }

        @Test
        @DisplayName("the guesses of the old password no longer slow her sign-in once she chose a new one")
        void recoveryClearsTheLoginThrottle() {
            AdminApi.Citizen citizen = admin.createCitizen("Ninh Thị Ánh", AdminApi.newPhone(), true, 1);
            Map<String, String> previous = admin.updatePasswordStepConfig(Map.of("throttle-base-delay-seconds", "600",
                    "throttle-max-delay-seconds", "600"));
            try {
                Browser guesser = new Browser();
                LoginPage page = LoginPage.open(guesser, oidc.login());
                for (int i = 0; i < 3; i++) {
                    page = new LoginPage(guesser, page.submit(citizen.nationalId(), "doan-sai-" + i));
                    // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
                    assertThat(admin.awaitFailures(citizen.id(), i + 1)).isEqualTo(i + 1);
                }
                page = new LoginPage(guesser, page.submit(citizen.nationalId(), citizen.password()));
                assertThat(page.idError()).as("throttled").contains("giây");

                Browser browser = new Browser();
                RecoveryPasswordPage passwordPage = recoverUpToPassword(browser, citizen);
                int beforeNotice = outbox.countTo(citizen.phone());
                new RecoveryDonePage(browser, passwordPage.submit(NEW_PASSWORD));
                // The "password changed" SMS leaves after the response: the sign-in's code must be the last SMS.
                awaitSms(citizen.phone(), beforeNotice);
                assertThat(signIn(new Browser(), citizen, NEW_PASSWORD).idToken().getACR().getValue())
                        .isEqualTo("vneid-l1");
            } finally {
                admin.restorePasswordStepConfig(previous);
            }
        }

        @Test
        @DisplayName("wrong recovery codes count as failures for Keycloak's brute-force detection")
        void wrongCodesCount() {
            AdminApi.Citizen citizen = admin.createCitizen("Mạc Văn Khoa", AdminApi.newPhone(), true, 1);
            Browser browser = new Browser();
            int before = outbox.countTo(citizen.phone());
            RecoveryCodePage page = new RecoveryCodePage(browser, openRecovery(browser).submit(citizen.nationalId()));
            String code = codeIn(awaitSms(citizen.phone(), before));
            String wrong = code.equals("000000") ? "111111" : "000000";
            page = new RecoveryCodePage(browser, page.submitCode(wrong));
            assertThat(page.codeError()).isEqualTo("Mã xác thực không đúng. Bạn còn 4 lần thử.");
            // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
            assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
            page = new RecoveryCodePage(browser, page.submitCode(wrong));
            assertThat(admin.awaitFailures(citizen.id(), 2)).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Given national IDs with and without a recoverable account")
    class Enumeration {

        @Test
        @DisplayName("an unknown ID, an account without a verified phone and a locked account see what a known one"
                + " sees, and only the known one gets an SMS")
        void sameForEveryone() {
            AdminApi.Citizen known = admin.createCitizen("Lý Văn Minh", AdminApi.newPhone(), true, 1);
            String unknown = AdminApi.newNationalId();
            AdminApi.Citizen noPhone = admin.createCitizen("Lý Thị Nga", AdminApi.newPhone(), false, 1);
            AdminApi.Citizen locked = admin.createCitizen("Lý Văn Quý", AdminApi.newPhone(), true, 1);
            lock(locked);

            // The locked account's page first: its lock lasts a minute from the last guess.
            Page lockedPage = codePage(locked.nationalId());
            int knownBefore = outbox.countTo(known.phone());
            Page knownPage = codePage(known.nationalId());
            Page unknownPage = codePage(unknown);
            Page noPhonePage = codePage(noPhone.nationalId());

            for (Page other : List.of(unknownPage, noPhonePage, lockedPage)) {
                assertThat(other.status).isEqualTo(knownPage.status).isEqualTo(200);
                assertThat(other.text).isEqualTo(knownPage.text);
                assertThat(other.afterWrongCode).isEqualTo(knownPage.afterWrongCode);
            }
            assertThat(knownPage.text).contains("Nếu số định danh này có tài khoản")
                    .contains("ứng dụng VNeID").contains("Công an xã");
            awaitSms(known.phone(), knownBefore);
            sleep(500);
            assertThat(outbox.countTo(noPhone.phone())).isZero();
            assertThat(outbox.countTo(locked.phone())).isZero();

            assertThat(admin.events(noPhone.id())).anySatisfy(event ->
                    assertThat(event.path("details").path("reason").asText()).isEqualTo("no_verified_phone"));
            assertThat(admin.events(locked.id())).anySatisfy(event ->
                    assertThat(event.path("details").path("reason").asText()).isEqualTo("locked"));
        }

        @Test
        @DisplayName("a verified phone whose SIM the registry now gives to someone else gets no recovery code")
        void recycledSim() {
            // +84977000050 is registered to 001090900005 in the demo subscriber registry, not to this citizen.
            AdminApi.Citizen citizen = admin.createCitizen("Lò Văn Sáng", "+84977000050", true, 1);
            int before = outbox.countTo(citizen.phone());
            String refused = "to *******050 " + SIM_NO_LONGER_THEIRS;
            int refusedBefore = occurrences(server.logText(), refused);
            Browser browser = new Browser();
            RecoveryCodePage page = new RecoveryCodePage(browser, openRecovery(browser).submit(citizen.nationalId()));
            assertThat(page.info()).startsWith("Nếu số định danh này có tài khoản");
            // The worker's decision, not a pause: it logs that it sent nothing, and then nothing has left.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
            while (occurrences(server.logText(), refused) == refusedBefore) {
                assertThat(Instant.now()).as("the recovery worker decided").isBefore(deadline);
                sleep(100);
            }
            assertThat(outbox.countTo(citizen.phone())).isEqualTo(before);
        }

        @Test
        @DisplayName("a malformed ID gets the login's precise reason")
        void malformedId() {
            Browser browser = new Browser();
            RecoveryIdPage page = new RecoveryIdPage(browser, openRecovery(browser).submit("04019200432"));
            assertThat(page.idError()).isEqualTo("Số định danh cá nhân gồm đúng 12 chữ số.");
        }

        @Test
        @DisplayName("in English too: the link, the pages and the guidance")
        void english() {
            Browser browser = new Browser("en");
            LoginPage login = LoginPage.open(browser, oidc.login());
            assertThat(login.forgotPasswordLabel()).isEqualTo("Forgot password?");
            RecoveryIdPage idPage = login.forgotPassword();
            assertThat(idPage.title()).isEqualTo("Forgotten password");
            RecoveryCodePage codePage = new RecoveryCodePage(browser, idPage.submit(AdminApi.newNationalId()));
            assertThat(codePage.info()).startsWith("If this number has an account with a verified mobile number");
            assertThat(codePage.noCodeHelp()).contains("VNeID app").contains("police of your commune");
        }

        record Page(int status, String text, String afterWrongCode) {
        }

        Page codePage(String nationalId) {
            Browser browser = new Browser();
            RecoveryCodePage page = new RecoveryCodePage(browser, openRecovery(browser).submit(nationalId));
            RecoveryCodePage wrong = new RecoveryCodePage(browser, page.submitCode("000001"));
            return new Page(page.status(), normalise(page.text()), normalise(wrong.text()));
        }

        /** Spaces, and the seconds a resend still waits: pages opened a second apart count differently. */
        String normalise(String text) {
            return text.replaceAll("\\s+", " ").replaceAll("\\d+(?= ?(giây|seconds?\\b|s\\b))", "N").strip();
        }

        void lock(AdminApi.Citizen citizen) {
            Map<String, String> previous = Lockout.liftThrottles(admin);
            try {
                Browser browser = new Browser();
                Lockout.guessUntilLocked(admin, browser, LoginPage.open(browser, oidc.login()), citizen.id(),
                        citizen.nationalId());
            } finally {
                admin.restorePasswordStepConfig(previous);
            }
        }
    }

    @Nested
    @DisplayName("Given someone who tries many recoveries")
    class Limits {

        @Test
        @DisplayName("the recoveries of one ID per day are limited, with or without an account")
        void perIdPerDay() {
            AdminApi.Citizen citizen = admin.createCitizen("Tạ Văn Lâm", AdminApi.newPhone(), true, 1);
            for (String id : List.of(citizen.nationalId(), AdminApi.newNationalId())) {
                for (int i = 0; i < 5; i++) {
                    Browser browser = new Browser();
                    new RecoveryCodePage(browser, openRecovery(browser).submit(id));
                }
                Browser browser = new Browser();
                RecoveryIdPage refused = new RecoveryIdPage(browser, openRecovery(browser).submit(id));
                assertThat(refused.idError()).startsWith("Số định danh này đã yêu cầu khôi phục quá nhiều lần");
            }
        }

        @Test
        @DisplayName("the codes a stranger makes the recovery send leave the citizen's own login codes untouched")
        void recoveryKeepsTheLoginAllowance() {
            AdminApi.Citizen citizen = admin.createCitizen("Hà Văn Khải", AdminApi.newPhone(), true, 1);
            // The login may send one code to this number and account: a slot the recovery took from the login's
            // counters would refuse it. (The address counter is the whole suite's, all from 127.0.0.1.)
            Map<String, String> previous = admin.updateSmsCodeConfig(Map.of("limit-per-number-hour", "1",
                    "limit-per-account-day", "1"));
            try {
                Browser stranger = new Browser();
                int before = outbox.countTo(citizen.phone());
                new RecoveryCodePage(stranger, openRecovery(stranger).submit(citizen.nationalId()));
                awaitSms(citizen.phone(), before);

                int afterRecovery = outbox.countTo(citizen.phone());
                OidcClient.Login login = oidc.login();
                SmsCodePage codePage = LoginPage.signIn(new Browser(), login, citizen.nationalId(),
                        citizen.password());
                assertThat(outbox.countTo(citizen.phone())).as("the login's own code was sent")
                        .isEqualTo(afterRecovery + 1);
                assertThat(login.finish(codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget())
                        .accessToken()).isNotNull();
            } finally {
                admin.restoreSmsCodeConfig(previous);
            }
        }

        @Test
        @DisplayName("the recoveries from one address per hour are limited")
        void perAddressPerHour() {
            Map<String, String> previous = admin.updateExecutionConfig("vneid reset credentials",
                    "vneid-recovery-national-id", Map.of("limit-per-address-hour", "2"));
            try {
                LimitWindows.withinOneHour(() -> {
                    for (int i = 0; i < 2; i++) {
                        Browser browser = new Browser();
                        new RecoveryCodePage(browser, openRecovery(browser).submit(AdminApi.newNationalId()));
                    }
                    Browser browser = new Browser();
                    RecoveryIdPage refused = new RecoveryIdPage(browser,
                            openRecovery(browser).submit(AdminApi.newNationalId()));
                    assertThat(refused.idError()).startsWith("Có quá nhiều yêu cầu khôi phục từ mạng của bạn");
                });
            } finally {
                admin.restoreExecutionConfig("vneid reset credentials", "vneid-recovery-national-id", previous);
            }
        }

        @Test
        @DisplayName("an account locked for card loss gets the same page and no code (the seam issue 15 fills)")
        void cardLossLock() {
            String phone = AdminApi.newPhone();
            com.fasterxml.jackson.databind.node.ObjectNode user = AdminApi.citizenJson(AdminApi.newNationalId(),
                    "1990-05-17", "Vũ Thị Hà", phone, true, 1);
            // Not in the user profile, so the admin API cannot set it; an import (or issue 15's code) can.
            ((com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")).putArray("vneidCardLostLock")
                    .add("true");
            String id = admin.importUser(user);

            Browser browser = new Browser();
            RecoveryCodePage page = new RecoveryCodePage(browser,
                    openRecovery(browser).submit(user.get("username").asText()));
            assertThat(page.info()).startsWith("Nếu số định danh này có tài khoản");
            sleep(500);
            assertThat(outbox.countTo(phone)).isZero();
            assertThat(admin.events(id)).anySatisfy(event ->
                    assertThat(event.path("details").path("reason").asText()).isEqualTo("card_lost_lock"));
        }
    }

    @Nested
    @DisplayName("Given a level-2 citizen who forgot the password")
    class LevelTwo {

        @Test
        @DisplayName("the code is not enough: the chip ID card is asked for before the new password")
        void needsTheChip() throws Exception {
            String fullName = "Kim Văn Bảo";
            AdminApi.Citizen account = admin.createCitizen(fullName, AdminApi.newPhone(), true, 2);
            ChipCard card = ChipCard.issue(new Citizen(account.nationalId(), fullName, LocalDate.of(1990, 5, 17),
                    Citizen.Sex.MALE, "Hà Nội", "Hà Nội", LocalDate.of(2040, 5, 17)),
                    TestPki.demo().issueDocumentSigner(), AaKeyType.ECDSA_P256);

            Browser browser = new Browser();
            int before = outbox.countTo(account.phone());
            RecoveryCodePage codePage = new RecoveryCodePage(browser, openRecovery(browser)
                    .submit(account.nationalId()));
            ChipStepUpPage chip = new ChipStepUpPage(browser,
                    codePage.submitCode(codeIn(awaitSms(account.phone(), before))));
            assertThat(chip.title()).isEqualTo("Xác nhận bằng thẻ căn cước gắn chip");

            // Without the chip the recovery does not go on.
            chip = new ChipStepUpPage(browser, chip.continueLogin());

            PhoneApp.Response answer = app.approve(server.baseUri(), KeycloakServer.REALM, chip.transaction(), card);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            RecoveryPasswordPage passwordPage = new RecoveryPasswordPage(browser, chip.continueLogin());
            int beforeNotice = outbox.countTo(account.phone());
            RecoveryDonePage done = new RecoveryDonePage(browser, passwordPage.submit(NEW_PASSWORD));
            assertThat(done.title()).isEqualTo("Đã đổi mật khẩu");

            // The "password changed" SMS leaves after the response: the sign-in's code must be the last SMS.
            awaitSms(account.phone(), beforeNotice);
            OidcClient.Tokens tokens = signIn(new Browser(), account, NEW_PASSWORD);
            assertThat(((Number) tokens.idToken().getClaim("vneid_level")).intValue()).isEqualTo(2);
            assertThat(admin.events(account.id())).anySatisfy(event -> {
                assertThat(event.path("details").path("vneid_recovery").asText()).isEqualTo("chip_verified");
                assertThat(event.path("details").path("vneid_level2_method").asText()).isEqualTo("chip-pa-aa-ecdsa");
            });
        }

        @Test
        @DisplayName("a flow edited without the chip sub-flow still gives no level-2 password for the code alone")
        void chipCheckedAgainByTheLastStep() {
            AdminApi.Citizen account = admin.createCitizen("Kim Văn Cường", AdminApi.newPhone(), true, 2);
            String previous = admin.setExecutionRequirement("vneid reset credentials", "vneid recovery level 2",
                    "DISABLED");
            try {
                Browser browser = new Browser();
                int before = outbox.countTo(account.phone());
                RecoveryCodePage codePage = new RecoveryCodePage(browser, openRecovery(browser)
                        .submit(account.nationalId()));
                Browser.Response after = codePage.submitCode(codeIn(awaitSms(account.phone(), before)));
                assertThat(after.body()).doesNotContain("vneid-recovery-password-form");
                assertThat(after.status()).isEqualTo(403);
                assertThat(after.document().text()).contains("cần xác thực bằng thẻ căn cước gắn chip");
            } finally {
                admin.setExecutionRequirement("vneid reset credentials", "vneid recovery level 2", previous);
            }
            assertThat(admin.events(account.id())).anySatisfy(event ->
                    assertThat(event.path("details").path("reason").asText()).isEqualTo("chip_not_verified"));
        }
    }
}
