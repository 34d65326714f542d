package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.limit.WindowCounter;

/** What the registration page's registry lookups count (issue #15): the address first, 30 an hour, 5 a day per ID. */
class RegistrationConfigTest {

    @Test
    void lookupLimitsWithoutConfig() {
        IdAddressLimits limits = RegistrationConfig.of(null).limits();
        assertThat(limits.counters("r", "001190100001", "10.0.0.1", Instant.EPOCH))
                .extracting(WindowCounter::limit, WindowCounter::slots)
                .containsExactly(tuple(IdAddressLimits.Limit.ADDRESS, 30),
                        tuple(IdAddressLimits.Limit.ID, 5));
        assertThat(limits.counters("r", "001190100001", "10.0.0.1", Instant.EPOCH))
                .allSatisfy(counter -> assertThat(counter.key()).startsWith("vneid.selfreg.limit."));
        assertThat(RegistrationConfig.LOOKUP_LIMITS.messageKey(IdAddressLimits.Limit.ID))
                .isEqualTo("vneidRegisterLimitId");
        assertThat(RegistrationConfig.LOOKUP_LIMITS.messageKey(IdAddressLimits.Limit.ADDRESS))
                .isEqualTo("vneidRegisterLimitAddress");
    }
}
