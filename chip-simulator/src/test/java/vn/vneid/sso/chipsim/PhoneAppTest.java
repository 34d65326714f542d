package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PhoneAppTest {

    private static ChipCard card;

    @BeforeAll
    static void issue() {
        card = ChipCard.issue(Citizen.demo("082201003344"), TestPki.demo().issueDocumentSigner(), AaKeyType.ECDSA_P256);
    }

    @Test
    void getsTheChallengeThenPostsTheChipData() throws Exception {
        try (StubServer server = new StubServer()) {
            PhoneApp.Response response = new PhoneApp().approve(server.base(), "vneid", StubServer.TX, card);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"approved\"}");
            assertThat(server.requests).extracting(StubServer.Request::method).containsExactly("GET", "POST");
            assertThat(server.requests).extracting(StubServer.Request::path).containsOnly(StubServer.TX_PATH);

            StubServer.Request post = server.requests.get(1);
            assertThat(post.contentType()).isEqualTo("application/json");
            assertThat(post.body()).matches("\\{\"sod\":\"[^\"]+\",\"dg1\":\"[^\"]+\",\"dg13\":\"[^\"]+\","
                    + "\"dg14\":\"[^\"]+\",\"dg15\":\"[^\"]+\",\"aaSignature\":\"[^\"]+\"}");
            // Standard base64 with padding (DG1 is 95 bytes: one '=').
            assertThat(member(post.body(), "dg1")).isEqualTo(Base64.getEncoder().encodeToString(card.dg1())).endsWith("=");
            assertThat(decode(post.body(), "sod")).isEqualTo(card.sod());
            assertThat(decode(post.body(), "dg13")).isEqualTo(card.dg13());
            assertThat(decode(post.body(), "dg14")).as("ECDSA chips send DG14").isEqualTo(card.dg14());
            assertThat(decode(post.body(), "dg15")).isEqualTo(card.dg15());
            assertThat(ActiveAuthenticationTest.verifyEcdsa(card.dg15(), StubServer.CHALLENGE,
                    decode(post.body(), "aaSignature"))).isTrue();
        }
    }

    @Test
    void aFailedGetIsReturnedWithoutPosting() throws Exception {
        try (StubServer server = new StubServer()) {
            PhoneApp.Response response = new PhoneApp().approve(server.base(), "vneid", "expired-tx", card);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.isSuccess()).isFalse();
            assertThat(server.requests).extracting(StubServer.Request::method).containsExactly("GET");
        }
    }

    @Test
    void submitCanSignAnotherChallenge() throws Exception {
        byte[] wrong = {9, 9, 9, 9, 9, 9, 9, 9};
        try (StubServer server = new StubServer()) {
            new PhoneApp().submit(server.base(), "vneid", StubServer.TX, card, wrong);

            byte[] signature = decode(server.requests.get(0).body(), "aaSignature");
            assertThat(ActiveAuthenticationTest.verifyEcdsa(card.dg15(), wrong, signature)).isTrue();
            assertThat(ActiveAuthenticationTest.verifyEcdsa(card.dg15(), StubServer.CHALLENGE, signature)).isFalse();
        }
    }

    @Test
    void fetchChallengeDecodesBase64UrlWithoutPadding() throws Exception {
        try (StubServer server = new StubServer()) {
            assertThat(new PhoneApp().fetchChallenge(server.base(), "vneid", StubServer.TX)).isEqualTo(StubServer.CHALLENGE);
        }
    }

    @Test
    void pathSegmentsAreEscaped() {
        assertThat(PhoneApp.transactionUri(URI.create("http://h:8080/auth/"), "vn eid", "a/b?c").toString())
                .isEqualTo("http://h:8080/auth/realms/vn%20eid/vneid-chip/transactions/a%2Fb%3Fc");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.object(Map.of("k", "a\"b\\c\n\u0001é")))
                .isEqualTo("{\"k\":\"a\\\"b\\\\c\\n\\u0001é\"}");
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static byte[] decode(String json, String name) {
        return Base64.getDecoder().decode(member(json, name));
    }
}
