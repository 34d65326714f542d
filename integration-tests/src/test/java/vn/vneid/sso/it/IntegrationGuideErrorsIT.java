package vn.vneid.sso.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.example.portal.PortalClient;
import vn.vneid.sso.example.portal.PortalExample;
import vn.vneid.sso.it.pages.ChipLevelOnePage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.ExampleApps;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * The errors docs/integration-guide.md lists, measured on the real server with the example's client: each mistake a
 * client developer can make, and the exact answer they get. If Keycloak changes one, this test and the guide's table
 * change together.
 */
@DisplayName("Integration guide: the error each client mistake gets")
class IntegrationGuideErrorsIT {

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static PortalExample app;
    static PortalClient client;

    @BeforeAll
    static void start() throws Exception {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        app = ExampleApps.startRegistered(server, admin);
        client = app.client();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** What a refusal looked like: HTTP status and OAuth error code (from the body, header or redirect). */
    record Seen(int status, String error, String description) {
        @Override
        public String toString() {
            return status + " " + error + " (" + description + ")";
        }
    }

    static Seen seen(HTTPResponse response) {
        if (response.getStatusCode() == 401 && response.getHeaderValue("WWW-Authenticate") != null
                && (response.getBody() == null || response.getBody().isBlank())) {
            String header = response.getHeaderValue("WWW-Authenticate");
            return new Seen(401, between(header, "error=\"", "\""), header);
        }
        ErrorObject error = ErrorObject.parse(response);
        return new Seen(response.getStatusCode(), error.getCode(), error.getDescription());
    }

    static Seen seenRedirect(URI location) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length == 2 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return new Seen(302, query.get("error"), query.get("error_description"));
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return null;
        }
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    AuthenticationRequest.Builder request(CodeVerifier verifier, CodeChallengeMethod method) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid"), client.clientId(), client.redirectUri()).state(new State()).nonce(new Nonce());
        if (verifier != null) {
            request.codeChallenge(verifier, method);
        }
        return request;
    }

    HTTPResponse push(AuthenticationRequest request, ClientAuthentication authentication) throws Exception {
        return new PushedAuthorizationRequest(client.provider().getPushedAuthorizationRequestEndpointURI(),
                authentication, request).toHTTPRequest().send();
    }

    /** A level-1 login through the example's client up to the callback; returns what it needs to redeem. */
    record Callback(PortalClient.PendingLogin pending, AuthorizationCode code, URI uri) {
    }

    Callback signIn(AdminApi.Citizen citizen) throws Exception {
        PortalClient.Redirect redirect = client.startLogin(new Scope("openid"), null);
        Browser browser = new Browser();
        URI callback = LoginPage.signIn(browser, redirect.authorizationUri(), citizen.nationalId(),
                citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget();
        String code = between(callback.getRawQuery() + "&", "code=", "&");
        return new Callback(redirect.pending(), new AuthorizationCode(code), callback);
    }

    HTTPRequest tokenRequest(Callback callback) {
        return new TokenRequest(client.provider().getTokenEndpointURI(), client.clientAssertion(),
                new AuthorizationCodeGrant(callback.code(), client.redirectUri(), callback.pending().codeVerifier()))
                .toHTTPRequest();
    }

    @Test
    @DisplayName("each mistake gets the error code the guide names")
    void errors() throws Exception {
        Map<String, Seen> seen = new LinkedHashMap<>();
        Audience issuer = new Audience(client.provider().getIssuer().getValue());
        CodeVerifier verifier = new CodeVerifier();

        // Authorization request in the URL, no PAR.
        HTTPRequest direct = new HTTPRequest(HTTPRequest.Method.GET,
                request(verifier, CodeChallengeMethod.S256).endpointURI(client.provider().getAuthorizationEndpointURI())
                        .build().toURI());
        direct.setFollowRedirects(false);
        HTTPResponse noPar = direct.send();
        seen.put("no_par", noPar.getStatusCode() == 302 ? seenRedirect(noPar.getLocation())
                : new Seen(noPar.getStatusCode(), "(page)",
                        org.jsoup.Jsoup.parse(noPar.getBody()).select("#kc-error-message, .pf-v5-c-alert__title, h1").text()));

        seen.put("client_secret", seen(push(request(verifier, CodeChallengeMethod.S256).build(),
                new ClientSecretPost(client.clientId(), new Secret("a-shared-secret")))));
        seen.put("pkce_missing", seen(push(request(null, null).build(), client.clientAssertion())));
        seen.put("pkce_plain", seen(push(request(verifier, CodeChallengeMethod.PLAIN).build(),
                client.clientAssertion())));
        seen.put("aud_token_endpoint", seen(push(request(verifier, CodeChallengeMethod.S256).build(),
                client.clientAssertion(new Audience(client.provider().getTokenEndpointURI())))));
        // Token endpoint.
        AdminApi.Citizen citizen = admin.createCitizen("Trịnh Văn Long", AdminApi.newPhone(), true, 1);
        Callback noProof = signIn(citizen);
        seen.put("token_no_dpop", seen(tokenRequest(noProof).send()));
        Callback replay = signIn(citizen);
        // Signed in before the proof is made: its replay follows at once, well inside the proof's lifetime.
        Callback another = signIn(citizen);
        HTTPRequest first = tokenRequest(replay);
        SignedJWT proof = replay.pending().dpop().createDPoPJWT("POST", first.getURI());
        first.setDPoP(proof);
        HTTPResponse tokens = first.send();
        seen.put("token_ok", new Seen(tokens.getStatusCode(), null, null));
        HTTPRequest replayed = tokenRequest(another);
        replayed.setDPoP(proof);
        seen.put("token_dpop_replayed", seen(replayed.send()));
        Callback codeTwice = another;
        HTTPRequest again = tokenRequest(codeTwice);
        again.setDPoP(codeTwice.pending().dpop().createDPoPJWT("POST", again.getURI()));
        seen.put("token_code_after_refused_proof", new Seen(again.send().getStatusCode(), null, null));
        HTTPRequest againAgain = tokenRequest(codeTwice);
        againAgain.setDPoP(codeTwice.pending().dpop().createDPoPJWT("POST", againAgain.getURI()));
        seen.put("token_code_reused", seen(againAgain.send()));

        AccessToken accessToken = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser.parse(tokens)
                .toSuccessResponse().getTokens().getAccessToken();
        com.nimbusds.oauth2.sdk.token.RefreshToken refreshToken = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser
                .parse(tokens).toSuccessResponse().getTokens().getRefreshToken();
        DefaultDPoPProofFactory stranger = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(),
                JWSAlgorithm.ES256);
        HTTPRequest refresh = new TokenRequest(client.provider().getTokenEndpointURI(), client.clientAssertion(),
                new com.nimbusds.oauth2.sdk.RefreshTokenGrant(refreshToken)).toHTTPRequest();
        refresh.setDPoP(stranger.createDPoPJWT("POST", refresh.getURI()));
        seen.put("refresh_other_key", new Seen(refresh.send().getStatusCode(), null, null));

        // userinfo.
        URI userinfo = client.provider().getUserInfoEndpointURI();
        HTTPRequest bare = new UserInfoRequest(userinfo, accessToken).toHTTPRequest();
        seen.put("userinfo_no_dpop", seen(bare.send()));
        HTTPRequest other = new UserInfoRequest(userinfo, accessToken).toHTTPRequest();
        other.setDPoP(stranger.createDPoPJWT("GET", userinfo, accessToken));
        seen.put("userinfo_other_key", seen(other.send()));
        SignedJWT single = replay.pending().dpop().createDPoPJWT("GET", userinfo, accessToken);
        HTTPRequest ok = new UserInfoRequest(userinfo, accessToken).toHTTPRequest();
        ok.setDPoP(single);
        seen.put("userinfo_ok", new Seen(ok.send().getStatusCode(), null, null));
        HTTPRequest replayedInfo = new UserInfoRequest(userinfo, accessToken).toHTTPRequest();
        replayedInfo.setDPoP(single);
        seen.put("userinfo_replayed", seen(replayedInfo.send()));
        com.nimbusds.oauth2.sdk.token.BearerAccessToken asBearer =
                new com.nimbusds.oauth2.sdk.token.BearerAccessToken(accessToken.getValue());
        HTTPRequest bearer = new UserInfoRequest(userinfo, asBearer).toHTTPRequest();
        bearer.setDPoP(replay.pending().dpop().createDPoPJWT("GET", userinfo, accessToken));
        seen.put("userinfo_as_bearer", seen(bearer.send()));

        // Level 2 asked of a level-1 account: the citizen goes back to the service.
        Browser levelOne = new Browser();
        PortalClient.Redirect stepUp = client.startLogin(new Scope("openid"), PortalClient.LEVEL_2);
        Browser.Response page = LoginPage.signIn(levelOne, stepUp.authorizationUri(), citizen.nationalId(),
                citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()));
        URI cancelled = new ChipLevelOnePage(levelOne, page).backToService().redirectTarget();
        seen.put("acr_l2_level1_account", seenRedirect(cancelled));

        // Expired request_uri: the realm's lifespan shortened for a moment.
        String lifespan = admin.setRealmAttribute("parRequestUriLifespan", "1");
        try {
            PortalClient.Redirect late = client.startLogin(new Scope("openid"), null);
            Thread.sleep(3_000);
            Browser.Response expired = new Browser().get(late.authorizationUri());
            seen.put("request_uri_expired", expired.redirectTarget() != null ? seenRedirect(expired.redirectTarget())
                    : new Seen(expired.status(), "(page)", expired.document().select("#kc-error-message, .pf-v5-c-alert__title, h1").text()));
        } finally {
            admin.setRealmAttribute("parRequestUriLifespan", lifespan == null ? "60" : lifespan);
        }

        seen.forEach((k, v) -> System.out.println("GUIDE-ERROR " + k + " -> " + v));
        // The table of docs/integration-guide.md, "Errors you will meet".
        SoftAssertions soft = new SoftAssertions();
        expect(soft, seen, "no_par", 400, "(page)", "PAR request_uri not included.");
        expect(soft, seen, "client_secret", 401, "invalid_request", "Authentication failed.");
        expect(soft, seen, "aud_token_endpoint", 400, "invalid_request", "invalid audience in client assertion");
        expect(soft, seen, "pkce_missing", 400, "invalid_request", "Missing parameter: code_challenge_method");
        expect(soft, seen, "pkce_plain", 400, "invalid_request",
                "Invalid parameter: code challenge method is not matching the configured one");
        expect(soft, seen, "request_uri_expired", 400, "(page)", "PAR not found, not issued or used multiple times.");
        expect(soft, seen, "token_no_dpop", 400, "invalid_request", "DPoP proof is missing");
        expect(soft, seen, "token_ok", 200, null, null);
        expect(soft, seen, "token_dpop_replayed", 400, "invalid_request", "DPoP proof has already been used");
        expect(soft, seen, "token_code_after_refused_proof", 200, null, null);
        expect(soft, seen, "token_code_reused", 400, "invalid_grant", "Code not valid");
        // RFC 9449 section 5: a confidential client's refresh token is bound to its authentication, not to DPoP.
        expect(soft, seen, "refresh_other_key", 200, null, null);
        expect(soft, seen, "userinfo_ok", 200, null, null);
        for (String userInfoCase : List.of("userinfo_no_dpop", "userinfo_other_key", "userinfo_replayed",
                "userinfo_as_bearer")) {
            expect(soft, seen, userInfoCase, 401, "invalid_token", "Token verification failed");
        }
        expect(soft, seen, "acr_l2_level1_account", 302, "access_denied", null);
        soft.assertAll();
    }

    static void expect(SoftAssertions soft, Map<String, Seen> seen, String name, int status, String error,
                       String description) {
        Seen actual = seen.get(name);
        soft.assertThat(actual.status()).as(name + ": " + actual).isEqualTo(status);
        soft.assertThat(actual.error()).as(name + ": " + actual).isEqualTo(error);
        if (description != null) {
            soft.assertThat(actual.description()).as(name + ": " + actual).contains(description);
        }
    }
}
