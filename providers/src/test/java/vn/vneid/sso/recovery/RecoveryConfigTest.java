package vn.vneid.sso.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.limit.WindowCounter;

/** What the recovery counts (issue #17): ID first, 5 a day, 60 an hour per address, in its own keys. */
class RecoveryConfigTest {

    @Test
    void recoveryLimitsWithoutConfig() {
        IdAddressLimits limits = RecoveryConfig.limits(null);
        assertThat(limits.perIdPerDay()).isEqualTo(5);
        assertThat(limits.perAddressPerHour()).isEqualTo(60);
        assertThat(limits.counters("r", "040192004321", "10.0.0.1", Instant.EPOCH))
                .extracting(WindowCounter::limit).containsExactly(IdAddressLimits.Limit.ID,
                        IdAddressLimits.Limit.ADDRESS);
        assertThat(limits.counters("r", "040192004321", "10.0.0.1", Instant.EPOCH))
                .allSatisfy(counter -> assertThat(counter.key()).startsWith("vneid.recovery.limit."));
        assertThat(RecoveryConfig.LIMITS.messageKey(IdAddressLimits.Limit.ID)).isEqualTo("vneidRecoveryLimitId");
        assertThat(RecoveryConfig.LIMITS.messageKey(IdAddressLimits.Limit.ADDRESS))
                .isEqualTo("vneidRecoveryLimitAddress");
    }
}
