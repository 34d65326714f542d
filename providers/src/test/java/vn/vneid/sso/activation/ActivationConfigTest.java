package vn.vneid.sso.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.limit.WindowCounter;

/** What the activation page counts (issue #15 part 4): ID first, 10 a day, 60 an hour per address. */
class ActivationConfigTest {

    @Test
    void activationLimitsWithoutConfig() {
        IdAddressLimits limits = ActivationConfig.limits(null);
        assertThat(limits.counters("r", "001085012345", "10.0.0.1", Instant.EPOCH))
                .extracting(WindowCounter::limit, WindowCounter::slots)
                .containsExactly(tuple(IdAddressLimits.Limit.ID, 10),
                        tuple(IdAddressLimits.Limit.ADDRESS, 60));
        assertThat(limits.counters("r", "001085012345", "10.0.0.1", Instant.EPOCH))
                .allSatisfy(counter -> assertThat(counter.key()).startsWith("vneid.activation.limit."));
        assertThat(ActivationConfig.LIMITS.messageKey(IdAddressLimits.Limit.ID)).isEqualTo("vneidActivationLimitId");
        assertThat(ActivationConfig.LIMITS.messageKey(IdAddressLimits.Limit.ADDRESS))
                .isEqualTo("vneidActivationLimitAddress");
        assertThat(ActivationConfig.maxAttempts(null)).isEqualTo(5);
    }
}
