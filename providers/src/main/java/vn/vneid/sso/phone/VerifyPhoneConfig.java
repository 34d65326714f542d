package vn.vneid.sso.phone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.chip.ChipStepUpConfig;
import vn.vneid.sso.config.ConfigValues;
import vn.vneid.sso.config.InvalidValue;
import vn.vneid.sso.login.SmsCodeConfig;
import vn.vneid.sso.login.SmsCodeConfigProperties;
import vn.vneid.sso.otp.SendLimits;
import vn.vneid.sso.otp.SendLimitsConfig;
import vn.vneid.sso.otp.SmsCodePolicy;
import vn.vneid.sso.phone.registry.SimCheck;

/** The verify-phone action's limits, set in the admin console (Authentication, Required actions). */
final class VerifyPhoneConfig {

    static final String MIN_VALID_DAYS = "min-valid-days";
    static final String REGISTRY = "subscriber-registry";
    /** Ten years: a longer wait would refuse every subscription. */
    private static final int MAX_VALID_DAYS = 3650;

    private static final List<ProviderConfigProperty> OWN = ProviderConfigurationBuilder.create()
            .property().name(MIN_VALID_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidPhoneMinValidDays").helpText("vneidPhoneMinValidDays.tooltip")
            .defaultValue(String.valueOf(SimCheck.DEFAULT_MIN_VALID_DAYS)).add()
            .property().name(REGISTRY).type(ProviderConfigProperty.STRING_TYPE)
            .label("vneidPhoneRegistry").helpText("vneidPhoneRegistry.tooltip").add()
            .build();

    static final List<ProviderConfigProperty> PROPERTIES = Stream.of(OWN, SmsCodeConfigProperties.POLICY,
            SendLimitsConfig.PROPERTIES, ChipStepUpConfig.PROPERTIES).flatMap(List::stream).toList();

    private final int minValidDays;
    private final SmsCodePolicy codePolicy;
    private final SendLimits limits;
    private final String registry;
    private final Duration chipTtl;

    private VerifyPhoneConfig(int minValidDays, SmsCodePolicy codePolicy, SendLimits limits, String registry,
            Duration chipTtl) {
        this.minValidDays = minValidDays;
        this.codePolicy = codePolicy;
        this.limits = limits;
        this.registry = registry;
        this.chipTtl = chipTtl;
    }

    static VerifyPhoneConfig of(RequiredActionConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new VerifyPhoneConfig(
                ConfigValues.integer(values, MIN_VALID_DAYS, SimCheck.DEFAULT_MIN_VALID_DAYS, 0, MAX_VALID_DAYS),
                SmsCodeConfig.policy(values, model == null ? null : model.getAlias()),
                SendLimitsConfig.read(values),
                values.get(REGISTRY) == null || values.get(REGISTRY).isBlank() ? null : values.get(REGISTRY).strip(),
                ChipStepUpConfig.transactionTtl(values));
    }

    /**
     * The values in {@code values} an administrator may not save (see {@link InvalidValue}): the code rules' bounds
     * ({@link SmsCodeConfig#invalidPolicy}), the chip window's (10 s to 10 min), send limits and days not negative.
     */
    static List<InvalidValue> invalid(Map<String, String> values) {
        return Stream.concat(SmsCodeConfig.invalidPolicy(values).stream(), Stream.of(
                InvalidValue.of(values, MIN_VALID_DAYS, 0, MAX_VALID_DAYS),
                InvalidValue.of(values, SendLimitsConfig.PER_NUMBER_HOUR, 0, Integer.MAX_VALUE),
                InvalidValue.of(values, SendLimitsConfig.PER_ACCOUNT_DAY, 0, Integer.MAX_VALUE),
                InvalidValue.of(values, SendLimitsConfig.PER_IP_HOUR, 0, Integer.MAX_VALUE),
                InvalidValue.of(values, ChipStepUpConfig.TRANSACTION_TTL_SECONDS, ChipStepUpConfig.MIN_TTL_SECONDS,
                        ChipStepUpConfig.MAX_TTL_SECONDS))
                .flatMap(Optional::stream)).toList();
    }

    /** The subscriber registry provider id, or null for the server's default. */
    String registry() {
        return registry;
    }

    int minValidDays() {
        return minValidDays;
    }

    SendLimits limits() {
        return limits;
    }

    /** How long the chip transaction of a phone change stays valid (the step-up's key and bounds). */
    Duration chipTtl() {
        return chipTtl;
    }

    /** The binding code's rules; by default the login's: 6 digits, 5 minutes, 5 tries, resend after 60 s, 3 resends. */
    SmsCodePolicy codePolicy() {
        return codePolicy;
    }
}
