package vn.vneid.sso.kc;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

class NewPasswordFormTest {

    private static MultivaluedMap<String, String> form(String password, String confirmation) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (password != null) {
            form.add(NewPasswordForm.FIELD_PASSWORD, password);
        }
        if (confirmation != null) {
            form.add(NewPasswordForm.FIELD_CONFIRM, confirmation);
        }
        return form;
    }

    @Test
    void aMissingPasswordIsKeycloaksMissingPasswordMessage() {
        for (MultivaluedMap<String, String> form : new MultivaluedMap[] {form(null, "x"), form("", "")}) {
            FormMessage problem = NewPasswordForm.problem(form);
            assertThat(problem.getField()).isEqualTo("password");
            assertThat(problem.getMessage()).isEqualTo("missingPasswordMessage");
        }
    }

    @Test
    void aDifferentOrMissingConfirmationIsNotMatch() {
        for (MultivaluedMap<String, String> form : new MultivaluedMap[] {form("Secret-1", "Secret-2"),
                form("Secret-1", null)}) {
            FormMessage problem = NewPasswordForm.problem(form);
            assertThat(problem.getField()).isEqualTo("password-confirm");
            assertThat(problem.getMessage()).isEqualTo("notMatchPasswordMessage");
        }
    }

    @Test
    void theSamePasswordTwiceIsNoProblem() {
        assertThat(NewPasswordForm.problem(form("Secret-1", "Secret-1"))).isNull();
    }
}
