package vn.vneid.sso.activation;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;

/** The activation page's limits, set on the execution {@code vneid-activation-code} in the admin console. */
final class ActivationConfig {

    static final String PER_ID_PER_DAY = "limit-per-id-day";
    static final String PER_ADDRESS_PER_HOUR = "limit-per-address-hour";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final int DEFAULT_MAX_ATTEMPTS = 5;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MAX_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationMaxAttempts").helpText("vneidActivationMaxAttempts.tooltip")
            .defaultValue(String.valueOf(DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationLimitPerIdDay").helpText("vneidActivationLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(ActivationLimits.DEFAULT_PER_ID_PER_DAY)).add()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationLimitPerAddressHour").helpText("vneidActivationLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(ActivationLimits.DEFAULT_PER_ADDRESS_PER_HOUR)).add()
            .build();

    private ActivationConfig() {
    }

    private static Map<String, String> values(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    static ActivationLimits limits(AuthenticatorConfigModel model) {
        Map<String, String> values = values(model);
        return new ActivationLimits(
                ConfigValues.integer(values, PER_ID_PER_DAY, ActivationLimits.DEFAULT_PER_ID_PER_DAY, 0, 1000),
                ConfigValues.integer(values, PER_ADDRESS_PER_HOUR, ActivationLimits.DEFAULT_PER_ADDRESS_PER_HOUR, 0,
                        1_000_000));
    }

    static int maxAttempts(AuthenticatorConfigModel model) {
        return ConfigValues.integer(values(model), MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, 20);
    }
}
