package vn.vneid.sso.activation;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The realm's reset-credentials flow hosts two entries of the login page (issue #15 part 4): "Forgot password?" and
 * "Activate your account", whose link adds {@code vneid_activation=1}. Keycloak lets a login page reach only its own
 * flows (authenticate, registration, reset-credentials), so the activation is the reset flow's first, conditional
 * sub-flow: this condition holds for the rest of the authentication session once the link was followed (the restart
 * link on every page clears it), and the forgotten-password steps after it never run in an activation.
 */
final class ActivationConditionAuthenticator implements ConditionalAuthenticator {

    static final ActivationConditionAuthenticator SINGLETON = new ActivationConditionAuthenticator();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if ("1".equals(context.getSession().getContext().getUri().getQueryParameters()
                .getFirst(ActivationNotes.LINK_PARAMETER))) {
            authSession.setAuthNote(ActivationNotes.MODE, "true");
        }
        return authSession.getAuthNote(ActivationNotes.MODE) != null;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
