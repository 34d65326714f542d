package vn.vneid.sso.recovery;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.FeatureLimitsAssert;
import vn.vneid.sso.limit.IdAddressLimits;

class RecoveryConfigTest {

    /** Issue #17: the ID first, 5 a day; 60 an hour per address. */
    @Test
    void recoveryLimitsWithoutConfig() {
        FeatureLimitsAssert.assertCounts(RecoveryConfig.limits(null), "vneid.recovery.limit.",
                IdAddressLimits.Limit.ID, 5, 60, "vneidRecoveryLimitId", "vneidRecoveryLimitAddress");
    }
}
