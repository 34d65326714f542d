package vn.vneid.sso.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ActivationLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");

    @Test
    void countsPerIdPerDayAndPerAddressPerHourWithoutTheirValues() {
        var counters = new ActivationLimits(10, 60).counters("realm", "001085012345", "10.0.0.1", NOW);
        assertThat(counters).extracting(ActivationLimits.Counter::limit)
                .containsExactly(ActivationLimits.Limit.ID, ActivationLimits.Limit.ADDRESS);
        assertThat(counters).extracting(ActivationLimits.Counter::slots).containsExactly(10, 60);
        assertThat(counters).extracting(ActivationLimits.Counter::ttlSeconds).containsExactly(86_400L, 3600L);
        assertThat(counters).allSatisfy(c -> assertThat(c.key()).doesNotContain("001085012345", "10.0.0.1"));
    }

    @Test
    void zeroSwitchesACounterOff() {
        assertThat(new ActivationLimits(0, 60).counters("r", "id", "ip", NOW))
                .extracting(ActivationLimits.Counter::limit).containsExactly(ActivationLimits.Limit.ADDRESS);
        assertThat(new ActivationLimits(-1, 0).counters("r", "id", "ip", NOW)).isEmpty();
    }

    @Test
    void theNextDayIsANewWindow() {
        String today = new ActivationLimits(10, 60).counters("r", "id", "ip", NOW).get(0).key();
        String tomorrow = new ActivationLimits(10, 60).counters("r", "id", "ip", NOW.plusSeconds(86_400)).get(0).key();
        assertThat(today).isNotEqualTo(tomorrow);
    }
}
