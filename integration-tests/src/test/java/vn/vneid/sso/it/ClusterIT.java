package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneid.sso.it.support.ClusterServers.A;
import static vn.vneid.sso.it.support.ClusterServers.B;

import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.AdminApi.Citizen;
import vn.vneid.sso.it.support.Balancer;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.ChipHolder;
import vn.vneid.sso.it.support.ClusterServers;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.LimitWindows;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Issue #14: two nodes in production mode over one PostgreSQL (scripts/cluster.sh), behind a balancer. Each test
 * moves a citizen from node a to node b in the middle of what he does, and the balancer's counts show which node
 * answered. Needs PostgreSQL: runs in the PostgreSQL pass ({@code -Dvneid.it.db=postgres}) only.
 */
@EnabledIfSystemProperty(named = "vneid.it.db", matches = "postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two nodes: a citizen moves between them, and survives losing one")
class ClusterIT {

    static ClusterServers cluster;
    static Balancer balancer;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final PhoneApp app = new PhoneApp();

    @BeforeAll
    static void cluster() {
        cluster = ClusterServers.start(Paths.get(System.getProperty("vneid.it.workdir", "target/it")
                + "-cluster"));
        balancer = cluster.balancer();
        oidc = new OidcClient(cluster.realmUri(), OidcClient.DEMO_CLIENT, OidcClient.DEMO_REDIRECT);
        admin = new AdminApi(cluster.baseUri());
        outbox = new SmsOutbox(cluster.outbox());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("both nodes see a cluster of two, and a realm change made through one is seen by the other")
    void clusterOfTwo() {
        assertThat(cluster.viewSize(A)).isEqualTo(2);
        assertThat(cluster.viewSize(B)).isEqualTo(2);
        String before = new AdminApi(cluster.node(B)).smsCodeConfig().get("max-resends");
        new AdminApi(cluster.node(A)).updateSmsCodeConfig(Map.of("max-resends", "7"));
        try {
            assertThat(new AdminApi(cluster.node(B)).smsCodeConfig()).containsEntry("max-resends", "7");
        } finally {
            new AdminApi(cluster.node(A)).updateSmsCodeConfig(Map.of("max-resends", before == null ? "3" : before));
        }
    }

    @Test
    @Order(2)
    @DisplayName("a login started on node a (its page) ends on node b (password, SMS code, token)")
    void loginStartedOnAFinishesOnB() {
        Citizen citizen = admin.createCitizen("Tạ Văn Cường", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        balancer.routeTo(A);
        int servedByA = balancer.served(A);
        LoginPage page = LoginPage.open(browser, login);
        assertThat(balancer.served(A)).isGreaterThan(servedByA);

        balancer.routeTo(B);
        int servedByB = balancer.served(B);
        servedByA = balancer.served(A);
        SmsCodePage codePage = new SmsCodePage(browser, page.submit(citizen.nationalId(), citizen.password()));
        OidcClient.Tokens tokens = login.finish(
                codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());

        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(tokens.idToken().getStringClaim("preferred_username")).isEqualTo(citizen.nationalId());
        assertThat(balancer.served(A)).as("nothing of the rest went to node a").isEqualTo(servedByA);
        assertThat(balancer.served(B)).isGreaterThan(servedByB);
    }

    @Test
    @Order(3)
    @DisplayName("the SMS code sent by node a is accepted by node b")
    void codeSentByAAcceptedByB() {
        Citizen citizen = admin.createCitizen("Lò Văn Dũng", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        balancer.routeTo(A);
        SmsCodePage codePage = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        assertThat(outbox.countTo(citizen.phone())).isEqualTo(1);

        balancer.routeTo(B);
        int servedByB = balancer.served(B);
        OidcClient.Tokens tokens = login.finish(
                codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
        assertThat(balancer.served(B)).isGreaterThan(servedByB);
        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(outbox.countTo(citizen.phone())).as("node b sent no code of its own").isEqualTo(1);
    }

    @Test
    @Order(4)
    @DisplayName("a chip transaction created on node a is approved through node b, and node a lets the login on")
    void chipTransactionAcrossNodes() throws Exception {
        ChipHolder holder = ChipHolder.create(admin, "Hà Văn Khải", Map.of());
        Browser browser = new Browser();
        balancer.routeTo(A);
        OidcClient.Login login = oidc.login("vneid-l2");
        SmsCodePage codePage = LoginPage.signIn(browser, login, holder.account().nationalId(),
                holder.account().password());
        ChipStepUpPage chipPage = new ChipStepUpPage(browser,
                codePage.submitCode(outbox.lastCodeTo(holder.account().phone())));

        // The app talks to node b directly: the transaction lives in the cluster, not in node a.
        PhoneApp.Response answer = app.approve(cluster.node(B), KeycloakServer.REALM, chipPage.transaction(),
                holder.card());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        OidcClient.Tokens tokens = login.finish(chipPage.continueLogin().redirectTarget());
        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l2");
        assertThat(((Number) tokens.idToken().getClaim("vneid_level")).intValue()).isEqualTo(2);
    }

    @Test
    @Order(5)
    @DisplayName("tokens issued by node a are refreshed by node b, and node b answers userinfo for them")
    void refreshOnB() {
        Citizen citizen = admin.createCitizen("Mai Văn Hiếu", AdminApi.newPhone(), true, 1);
        balancer.routeTo(A);
        OidcClient.Tokens tokens = signIn(citizen);

        balancer.routeTo(B);
        int servedByB = balancer.served(B);
        assertThat(oidc.userInfo(tokens.accessToken()).getSubject()).isEqualTo(tokens.idToken().getSubject());
        OidcClient.Tokens refreshed = oidc.refresh(tokens.refreshToken());
        assertThat(balancer.served(B)).isGreaterThanOrEqualTo(servedByB + 2);
        assertThat(refreshed.idToken().getSubject()).isEqualTo(tokens.idToken().getSubject());
        assertThat(refreshed.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(oidc.userInfo(refreshed.accessToken()).getStringClaim("preferred_username"))
                .isEqualTo(citizen.nationalId());
    }

    @Test
    @Order(6)
    @DisplayName("wrong codes count across nodes: the fifth, on either node, ends the login")
    void attemptsCountAcrossNodes() {
        Citizen citizen = admin.createCitizen("Quàng Văn Lâm", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        balancer.routeTo(A);
        OidcClient.Login login = oidc.login();
        SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        String code = outbox.lastCodeTo(citizen.phone());
        String wrong = code.equals("000000") ? "111111" : "000000";

        // Four wrong codes, alternating nodes: each node counts the other's tries.
        for (int attempt = 1; attempt <= 4; attempt++) {
            balancer.routeTo(attempt % 2 == 1 ? B : A);
            page = new SmsCodePage(browser, page.submitCode(wrong));
            assertThat(page.codeError()).isEqualTo("Mã xác thực không đúng. Bạn còn " + (5 - attempt)
                    + " lần thử.");
            // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
            assertThat(new AdminApi(cluster.node(A)).awaitFailures(citizen.id(), attempt)).isEqualTo(attempt);
        }
        balancer.routeTo(B);
        LoginPage again = new LoginPage(browser, page.submitCode(wrong));
        assertThat(again.message()).isEqualTo("Bạn đã nhập sai mã quá nhiều lần. Vui lòng đăng nhập lại.");
        // Keycloak's brute-force count saw all five, whichever node took them.
        assertThat(new AdminApi(cluster.node(A)).awaitFailures(citizen.id(), 5)).isEqualTo(5);
    }

    @Test
    @Order(7)
    @DisplayName("the send limit per number holds across nodes: codes sent by a and b add up")
    void sendLimitsAcrossNodes() {
        Map<String, String> previous = admin.updateSmsCodeConfig(Map.of("limit-per-number-hour", "3"));
        try {
            LimitWindows.withinOneHour(() -> {
                Citizen citizen = admin.createCitizen("Vi Văn Nam", AdminApi.newPhone(), true, 1);
                String[] route = {A, B, A};
                for (String node : route) {
                    balancer.routeTo(node);
                    SmsCodePage page = LoginPage.signIn(new Browser(), oidc.login(), citizen.nationalId(),
                            citizen.password());
                    assertThat(page.codeError()).isEmpty();
                }
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(3);

                balancer.routeTo(B);
                SmsCodePage refused = LoginPage.signIn(new Browser(), oidc.login(), citizen.nationalId(),
                        citizen.password());
                assertThat(refused.codeError())
                        .isEqualTo("Đã gửi quá nhiều mã tới số này. Vui lòng thử lại sau một giờ.");
                assertThat(outbox.countTo(citizen.phone())).isEqualTo(3);
            });
        } finally {
            admin.restoreSmsCodeConfig(previous);
        }
    }

    @Test
    @Order(8)
    @DisplayName("node a killed (kill -9) after the password step: the citizen finishes on node b")
    void nodeKilledAfterPassword() {
        Citizen citizen = admin.createCitizen("Sầm Văn Phong", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        balancer.routeTo(A);
        OidcClient.Login login = oidc.login();
        SmsCodePage codePage = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());

        cluster.kill(A);
        // The balancer still routes to a: it finds a gone and passes the request to b, as a proxy would.
        int servedByB = balancer.served(B);
        OidcClient.Tokens tokens = login.finish(
                codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
        assertThat(balancer.served(B)).isGreaterThan(servedByB);
        assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(oidc.userInfo(tokens.accessToken()).getStringClaim("preferred_username"))
                .isEqualTo(citizen.nationalId());
    }

    @Test
    @Order(9)
    @DisplayName("after both nodes restart, sessions persist: the refresh token works and the browser is still signed in")
    void sessionsSurviveARestart() {
        Citizen citizen = admin.createCitizen("Lục Văn Quý", AdminApi.newPhone(), true, 1);
        balancer.routeTo(B);
        Browser browser = new Browser();
        OidcClient.Tokens tokens = signIn(browser, citizen);
        int codes = outbox.countTo(citizen.phone());

        cluster.restart();
        assertThat(cluster.viewSize(A)).isEqualTo(2);
        assertThat(cluster.viewSize(B)).isEqualTo(2);

        // The access token may have expired during the restart (5 minutes): the refresh token is what persists.
        balancer.routeTo(A);
        OidcClient.Tokens refreshed = oidc.refresh(tokens.refreshToken());
        assertThat(refreshed.idToken().getSubject()).isEqualTo(tokens.idToken().getSubject());
        assertThat(oidc.userInfo(refreshed.accessToken()).getSubject()).isEqualTo(tokens.idToken().getSubject());
        // Single sign-on: the same browser gets a code without password or SMS.
        OidcClient.Login again = oidc.login();
        Browser.Response response = browser.get(again.authorizationUri());
        assertThat(response.redirectTarget()).as("signed in without a page: %s", response.body()).isNotNull();
        assertThat(again.finish(response.redirectTarget()).idToken().getSubject())
                .isEqualTo(tokens.idToken().getSubject());
        assertThat(outbox.countTo(citizen.phone())).isEqualTo(codes);
    }

    private static OidcClient.Tokens signIn(Citizen citizen) {
        return signIn(new Browser(), citizen);
    }

    private static OidcClient.Tokens signIn(Browser browser, Citizen citizen) {
        OidcClient.Login login = oidc.login();
        SmsCodePage codePage = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        return login.finish(codePage.submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget());
    }
}
