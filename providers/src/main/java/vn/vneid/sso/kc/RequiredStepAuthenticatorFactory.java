package vn.vneid.sso.kc;

import java.util.List;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factories of our multi-step flows (recovery, activation, self-registration) and of the chip step-up: each step
 * is a required part of its flow (no ALTERNATIVE: a factor that must not be optional offers only REQUIRED).
 */
public abstract class RequiredStepAuthenticatorFactory extends StatelessAuthenticatorFactory {

    protected RequiredStepAuthenticatorFactory(String id, String referenceCategory, String displayType,
            String helpText, List<ProviderConfigProperty> config) {
        super(id, referenceCategory, displayType, helpText, config, Requirement.REQUIRED, Requirement.DISABLED);
    }
}
