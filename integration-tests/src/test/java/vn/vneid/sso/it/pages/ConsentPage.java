package vn.vneid.sso.it.pages;

import java.util.List;
import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Keycloak's consent screen (login-oauth-grant.ftl): what a third-party service asks to receive. */
public final class ConsentPage extends KeycloakPage {

    public ConsentPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#kc-oauth");
    }

    /** The consent texts of the requested scopes, one per line of the list. */
    public List<String> scopes() {
        return document.select("#kc-oauth ul li").eachText();
    }

    public Browser.Response accept() {
        return submit("#kc-oauth form", Map.of("accept", ""));
    }

    public Browser.Response refuse() {
        return submit("#kc-oauth form", Map.of("cancel", ""));
    }
}
