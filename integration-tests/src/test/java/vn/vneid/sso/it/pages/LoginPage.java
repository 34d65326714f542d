package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 login, step 1: personal identification number and password (Keycloak's login.ftl, our labels). */
public final class LoginPage extends KeycloakPage {

    public LoginPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#kc-form-login");
    }

    public Browser.Response submit(String nationalId, String password) {
        return submit("form#kc-form-login", Map.of("username", nationalId, "password", password));
    }

    public String idLabel() {
        return textOf("label[for=username]");
    }

    /** The error shown under the ID field (the login page shows credential errors there). */
    public String idError() {
        return fieldError("username");
    }

    public String idValue() {
        return document.selectFirst("#username").attr("value");
    }
}
