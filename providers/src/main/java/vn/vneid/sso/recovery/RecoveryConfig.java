package vn.vneid.sso.recovery;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.limit.IdAddressLimits;

/** The recovery's limits, set on the execution {@code vneid-recovery-national-id} in the admin console. */
final class RecoveryConfig {

    static final String PER_ID_PER_DAY = "limit-per-id-day";
    static final String PER_ADDRESS_PER_HOUR = "limit-per-address-hour";

    /**
     * Recovery is the favourite door of account takeover, and each start may send an SMS: 5 starts per ID a day. The
     * address limit is high on purpose: mobile carriers put thousands of citizens behind one address (carrier-grade
     * NAT).
     */
    static final IdAddressLimits.Feature LIMITS = new IdAddressLimits.Feature("vneid.recovery.limit.",
            "vneidRecoveryLimitId", "vneidRecoveryLimitAddress", IdAddressLimits.Limit.ID, 5, 60);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRecoveryLimitPerIdDay").helpText("vneidRecoveryLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(LIMITS.defaultPerIdPerDay())).add()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRecoveryLimitPerAddressHour").helpText("vneidRecoveryLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(LIMITS.defaultPerAddressPerHour())).add()
            .build();

    private RecoveryConfig() {
    }

    static IdAddressLimits limits(AuthenticatorConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return IdAddressLimits.read(LIMITS, values, PER_ID_PER_DAY, PER_ADDRESS_PER_HOUR);
    }
}
