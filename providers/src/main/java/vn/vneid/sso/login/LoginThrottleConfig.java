package vn.vneid.sso.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;

/**
 * The password step's throttle, set on its execution in the admin console. Defaults: three free failures per
 * national ID, then 2, 4, 8 ... up to 60 s; thirty per client address (mobile carriers put many citizens behind one
 * address), then the same doubling; failures forgotten 15 minutes after the last one.
 */
record LoginThrottleConfig(ThrottlePolicy perId, ThrottlePolicy perAddress) {

    static final String ID_FREE = "throttle-id-free-failures";
    static final String ADDRESS_FREE = "throttle-address-free-failures";
    static final String BASE_DELAY = "throttle-base-delay-seconds";
    static final String MAX_DELAY = "throttle-max-delay-seconds";
    static final String WINDOW = "throttle-window-seconds";

    static final int DEFAULT_ID_FREE = 3;
    static final int DEFAULT_ADDRESS_FREE = 30;
    static final int DEFAULT_BASE_DELAY = 2;
    static final int DEFAULT_MAX_DELAY = 60;
    static final int DEFAULT_WINDOW = 900;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ID_FREE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidThrottleIdFree").helpText("vneidThrottleIdFree.tooltip")
            .defaultValue(String.valueOf(DEFAULT_ID_FREE)).add()
            .property().name(ADDRESS_FREE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidThrottleAddressFree").helpText("vneidThrottleAddressFree.tooltip")
            .defaultValue(String.valueOf(DEFAULT_ADDRESS_FREE)).add()
            .property().name(BASE_DELAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidThrottleBaseDelay").helpText("vneidThrottleBaseDelay.tooltip")
            .defaultValue(String.valueOf(DEFAULT_BASE_DELAY)).add()
            .property().name(MAX_DELAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidThrottleMaxDelay").helpText("vneidThrottleMaxDelay.tooltip")
            .defaultValue(String.valueOf(DEFAULT_MAX_DELAY)).add()
            .property().name(WINDOW).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidThrottleWindow").helpText("vneidThrottleWindow.tooltip")
            .defaultValue(String.valueOf(DEFAULT_WINDOW)).add()
            .build();

    static LoginThrottleConfig of(AuthenticatorConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        Duration base = Duration.ofSeconds(ConfigValues.integer(values, BASE_DELAY, DEFAULT_BASE_DELAY, 1, 3600));
        Duration max = Duration.ofSeconds(ConfigValues.integer(values, MAX_DELAY, DEFAULT_MAX_DELAY, 1, 86_400));
        Duration window = Duration.ofSeconds(ConfigValues.integer(values, WINDOW, DEFAULT_WINDOW, 1, 86_400));
        return new LoginThrottleConfig(
                new ThrottlePolicy(ConfigValues.integer(values, ID_FREE, DEFAULT_ID_FREE, 1, 1000), base, max, window),
                new ThrottlePolicy(ConfigValues.integer(values, ADDRESS_FREE, DEFAULT_ADDRESS_FREE, 1, 1_000_000),
                        base, max, window));
    }
}
