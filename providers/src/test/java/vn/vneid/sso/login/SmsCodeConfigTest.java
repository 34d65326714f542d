package vn.vneid.sso.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.otp.SmsCodePolicy;

class SmsCodeConfigTest {

    private static final Map<String, String> AT_THE_BOUNDS = Map.of("code-length", "10", "code-ttl-seconds", "900",
            "max-attempts", "10", "resend-cooldown-seconds", "3600", "max-resends", "10");

    @Test
    void valuesAtTheBoundsAreKept() {
        SmsCodePolicy policy = SmsCodeConfig.policy(AT_THE_BOUNDS, "test");
        assertThat(policy.length()).isEqualTo(10);
        assertThat(policy.ttl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.maxAttempts()).isEqualTo(10);
        assertThat(policy.resendCooldown()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.maxResends()).isEqualTo(10);
        // A short lifetime is allowed: it only makes a code harder to use.
        assertThat(SmsCodeConfig.policy(Map.of("code-ttl-seconds", "2"), "test").ttl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aGuessableCodeIsRefusedForTheDefaults() {
        for (Map.Entry<String, String> weaker : List.of(Map.entry("code-length", "5"),
                Map.entry("code-ttl-seconds", "901"), Map.entry("max-attempts", "11"),
                Map.entry("resend-cooldown-seconds", "3601"), Map.entry("max-resends", "11"),
                Map.entry("code-length", "11"), Map.entry("code-ttl-seconds", "0"), Map.entry("max-attempts", "0"),
                Map.entry("resend-cooldown-seconds", "-1"), Map.entry("max-resends", "-1"))) {
            Map<String, String> values = new HashMap<>(AT_THE_BOUNDS);
            values.put(weaker.getKey(), weaker.getValue());
            assertThat(SmsCodeConfig.policy(values, "test")).as(weaker.toString())
                    .usingRecursiveComparison().isEqualTo(SmsCodePolicy.defaults());
        }
    }

    @Test
    void aValueThatIsNoNumberFallsBackAloneAndIsNamedForTheSave() {
        Map<String, String> values = new HashMap<>(AT_THE_BOUNDS);
        values.put("max-attempts", "mười");
        SmsCodePolicy policy = SmsCodeConfig.policy(values, "test");
        assertThat(policy.maxAttempts()).isEqualTo(SmsCodePolicy.DEFAULT_MAX_ATTEMPTS);
        assertThat(policy.length()).isEqualTo(10);
        assertThat(SmsCodeConfig.invalidPolicy(values)).singleElement().satisfies(invalid -> {
            assertThat(invalid.key()).isEqualTo("max-attempts");
            assertThat(invalid.isNumber()).isFalse();
        });
        assertThat(SmsCodeConfig.invalidPolicy(AT_THE_BOUNDS)).isEmpty();
        assertThat(SmsCodeConfig.invalidPolicy(Map.of())).isEmpty();
    }
}
