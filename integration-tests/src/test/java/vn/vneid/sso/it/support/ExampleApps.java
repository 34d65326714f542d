package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.vneid.sso.example.portal.PortalExample;

/**
 * examples/portal-example in this JVM, registered as its own government client through the admin API: the realm's
 * dvc-portal keeps its production redirect URI (which RelyingPartiesIT checks), and registering a new client
 * exercises the client policies' registration-time checks.
 */
public final class ExampleApps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private ExampleApps() {
    }

    /** Starts the app on free ports against the test server and registers its client. */
    public static PortalExample startRegistered(KeycloakServer server, AdminApi admin) throws Exception {
        String clientId = "portal-example-" + SERIAL.incrementAndGet();
        PortalExample app = PortalExample.start(new PortalExample.Config(server.realmUri(), clientId, "localhost",
                0, 0, Files.createTempDirectory("portal-example")));
        // Through the realm's partial import, as an operator adds a service to the realm file: no client policy
        // runs on import, so the example's http loopback JWKS and back-channel URLs (the server calls them; the
        // example's https certificate is self-signed) pass; registration would refuse them (secure-client-uris).
        String body = "{\"ifResourceExists\":\"FAIL\",\"clients\":[" + governmentClient(clientId, app) + "]}";
        HttpResponse<String> imported = admin.callAsAdmin("POST", "/partialImport", body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return app;
    }

    /**
     * A government client as the realm file's dvc-portal, with what docs/integration-guide.md asks a service for:
     * https redirect and post-logout URIs, a JWKS URL and a back-channel logout URL (the last two plain http on the
     * loopback address, which only an import accepts: secure-client-uris would refuse them on registration).
     */
    public static String governmentClient(String clientId, PortalExample app) throws Exception {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("name", "Portal example (test)");
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-jwt");
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("frontchannelLogout", false);
        client.put("fullScopeAllowed", false);
        client.put("consentRequired", false);
        client.putArray("redirectUris").add(app.redirectUri().toString());
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("vneid.government", "true");
        attributes.put("require.pushed.authorization.requests", "true");
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("dpop.bound.access.tokens", "true");
        attributes.put("use.jwks.url", "true");
        attributes.put("jwks.url", app.jwksUri().toString());
        attributes.put("backchannel.logout.url", app.backChannelLogoutUri().toString());
        attributes.put("backchannel.logout.session.required", "true");
        attributes.put("token.endpoint.auth.signing.alg", "PS256");
        attributes.put("id.token.signed.response.alg", "PS256");
        attributes.put("minimum.acr.value", "vneid-l1");
        attributes.put("post.logout.redirect.uris", app.baseUri().toString());
        client.putArray("defaultClientScopes").add("basic").add("acr").add("profile").add("national_id")
                .add("vneid").add("phone");
        client.putArray("optionalClientScopes").add("address");
        return JSON.writeValueAsString(client);
    }

    public static SSLContext trusting(PortalExample app) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("portal-example", app.tlsCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

}
