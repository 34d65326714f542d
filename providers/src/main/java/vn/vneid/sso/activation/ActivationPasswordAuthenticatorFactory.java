package vn.vneid.sso.activation;

import java.time.Clock;
import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class ActivationPasswordAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-activation-password";

    public ActivationPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-activation", "VNeID activation: password", "vneidActivationPasswordHelp", List.of());
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ActivationPasswordAuthenticator(Clock.systemUTC());
    }
}
