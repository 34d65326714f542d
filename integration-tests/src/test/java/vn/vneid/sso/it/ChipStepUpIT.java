package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import vn.vneid.sso.chipsim.PkiFamily;
import vn.vneid.sso.chipsim.TestPki;
import vn.vneid.sso.it.pages.ChipLevelOnePage;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.ChipHolder;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("Level 2: step-up with the CCCD chip, read by the app")
class ChipStepUpIT {

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final PhoneApp app = new PhoneApp();
    static final TestPki demoPki = TestPki.demo();

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** A level-2 citizen of this test, with the card the demo CSCA's signer issued him. */
    static ChipHolder levelTwoCitizen(String fullName) {
        return ChipHolder.create(admin, fullName, Map.of());
    }

    /** Signs in at level 1 (ID, password, SMS code) and returns the browser holding the SSO session. */
    static Browser signedInAtLevelOne(AdminApi.Citizen citizen) {
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        SmsCodePage codePage = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        OidcClient.Tokens tokens = login.finish(
                codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        return browser;
    }

    @Nested
    @DisplayName("Given a level-2 citizen signed in at level 1")
    class StepUp {

        @Test
        @DisplayName("the service asks for vneid-l2: only the chip step, and the ID token says vneid-l2")
        void stepUpWithTheChip() throws Exception {
            ChipHolder holder = levelTwoCitizen("Lương Văn Phúc");
            Browser browser = signedInAtLevelOne(holder.account());
            int smsBefore = outbox.countTo(holder.account().phone());

            OidcClient.Login login = oidc.login("vneid-l2");
            ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(login.authorizationUri()));
            assertThat(page.showsQrCode()).isTrue();
            assertThat(page.title()).isEqualTo("Xác nhận bằng thẻ căn cước gắn chip");
            // What the app shows before reading the card: the service, and the number on the citizen's screen.
            HttpResponse<String> transaction = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    PhoneApp.transactionUri(server.baseUri(), KeycloakServer.REALM, page.transaction())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.matchNumber()).matches("\\d{2}");
            assertThat(transaction.body()).contains("\"service\":\"VNeID demo relying party\"")
                    .contains("\"matchNumber\":\"" + page.matchNumber() + "\"");

            PhoneApp.Response answer = app.approve(server.baseUri(), KeycloakServer.REALM, page.transaction(),
                    holder.card());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);

            OidcClient.Tokens tokens = login.finish(page.continueLogin().redirectTarget());
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l2");
            assertThat(((Number) tokens.idToken().getClaim("vneid_level")).intValue()).isEqualTo(2);
            assertThat(outbox.countTo(holder.account().phone())).as("no new password or SMS step")
                    .isEqualTo(smsBefore);

