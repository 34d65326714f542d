package vn.vneid.sso.kc;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The new-password page of our flows (activation, recovery, registration) has Keycloak's own field names and
 * messages, so the base theme's password fields and texts serve it; the realm's password policy is checked after.
 */
public final class NewPasswordForm {

    public static final String FIELD_PASSWORD = "password-new";
    public static final String FIELD_CONFIRM = "password-confirm";

    private NewPasswordForm() {
    }

    /** @return what to show when no password was typed or the confirmation differs, or null when both agree */
    public static FormMessage problem(MultivaluedMap<String, String> form) {
        String password = form.getFirst(FIELD_PASSWORD);
        if (password == null || password.isEmpty()) {
            return new FormMessage("password", "missingPasswordMessage");
        }
        if (!password.equals(form.getFirst(FIELD_CONFIRM))) {
            return new FormMessage(FIELD_CONFIRM, "notMatchPasswordMessage");
        }
        return null;
    }

    /** The step's page ({@code template}), with the problem of the last try when there was one. */
    public static Response page(LoginFormsProvider form, String template, FormMessage error) {
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(template);
    }
}
