package vn.vneid.sso.it.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import vn.vneid.sso.it.support.Browser;

/** A page of the vneid login theme (keycloak.v2 layout) as the browser last received it. */
public abstract class KeycloakPage {

    protected final Browser browser;
    protected final Browser.Response response;
    protected final Document document;

    protected KeycloakPage(Browser browser, Browser.Response response) {
        this.browser = browser;
        this.response = response;
        this.document = response.document();
    }

    /** Fails with the page's own text when the browser is somewhere else. */
    protected final void assertOn(String selector) {
        assertThat(response.redirectTarget()).as("left Keycloak for %s", response.redirectTarget()).isNull();
        assertThat(document.selectFirst(selector))
                .as("%s on page %s (HTTP %d):%n%s", selector, response.uri(), response.status(), text())
                .isNotNull();
    }

    public String title() {
        return textOf("#kc-page-title");
    }

    /** The global message (alert) of the page, or "" when there is none. */
    public String message() {
        return textOf(".kc-feedback-text");
    }

    public String fieldError(String field) {
        return textOf("#input-error-" + field);
    }

    public String lang() {
        return document.selectFirst("html").attr("lang");
    }

    public String text() {
        return document.body() == null ? "" : document.body().text();
    }

    public int status() {
        return response.status();
    }

    protected String textOf(String selector) {
        Element element = document.selectFirst(selector);
        return element == null ? "" : element.text().strip();
    }

    /**
     * What a browser's reload does on a login page: Keycloak answers a GET of the step's URL by running the
     * current step's {@code authenticate()} again.
     */
    public Browser.Response reload(String formSelector) {
        Element form = document.selectFirst(formSelector);
        assertThat(form).as("form %s", formSelector).isNotNull();
        return browser.get(URI.create(form.absUrl("action")));
    }

    protected Browser.Response submit(String formSelector, Map<String, String> fields) {
        Element form = document.selectFirst(formSelector);
        assertThat(form).as("form %s", formSelector).isNotNull();
        return browser.postForm(URI.create(form.absUrl("action")), fields);
    }
}
