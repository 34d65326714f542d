package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.ChromeBrowser;
import vn.vneid.sso.it.support.FapiClient;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.PageChecks;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * The consent screen of a third-party service in Chromium (issue #16): a bank registered as {@link ThirdPartyServiceIT}
 * registers it (Keycloak's FAPI 2.0 profile turns consent on), signed in through PAR.
 */
@DisplayName("A third-party service's consent screen, in Chromium")
class BrowserConsentIT {

    static final URI CALLBACK = URI.create("https://nganhang.example.vn/oidc/callback");

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the citizen reads what the bank asks for, in his language, and agrees")
    void consent(String lang) throws Exception {
        boolean vi = "vi".equals(lang);
        String clientId = "bank-" + lang + "-" + Long.toHexString(System.nanoTime());
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        HttpResponse<String> created = admin.callAsAdmin("POST", "/clients",
                ThirdPartyServiceIT.bank(clientId, CALLBACK.toString(), key).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode registered = ThirdPartyServiceIT.JSON.readTree(
                admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body()).get(0);
        HttpResponse<String> mapper = admin.callAsAdmin("POST", "/clients/" + registered.path("id").asText()
                + "/protocol-mappers/models", ThirdPartyServiceIT.pairwiseMapper().toString());
        assertThat(mapper.statusCode()).as(mapper.body()).isEqualTo(201);

        AdminApi.Citizen citizen = admin.createCitizen("Khúc Thị Yến", AdminApi.newPhone(), true, 1);
        FapiClient bank = new FapiClient(server, clientId, CALLBACK, key, JWSAlgorithm.PS256);
        FapiClient.Login login = bank.login("openid profile");
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            chrome.open(login.authorizationUri());
            chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
            chrome.waitFor(LoginPage.SUBMIT).click();
            chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(outbox.lastCodeTo(citizen.phone()));
            chrome.waitFor(SmsCodePage.SUBMIT).click();

            chrome.waitFor("#kc-oauth");
            assertThat(chrome.textOf("#kc-page-title")).contains("Ngân hàng Thử nghiệm");
            assertThat(chrome.textOf("#kc-oauth h3")).isEqualTo(vi
                    ? "Bạn có đồng ý chia sẻ các thông tin này với dịch vụ không?"
                    : "Do you agree to share this information with the service?");
            assertThat(chrome.driver().findElements(By.cssSelector("#kc-oauth ul li")))
                    .extracting(e -> e.getText().strip())
                    .contains(vi ? "Họ tên, ngày sinh và giới tính" : "Full name, date of birth and gender")
                    .doesNotContain(vi ? "Số định danh cá nhân" : "Personal identification number");
            PageChecks.check(chrome, "consent");

            chrome.waitFor("#kc-login").click();
            IDTokenClaimsSet id = login.finish(chrome.waitForUrlStartingWith(CALLBACK)).idToken();
            assertThat(id.getStringClaim("name")).isEqualTo("Khúc Thị Yến");
            assertThat(id.getClaim("national_id")).isNull();
        }
    }
}
