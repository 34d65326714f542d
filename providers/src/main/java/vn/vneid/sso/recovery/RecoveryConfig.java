package vn.vneid.sso.recovery;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;

/** The recovery's limits, set on the execution {@code vneid-recovery-national-id} in the admin console. */
final class RecoveryConfig {

    static final String PER_ID_PER_DAY = "limit-per-id-day";
    static final String PER_ADDRESS_PER_HOUR = "limit-per-address-hour";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRecoveryLimitPerIdDay").helpText("vneidRecoveryLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(RecoveryLimits.DEFAULT_PER_ID_PER_DAY)).add()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRecoveryLimitPerAddressHour").helpText("vneidRecoveryLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(RecoveryLimits.DEFAULT_PER_ADDRESS_PER_HOUR)).add()
            .build();

    private RecoveryConfig() {
    }

    static RecoveryLimits limits(AuthenticatorConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new RecoveryLimits(
                ConfigValues.integer(values, PER_ID_PER_DAY, RecoveryLimits.DEFAULT_PER_ID_PER_DAY, 0, 1000),
                ConfigValues.integer(values, PER_ADDRESS_PER_HOUR, RecoveryLimits.DEFAULT_PER_ADDRESS_PER_HOUR, 0,
                        1_000_000));
    }
}
