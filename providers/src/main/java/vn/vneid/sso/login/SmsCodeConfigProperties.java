package vn.vneid.sso.login;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.otp.SendLimitsConfig;
import vn.vneid.sso.otp.SmsCodePolicy;

/**
 * What an administrator can set on the SMS code step. Labels and help texts are message keys (vi, en) that still
 * read sensibly when the console shows them untranslated.
 */
public final class SmsCodeConfigProperties {

    static final String CODE_LENGTH = "code-length";
    static final String TTL_SECONDS = "code-ttl-seconds";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String RESEND_COOLDOWN_SECONDS = "resend-cooldown-seconds";
    static final String MAX_RESENDS = "max-resends";
    static final String SMS_GATEWAY = "sms-gateway";

    /** The code's own rules (length, lifetime, tries, resends): the login, recovery, registration and phone binding. */
    public static final List<ProviderConfigProperty> POLICY = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(CODE_LENGTH).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsCodeLength").helpText("vneidSmsCodeLength.tooltip")
            .defaultValue(String.valueOf(SmsCodePolicy.DEFAULT_LENGTH)).add()
            .property().name(TTL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsCodeTtlSeconds").helpText("vneidSmsCodeTtlSeconds.tooltip")
            .defaultValue(String.valueOf(SmsCodePolicy.DEFAULT_TTL.toSeconds())).add()
            .property().name(MAX_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsCodeMaxAttempts").helpText("vneidSmsCodeMaxAttempts.tooltip")
            .defaultValue(String.valueOf(SmsCodePolicy.DEFAULT_MAX_ATTEMPTS)).add()
            .property().name(RESEND_COOLDOWN_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsCodeResendCooldownSeconds").helpText("vneidSmsCodeResendCooldownSeconds.tooltip")
            .defaultValue(String.valueOf(SmsCodePolicy.DEFAULT_RESEND_COOLDOWN.toSeconds())).add()
            .property().name(MAX_RESENDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidSmsCodeMaxResends").helpText("vneidSmsCodeMaxResends.tooltip")
            .defaultValue(String.valueOf(SmsCodePolicy.DEFAULT_MAX_RESENDS)).add()
            .build());

    private static final List<ProviderConfigProperty> GATEWAY = ProviderConfigurationBuilder.create()
            .property().name(SMS_GATEWAY).type(ProviderConfigProperty.STRING_TYPE)
            .label("vneidSmsGateway").helpText("vneidSmsGateway.tooltip").add()
            .build();

    public static final List<ProviderConfigProperty> ALL = Stream.of(POLICY, GATEWAY, SendLimitsConfig.PROPERTIES)
            .flatMap(List::stream).toList();

    private SmsCodeConfigProperties() {
    }
}
