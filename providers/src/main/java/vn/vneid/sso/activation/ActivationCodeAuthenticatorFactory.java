package vn.vneid.sso.activation;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.approval.ApprovalQueueResourceProviderFactory;
import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class ActivationCodeAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-activation-code";

    public ActivationCodeAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-activation",
                "VNeID activation: number, phone and code", "vneidActivationCodeHelp",
                ActivationConfig.PROPERTIES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        // The codes are checked with the key the approval hashed them with (its option activation-code-key-file).
        return new ActivationCodeAuthenticator(Clock.systemUTC(),
                ApprovalQueueResourceProviderFactory.codeKey(session));
    }
}
