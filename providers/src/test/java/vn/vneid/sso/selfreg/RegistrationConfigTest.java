package vn.vneid.sso.selfreg;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.FeatureLimitsAssert;
import vn.vneid.sso.limit.IdAddressLimits;

class RegistrationConfigTest {

    /** Issue #15: registry lookups count the address first, 30 an hour; then 5 a day per ID. */
    @Test
    void lookupLimitsWithoutConfig() {
        FeatureLimitsAssert.assertCounts(RegistrationConfig.of(null).limits(), "vneid.selfreg.limit.",
                IdAddressLimits.Limit.ADDRESS, 30, 5, "vneidRegisterLimitId", "vneidRegisterLimitAddress");
    }
}