            List<JsonNode> events = admin.events(holder.account().id());
            assertThat(events).anySatisfy(event -> {
                assertThat(event.path("type").asText()).isEqualTo("LOGIN");
                assertThat(event.path("details").path("vneid_level2_method").asText()).isEqualTo("chip-pa-aa-ecdsa");
            });
        }

        @Test
        @DisplayName("level 2 is reused only within its max age: after it, a new vneid-l2 request asks for the chip"
                + " again; a refresh keeps the acr the login had")
        void levelTwoAges() throws Exception {
            ChipHolder holder = levelTwoCitizen("Lương Văn Hậu");
            Browser browser = signedInAtLevelOne(holder.account());
            OidcClient.Login login = oidc.login("vneid-l2");
            ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(login.authorizationUri()));
            assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, page.transaction(), holder.card())
                    .status()).isEqualTo(200);
            OidcClient.Tokens tokens = login.finish(page.continueLogin().redirectTarget());
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l2");

            // Within the realm's max age (300 s) the level is reused: no chip, no password.
            OidcClient.Login again = oidc.login("vneid-l2");
            OidcClient.Tokens reused = again.finish(browser.get(again.authorizationUri()).redirectTarget());
            assertThat(reused.idToken().getACR().getValue()).isEqualTo("vneid-l2");

            // Keycloak keeps the acr of the login in its refreshed tokens, however old: the guide tells services to
            // ask vneid-l2 again before an act that needs it now, which the max age then decides.
            assertThat(oidc.refresh(tokens.refreshToken()).idToken().getACR().getValue()).isEqualTo("vneid-l2");

            Map<String, String> previous = admin.updateExecutionConfig("vneid level 2",
                    "conditional-level-of-authentication", Map.of("loa-max-age", "1"));
            try {
                // Waiting longer than the max age only makes the test surer, whatever the machine's load.
                Thread.sleep(2_500);
                OidcClient.Login later = oidc.login("vneid-l2");
                ChipStepUpPage chipAgain = new ChipStepUpPage(browser, browser.get(later.authorizationUri()));
                assertThat(chipAgain.showsQrCode()).as("the chip is asked again").isTrue();
                // Level 1 is still within its own max age (10 h): a level-1 request is answered at once.
                OidcClient.Login levelOne = oidc.login();
                assertThat(levelOne.finish(browser.get(levelOne.authorizationUri()).redirectTarget()).idToken()
                        .getACR().getValue()).isEqualTo("vneid-l1");
            } finally {
                admin.restoreExecutionConfig("vneid level 2", "conditional-level-of-authentication", previous);
            }
        }

        @Test
        @DisplayName("a card whose Document Signer has explicit brainpool parameters (as many real ones) steps up")
        void explicitBrainpoolDocumentSigner() throws Exception {
            ChipHolder holder = levelTwoCitizen("Kiều Văn Lộc");
            ChipCard card = ChipCard.issue(holder.card().citizen(),
                    demoPki.issueDocumentSigner(PkiFamily.BRAINPOOL_P256_EXPLICIT), AaKeyType.ECDSA_P256, "SHA-384",
                    false);
            Browser browser = signedInAtLevelOne(holder.account());
            OidcClient.Login login = oidc.login("vneid-l2");
            ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(login.authorizationUri()));

            PhoneApp.Response answer = app.approveScanned(server.baseUri(), KeycloakServer.REALM,
                    "vneid://chip-step-up?tx=" + page.transaction(), card);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(login.finish(page.continueLogin().redirectTarget()).idToken().getACR().getValue())
                    .isEqualTo("vneid-l2");
        }

        @Test
        @DisplayName("a fresh browser asking vneid-l2 goes through password, SMS code, then the chip")
        void levelTwoFromScratch() throws Exception {
            ChipHolder holder = levelTwoCitizen("Đinh Văn Quang");
            Browser browser = new Browser();
            OidcClient.Login login = oidc.login("vneid-l2");
            SmsCodePage codePage = LoginPage.signIn(browser, login, holder.account().nationalId(),
                    holder.account().password());
            ChipStepUpPage page = new ChipStepUpPage(browser,
                    codePage.submitCode(outbox.lastCodeTo(holder.account().phone())));
            assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, page.transaction(), holder.card())
                    .status()).isEqualTo(200);
            assertThat(login.finish(page.continueLogin().redirectTarget()).idToken().getACR().getValue())
                    .isEqualTo("vneid-l2");
        }

        @Test
        @DisplayName("continuing before the app answered keeps the citizen on the chip step")
        void notYetApproved() throws Exception {
            ChipHolder holder = levelTwoCitizen("Tôn Văn Sơn");
            Browser browser = signedInAtLevelOne(holder.account());
            ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(oidc.login("vneid-l2").authorizationUri()));
            ChipStepUpPage again = new ChipStepUpPage(browser, page.continueLogin());
            assertThat(again.message()).isEqualTo("Ứng dụng chưa xác nhận. Hãy quét mã và đọc thẻ, sau đó bấm tiếp tục.");
            assertThat(again.transaction()).isEqualTo(page.transaction());
        }

        @Test
        @DisplayName("the card of another citizen is refused: the app is told why, the page says it and offers a new code")
        void anotherCitizensCard() throws Exception {
            ChipHolder holder = levelTwoCitizen("Hà Văn Tâm");
            Browser browser = signedInAtLevelOne(holder.account());
            OidcClient.Login login = oidc.login("vneid-l2");
            ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(login.authorizationUri()));
            ChipCard hung = ChipCard.issue(Citizen.demo("049078006789"), demoPki.issueDocumentSigner());
            PhoneApp.Response answer = app.approve(server.baseUri(), KeycloakServer.REALM, page.transaction(), hung);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body()).contains("\"error\":\"identity_mismatch\"");

            ChipStepUpPage retry = new ChipStepUpPage(browser, page.continueLogin());
            assertThat(retry.message()).isEqualTo("Thẻ này thuộc về công dân khác với tài khoản đang đăng nhập.");
            assertThat(retry.transaction()).isNotEqualTo(page.transaction());
            assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, retry.transaction(), holder.card())
                    .status()).isEqualTo(200);
            assertThat(login.finish(retry.continueLogin().redirectTarget()).idToken().getACR().getValue())
                    .isEqualTo("vneid-l2");
        }
    }

    @Nested
    @DisplayName("Given the app endpoint")
    class AppEndpoint {

        ChipStepUpPage pendingStepUp(ChipHolder holder) {
            Browser browser = signedInAtLevelOne(holder.account());
            return new ChipStepUpPage(browser, browser.get(oidc.login("vneid-l2").authorizationUri()));
        }

        @Test
        @DisplayName("a second answer to the same challenge is refused as a replay")
        void replay() throws Exception {
            ChipHolder holder = levelTwoCitizen("Vũ Văn Uy");
            ChipStepUpPage page = pendingStepUp(holder);
            byte[] challenge = app.fetchChallenge(server.baseUri(), KeycloakServer.REALM, page.transaction());
            assertThat(app.submit(server.baseUri(), KeycloakServer.REALM, page.transaction(), holder.card(), challenge)
                    .status()).isEqualTo(200);
            // The same answer again, as an attacker who recorded it would send it.
            PhoneApp.Response replay = app.submit(server.baseUri(), KeycloakServer.REALM, page.transaction(),
                    holder.card(), challenge);
            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.body()).contains("\"error\":\"challenge_replayed\"");
        }

        @Test
        @DisplayName("an answer over another challenge, or from an untrusted CSCA, is refused with its reason")
        void wrongChallengeAndUntrustedIssuer() throws Exception {
            ChipHolder holder = levelTwoCitizen("Âu Văn Vinh");
            ChipStepUpPage page = pendingStepUp(holder);
            PhoneApp.Response wrong = app.submit(server.baseUri(), KeycloakServer.REALM, page.transaction(),
                    holder.card(), new byte[8]);
            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.body()).contains("\"error\":\"bad_challenge\"");

            ChipHolder other = levelTwoCitizen("Lã Văn Xuân");
            ChipStepUpPage otherPage = pendingStepUp(other);
            ChipCard forged = other.card().resignedBy(TestPki.generate().issueDocumentSigner());
            PhoneApp.Response untrusted = app.approve(server.baseUri(), KeycloakServer.REALM, otherPage.transaction(),
                    forged);
            assertThat(untrusted.status()).isEqualTo(422);
            assertThat(untrusted.body()).contains("\"error\":\"untrusted_signer\"");
        }

        @Test
        @DisplayName("an answer after the challenge expired is refused, and the page offers a new code")
        void expiredChallenge() throws Exception {
            java.util.Map<String, String> previous = admin.updateChipConfig(
                    java.util.Map.of("transaction-ttl-seconds", "10"));
            try {
                ChipHolder holder = levelTwoCitizen("Khổng Văn Hải");
                Browser browser = signedInAtLevelOne(holder.account());
                OidcClient.Login login = oidc.login("vneid-l2");
                ChipStepUpPage page = new ChipStepUpPage(browser, browser.get(login.authorizationUri()));
                byte[] challenge = app.fetchChallenge(server.baseUri(), KeycloakServer.REALM, page.transaction());
                Thread.sleep(11_000);
                PhoneApp.Response late = app.submit(server.baseUri(), KeycloakServer.REALM, page.transaction(),
                        holder.card(), challenge);
                assertThat(late.status()).isEqualTo(404);
                assertThat(late.body()).contains("\"error\":\"unknown_transaction\"");

                ChipStepUpPage renewed = new ChipStepUpPage(browser, page.continueLogin());
                assertThat(renewed.message()).isEqualTo("Mã đã hết hạn. Đây là mã mới.");
                assertThat(renewed.transaction()).isNotEqualTo(page.transaction());
            } finally {
                admin.restoreChipConfig(previous);
            }
        }

        @Test
        @DisplayName("garbage gets 4xx JSON errors, never a stack trace")
        void garbage() throws Exception {
            ChipHolder holder = levelTwoCitizen("Mạc Văn Yên");
            ChipStepUpPage page = pendingStepUp(holder);
            URI uri = PhoneApp.transactionUri(server.baseUri(), KeycloakServer.REALM, page.transaction());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("\"error\":\"malformed\"").doesNotContain("Exception");

            HttpResponse<String> badBase64 = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"sod\":\"!!\",\"dg1\":\"AA==\",\"dg13\":\"AA==\",\"dg15\":\"AA==\",\"aaSignature\":\"AA==\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(badBase64.statusCode()).isEqualTo(400);

            HttpResponse<String> randomChip = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"sod\":\"dwMBAgM=\",\"dg1\":\"YQA=\",\"dg13\":\"bQA=\",\"dg15\":\"bwA=\",\"aaSignature\":\"AA==\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(randomChip.statusCode()).isEqualTo(422);
            assertThat(randomChip.body()).contains("\"error\":\"malformed\"");

            HttpResponse<String> huge = http.send(HttpRequest.newBuilder(
                            PhoneApp.transactionUri(server.baseUri(), KeycloakServer.REALM, pendingStepUp(
                                    levelTwoCitizen("Nông Văn Ích")).transaction()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sod\":\"" + "A".repeat(200_000) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(huge.statusCode()).isEqualTo(413);

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                    PhoneApp.transactionUri(server.baseUri(), KeycloakServer.REALM, "AAAAAAAAAAAAAAAAAAAAAA")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("\"error\":\"unknown_transaction\"");
        }
    }

    @Test
    @DisplayName("a level-1 account asked for level 2 is told how to become level 2, and can go back to the service")
    void levelOneAccount() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Cù Thị Yến", AdminApi.newPhone(), true, 1);
        Browser browser = signedInAtLevelOne(citizen);
        ChipLevelOnePage page = new ChipLevelOnePage(browser,
                browser.get(oidc.login("vneid-l2").authorizationUri()));
        assertThat(page.title()).isEqualTo("Dịch vụ này yêu cầu tài khoản định danh mức 2");
        assertThat(page.explanation()).contains("Công an xã").contains("mã kích hoạt");
        Browser.Response back = page.backToService();
        assertThat(back.redirectTarget()).hasPath("/callback");
        assertThat(back.redirectTarget().getQuery()).contains("error=access_denied");
    }
}
