package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LookupLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");

    @Test
    void countsPerAddressHourAndPerNumberDay() {
        List<LookupLimits.Counter> counters = LookupLimits.defaults().counters("realm", "10.0.0.1", "001190100001",
                NOW);
        assertThat(counters).extracting(LookupLimits.Counter::limit)
                .containsExactly(LookupLimits.Limit.ADDRESS, LookupLimits.Limit.ID);
        assertThat(counters.get(0).slots()).isEqualTo(30);
        assertThat(counters.get(0).ttlSeconds()).isEqualTo(3600);
        assertThat(counters.get(1).slots()).isEqualTo(5);
        assertThat(counters.get(1).ttlSeconds()).isEqualTo(86_400);
    }

    @Test
    void theKeysHoldNeitherTheAddressNorTheNumber() {
        for (LookupLimits.Counter counter : LookupLimits.defaults().counters("realm", "10.0.0.1", "001190100001",
                NOW)) {
            assertThat(counter.key()).doesNotContain("10.0.0.1").doesNotContain("001190100001")
                    .startsWith("vneid.selfreg.limit.");
        }
    }

    @Test
    void windowsAndRealmsAreSeparate() {
        LookupLimits limits = LookupLimits.defaults();
        String now = limits.counters("realm", "10.0.0.1", "001190100001", NOW).get(0).key();
        assertThat(limits.counters("realm", "10.0.0.1", "001190100001", NOW.plusSeconds(3600)).get(0).key())
                .isNotEqualTo(now);
        assertThat(limits.counters("other", "10.0.0.1", "001190100001", NOW).get(0).key()).isNotEqualTo(now);
    }

    @Test
    void zeroSwitchesACounterOffAndNegativeIsZero() {
        assertThat(new LookupLimits(0, 5).counters("r", "ip", "id", NOW)).extracting(LookupLimits.Counter::limit)
                .containsExactly(LookupLimits.Limit.ID);
        assertThat(new LookupLimits(-3, 0).counters("r", "ip", "id", NOW)).isEmpty();
    }
}
