package vn.vneid.sso.activation;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;
import vn.vneid.sso.limit.IdAddressLimits;

/** The activation page's limits, set on the execution {@code vneid-activation-code} in the admin console. */
final class ActivationConfig {

    static final String PER_ID_PER_DAY = "limit-per-id-day";
    static final String PER_ADDRESS_PER_HOUR = "limit-per-address-hour";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final int DEFAULT_MAX_ATTEMPTS = 5;

    /**
     * Beyond these, each record's code takes only {@code max-attempts} wrong tries. The address limit is high on
     * purpose: mobile carriers put thousands of citizens behind one address (carrier-grade NAT).
     */
    static final IdAddressLimits.Feature LIMITS = new IdAddressLimits.Feature("vneid.activation.limit.",
            "vneidActivationLimitId", "vneidActivationLimitAddress", IdAddressLimits.Limit.ID, 10, 60);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MAX_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationMaxAttempts").helpText("vneidActivationMaxAttempts.tooltip")
            .defaultValue(String.valueOf(DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationLimitPerIdDay").helpText("vneidActivationLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(LIMITS.defaultPerIdPerDay())).add()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidActivationLimitPerAddressHour").helpText("vneidActivationLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(LIMITS.defaultPerAddressPerHour())).add()
            .build();

    private ActivationConfig() {
    }

    private static Map<String, String> values(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    static IdAddressLimits limits(AuthenticatorConfigModel model) {
        return IdAddressLimits.read(LIMITS, values(model), PER_ID_PER_DAY, PER_ADDRESS_PER_HOUR);
    }

    static int maxAttempts(AuthenticatorConfigModel model) {
        return ConfigValues.integer(values(model), MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, 20);
    }
}
