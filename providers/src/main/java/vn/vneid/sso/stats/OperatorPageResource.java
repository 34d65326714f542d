package vn.vneid.sso.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.util.JsonSerialization;

/**
 * The operators' statistics page (issue #15 part 5), at {@code /realms/{realm}/vneid-operator/}: a page of our own
 * (Keycloak 26's admin UI page SPI only makes configuration forms), linked from the admin console as the home URL
 * of the client {@code vneid-operator-console}. The page signs the operator in with that public client (code flow,
 * PKCE S256) and calls {@code /admin/realms/{realm}/vneid-stats} with the token; every byte it loads comes from this
 * server (no CDN), and its chart is SVG drawn by its own script.
 */
public final class OperatorPageResource {

    static final String CLIENT_ID = "vneid-operator-console";
    /** Only our own script and style; nothing inline runs, no frame may embed the page. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final KeycloakSession session;

    OperatorPageResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("")
    public Response page(@QueryParam("lang") String lang) throws IOException {
        RealmModel realm = session.getContext().getRealm();
        // ?lang=vi|en (the page's own links); else Keycloak's choice: Accept-Language, then the realm's default.
        Locale locale = lang != null && realm.getSupportedLocalesStream().anyMatch(lang::equals)
                ? Locale.forLanguageTag(lang) : session.getContext().resolveLocale(null);
        Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        Map<String, String> texts = new LinkedHashMap<>();
        messages.stringPropertyNames().stream().filter(k -> k.startsWith("statsPage"))
                .forEach(k -> texts.put(k, messages.getProperty(k)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("realm", realm.getName());
        config.put("clientId", CLIENT_ID);
        config.put("locale", locale.toLanguageTag());
        config.put("messages", texts);
        // JSON inside HTML: "<" escaped so that no text can close the script element.
        String json = JsonSerialization.writeValueAsString(config).replace("<", "\\u003c");
        String title = escape(texts.getOrDefault("statsPageTitle", "VNeID"));
        String html = "<!DOCTYPE html>\n<html lang=\"" + escape(locale.getLanguage()) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n<link rel=\"stylesheet\" href=\"operator.css\">\n"
                + "<script type=\"application/json\" id=\"vneid-operator-config\">" + json + "</script>\n"
                + "<script src=\"operator.js\" defer></script>\n</head>\n<body>\n<main id=\"app\">\n<h1>" + title
                + "</h1>\n<p id=\"status\" role=\"status\"></p>\n</main>\n</body>\n</html>\n";
        return secured(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")));
    }

    @GET
    @Path("operator.js")
    public Response script() throws IOException {
        return asset("operator.js", "text/javascript; charset=utf-8");
    }

    @GET
    @Path("operator.css")
    public Response style() throws IOException {
        return asset("operator.css", "text/css; charset=utf-8");
    }

    private Response asset(String name, String type) throws IOException {
        try (InputStream in = OperatorPageResource.class.getResourceAsStream("/vneid-operator/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return secured(Response.ok(in.readAllBytes(), type));
        }
    }

    private Response secured(Response.ResponseBuilder builder) {
        // Keycloak would replace our policy with the realm's (made for its own pages): ours is stricter.
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
        return builder.header("X-Frame-Options", "DENY").header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store").build();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
