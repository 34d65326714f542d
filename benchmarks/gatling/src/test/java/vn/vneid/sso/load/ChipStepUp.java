package vn.vneid.sso.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatling.javaapi.core.ChainBuilder;
import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.chipsim.TestPki;

/**
 * Level-2 step-up with the CCCD chip, end to end (issue #14): a citizen signed in at level 1 is asked for
 * {@code vneid-l2}; the login page shows the transaction; the citizen's phone app (the chip simulator's card, every
 * request sent by Gatling itself) fetches the challenge, lets the chip sign it and posts the chip's data; the browser
 * sees the transaction verified, continues, and the relying party gets tokens whose {@code acr} is {@code vneid-l2}.
 * The browser asks for the status once, after the app's answer, where a real page polls every 2 s: the poll interval
 * paces a person, not the server.
 */
final class ChipStepUp {

    private static final String REALM = "vneid";
    private static final String CLIENT = "vneid-demo-rp";
    private static final String APP_API = "/realms/" + REALM + "/vneid-chip/transactions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Document Signer of the simulator's test CSCA (which the server trusts with allow-test-csca) for all. */
    private final TestPki.DocumentSigner documentSigner = TestPki.demo().issueDocumentSigner();
    private final Map<Integer, ChipCard> cards = new ConcurrentHashMap<>();

    /**
     * The card of the chip citizen {@code index}: issued on first use (it holds a fresh Active Authentication key),
     * valid to his 40th birthday and issued ten years before, so valid today, with the account's number and birth date.
     */
    ChipCard card(int index) {
        return cards.computeIfAbsent(index, i -> ChipCard.issue(new Citizen(Citizens.chipNationalId(i),
                Citizens.chipFullName(i), Citizens.BIRTH_DATE, Citizen.Sex.MALE, "Hồ Chí Minh", "Hồ Chí Minh",
                Citizens.BIRTH_DATE.plusYears(40)), documentSigner, AaKeyType.ECDSA_P256));
    }

    /** Issues the card before the measured part, as the citizen holds it before the step-up. */
    ChainBuilder holdCard() {
        return exec(session -> {
            card(session.getInt("index"));
            return session;
        });
    }

    ChainBuilder journey(String challenge, String verifier, String redirectUri) {
        return exec(http("chip: step-up authorization request")
                .get("/realms/" + REALM + "/protocol/openid-connect/auth")
                .queryParam("client_id", CLIENT).queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("redirect_uri", redirectUri).queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").queryParam("acr_values", "vneid-l2")
                .check(status().is(200), css("#vneid-chip-form", "action").saveAs("action"),
                        css("#vneid-chip-transaction").saveAs("transaction")))
                // The phone app: what it would show, then the chip's answer to the challenge.
                .exec(http("chip app: challenge").get(APP_API + "#{transaction}")
                        .check(status().is(200), jsonPath("$.challenge").saveAs("challenge")))
                .exec(session -> session.set("answer", answer(card(session.getInt("index")),
                        session.getString("challenge"))))
                .exec(http("chip app: answer").post(APP_API + "#{transaction}").body(StringBody("#{answer}")).asJson()
                        .check(status().is(200), jsonPath("$.status").is("verified")))
                .exec(session -> session.remove("answer"))
                // The browser: the transaction is verified, the page continues.
                .exec(http("chip: status").get(APP_API + "#{transaction}/status")
                        .check(status().is(200), jsonPath("$.status").is("verified")))
                .exec(http("chip: continue").post("#{action}").formParam("continue", "")
                        .check(status().is(302), header("Location").transform(LoginSimulation::code).saveAs("code")))
                .exec(http("chip: token").post("/realms/" + REALM + "/protocol/openid-connect/token")
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", redirectUri).formParam("client_id", CLIENT)
                        .formParam("code_verifier", verifier)
                        .check(status().is(200), jsonPath("$.id_token").transform(ChipStepUp::acr).is("vneid-l2")));
    }

    private static String answer(ChipCard card, String challenge) {
        return PhoneApp.answerJson(card, card.signChallenge(Base64.getUrlDecoder().decode(challenge)));
    }

    /** The {@code acr} of an ID token (the server signed it; the load generator only reads it). */
    static String acr(String idToken) {
        String[] parts = idToken.split("\\.");
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("acr").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
