package vn.vneid.sso.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.FeatureLimitsAssert;
import vn.vneid.sso.limit.IdAddressLimits;

class ActivationConfigTest {

    /** Issue #15 part 4: the ID first, 10 a day; 60 an hour per address; 5 wrong codes per record. */
    @Test
    void activationLimitsWithoutConfig() {
        FeatureLimitsAssert.assertCounts(ActivationConfig.limits(null), "vneid.activation.limit.",
                IdAddressLimits.Limit.ID, 10, 60, "vneidActivationLimitId", "vneidActivationLimitAddress");
        assertThat(ActivationConfig.maxAttempts(null)).isEqualTo(5);
    }
}
