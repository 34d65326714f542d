package vn.vneid.sso.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecoveryLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:30:00Z");

    @Test
    void oneCounterPerIdPerDayAndPerAddressPerHour() {
        List<RecoveryLimits.Counter> counters = new RecoveryLimits(5, 60).counters("realm", "040192004321",
                "203.0.113.7", NOW);
        assertThat(counters).extracting(RecoveryLimits.Counter::limit)
                .containsExactly(RecoveryLimits.Limit.ID, RecoveryLimits.Limit.ADDRESS);
        assertThat(counters).extracting(RecoveryLimits.Counter::slots).containsExactly(5, 60);
        assertThat(counters).extracting(RecoveryLimits.Counter::ttlSeconds).containsExactly(86_400L, 3600L);
    }

    @Test
    void keysHoldNeitherTheIdNorTheAddress() {
        new RecoveryLimits(5, 60).counters("realm", "040192004321", "203.0.113.7", NOW).forEach(counter -> {
            assertThat(counter.key()).doesNotContain("040192004321").doesNotContain("203.0.113.7");
            assertThat(counter.key()).startsWith("vneid.recovery.limit.");
        });
    }

    @Test
    void keysDependOnRealmAndWindow() {
        RecoveryLimits limits = RecoveryLimits.defaults();
        String today = limits.counters("a", "040192004321", "ip", NOW).get(0).key();
        assertThat(limits.counters("b", "040192004321", "ip", NOW).get(0).key()).isNotEqualTo(today);
        assertThat(limits.counters("a", "040192004321", "ip", NOW.plusSeconds(86_400)).get(0).key())
                .isNotEqualTo(today);
        assertThat(limits.counters("a", "040192004321", "other", NOW).get(0).key()).isEqualTo(today);
    }

    @Test
    void zeroSwitchesALimitOffAndNegativeIsZero() {
        assertThat(new RecoveryLimits(0, 60).counters("r", "id", "ip", NOW))
                .extracting(RecoveryLimits.Counter::limit).containsExactly(RecoveryLimits.Limit.ADDRESS);
        assertThat(new RecoveryLimits(-3, 0).counters("r", "id", "ip", NOW)).isEmpty();
    }

    @Test
    void defaultsAreSafe() {
        assertThat(RecoveryLimits.defaults().perIdPerDay()).isEqualTo(5);
        assertThat(RecoveryLimits.defaults().perAddressPerHour()).isEqualTo(60);
    }
}
