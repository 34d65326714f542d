package vn.vneid.sso.otp;

import java.util.List;
import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The three send limits as admin-console config, shared by every step that sends codes. */
public final class SendLimitsConfig {

    public static final String PER_NUMBER_HOUR = "limit-per-number-hour";
    public static final String PER_ACCOUNT_DAY = "limit-per-account-day";
    public static final String PER_IP_HOUR = "limit-per-ip-hour";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PER_NUMBER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsLimitPerNumberHour").helpText("vneidSmsLimitPerNumberHour.tooltip")
            .defaultValue(String.valueOf(SendLimits.DEFAULT_PER_NUMBER_PER_HOUR)).add()
            .property().name(PER_ACCOUNT_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsLimitPerAccountDay").helpText("vneidSmsLimitPerAccountDay.tooltip")
            .defaultValue(String.valueOf(SendLimits.DEFAULT_PER_ACCOUNT_PER_DAY)).add()
            .property().name(PER_IP_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsLimitPerIpHour").helpText("vneidSmsLimitPerIpHour.tooltip")
            .defaultValue(String.valueOf(SendLimits.DEFAULT_PER_IP_PER_HOUR)).add()
            .build();

    private SendLimitsConfig() {
    }

    /**
     * Missing, unreadable or negative values fall back to the defaults: only an explicit 0 switches a limit off (a
     * negative value can be stored by paths Keycloak does not validate, such as a realm import).
     */
    public static SendLimits read(Map<String, String> values) {
        return new SendLimits(integer(values, PER_NUMBER_HOUR, SendLimits.DEFAULT_PER_NUMBER_PER_HOUR),
                integer(values, PER_ACCOUNT_DAY, SendLimits.DEFAULT_PER_ACCOUNT_PER_DAY),
                integer(values, PER_IP_HOUR, SendLimits.DEFAULT_PER_IP_PER_HOUR));
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String raw = values.get(key);
        try {
            int value = raw == null || raw.isBlank() ? fallback : Integer.parseInt(raw.strip());
            return value < 0 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
