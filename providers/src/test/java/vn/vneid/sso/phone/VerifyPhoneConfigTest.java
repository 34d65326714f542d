package vn.vneid.sso.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;

import vn.vneid.sso.otp.SmsCodePolicy;

class VerifyPhoneConfigTest {

    @Test
    void theBindingCodesRulesAreSetOnTheAction() {
        VerifyPhoneConfig config = VerifyPhoneConfig.of(model(Map.of("code-length", "8", "code-ttl-seconds", "120",
                "max-attempts", "3", "resend-cooldown-seconds", "0", "max-resends", "1")));
        SmsCodePolicy policy = config.codePolicy();
        assertThat(policy.length()).isEqualTo(8);
        assertThat(policy.ttl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.resendCooldown()).isZero();
        assertThat(policy.maxResends()).isEqualTo(1);
    }

    @Test
    void missingUnreadableOrOutOfRangeRulesAreTheSafeDefaults() {
        for (RequiredActionConfigModel model : new RequiredActionConfigModel[] {null, model(Map.of()),
                model(Map.of("code-length", "4")), model(Map.of("max-attempts", "0")),
                model(Map.of("max-attempts", "1000", "code-length", "6"))}) {
            assertThat(VerifyPhoneConfig.of(model).codePolicy()).usingRecursiveComparison()
                    .isEqualTo(SmsCodePolicy.defaults());
        }
        // One value not a number falls back alone; the others keep what was set.
        SmsCodePolicy policy = VerifyPhoneConfig.of(model(Map.of("max-attempts", "ba", "max-resends", "2")))
                .codePolicy();
        assertThat(policy.maxAttempts()).isEqualTo(SmsCodePolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(policy.maxResends()).isEqualTo(2);
    }

    @Test
    void theConsoleOffersEveryLimit() {
        assertThat(VerifyPhoneConfig.PROPERTIES).extracting(ProviderConfigProperty::getName).doesNotHaveDuplicates()
                .contains(
                "min-valid-days", "subscriber-registry", "code-length", "code-ttl-seconds", "max-attempts",
                "resend-cooldown-seconds", "max-resends", "limit-per-number-hour", "limit-per-account-day",
                "limit-per-ip-hour", "transaction-ttl-seconds");
    }

    @Test
    void theChipWindowOfAPhoneChangeHasTheStepUpsBounds() {
        assertThat(VerifyPhoneConfig.of(null).chipTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(VerifyPhoneConfig.of(model(Map.of("transaction-ttl-seconds", "45"))).chipTtl())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(VerifyPhoneConfig.of(model(Map.of("transaction-ttl-seconds", "1"))).chipTtl())
                .as("a relayed answer must not outlive a short window").isEqualTo(Duration.ofSeconds(10));
        assertThat(VerifyPhoneConfig.of(model(Map.of("transaction-ttl-seconds", "86400"))).chipTtl())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(VerifyPhoneConfig.of(model(Map.of("transaction-ttl-seconds", "hai phút"))).chipTtl())
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void valuesOutOfTheirBoundsAreRefusedWhenSaved() {
        for (PhoneRequiredActionFactory factory : new PhoneRequiredActionFactory[] {
                new VerifyPhoneRequiredActionFactory(), new ChangePhoneRequiredActionFactory()}) {
            assertThatCode(() -> factory.validateConfig(null, null, model(Map.of("code-length", "10",
                    "code-ttl-seconds", "900", "max-attempts", "1", "resend-cooldown-seconds", "0",
                    "max-resends", "0", "min-valid-days", "0", "limit-per-ip-hour", "0",
                    "transaction-ttl-seconds", "600", "subscriber-registry", "http"))))
                    .as("values at their bounds").doesNotThrowAnyException();
            assertThatCode(() -> factory.validateConfig(null, null, model(Map.of()))).doesNotThrowAnyException();

            ValidationException tooShort = catchThrowableOfType(
                    () -> factory.validateConfig(null, null, model(Map.of("code-length", "4"))),
                    ValidationException.class);
            assertThat(tooShort.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getAttribute()).isEqualTo("code-length");
                assertThat(error.getMessage()).isEqualTo("error-number-out-of-range");
                assertThat(error.getMessageParameters()).containsExactly("code-length", 6, 10);
            });
            ValidationException notANumber = catchThrowableOfType(
                    () -> factory.validateConfig(null, null, model(Map.of("max-attempts", "năm"))),
                    ValidationException.class);
            assertThat(notANumber.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getAttribute()).isEqualTo("max-attempts");
                assertThat(error.getMessage()).isEqualTo("error-invalid-value");
            });
        }
        ValidationException negativeLimit = catchThrowableOfType(() -> new VerifyPhoneRequiredActionFactory()
                .validateConfig(null, null, model(Map.of("limit-per-ip-hour", "-1"))), ValidationException.class);
        assertThat(negativeLimit.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo("error-number-out-of-range-too-small");
            assertThat(error.getMessageParameters()).startsWith("limit-per-ip-hour", 0);
        });
        for (Map.Entry<String, String> bad : Map.of("code-length", "11", "code-ttl-seconds", "0",
                "max-attempts", "11", "resend-cooldown-seconds", "-1", "max-resends", "11", "min-valid-days", "-1",
                "limit-per-number-hour", "-5", "limit-per-account-day", "x", "transaction-ttl-seconds", "5")
                .entrySet()) {
            assertThat(VerifyPhoneConfig.invalid(Map.of(bad.getKey(), bad.getValue()))).as(bad.toString())
                    .singleElement().satisfies(invalid -> assertThat(invalid.key()).isEqualTo(bad.getKey()));
        }
    }

    @Test
    void valuesStoredWithoutTheCheckAreStillReadSafely() {
        // A realm import or a PUT of the whole action stores a config that validateConfig never saw.
        VerifyPhoneConfig config = VerifyPhoneConfig.of(model(Map.of("min-valid-days", "100000",
                "limit-per-number-hour", "-5", "limit-per-ip-hour", "0")));
        assertThat(config.minValidDays()).as("a wait no subscription meets").isEqualTo(30);
        assertThat(config.limits().perNumberPerHour()).as("negative is not 'off'").isEqualTo(5);
        assertThat(config.limits().perIpPerHour()).as("0 is 'off'").isZero();
    }

    private static RequiredActionConfigModel model(Map<String, String> values) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setAlias("vneid-verify-phone");
        model.setConfig(new HashMap<>(values));
        return model;
    }
}
