package vn.vneid.sso.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.IdAddressLimits.Limit;

class IdAddressLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:30:00Z");
    private static final IdAddressLimits.Feature ID_FIRST = new IdAddressLimits.Feature("test.limit.", "idKey",
            "addressKey", Limit.ID, 5, 60);
    private static final IdAddressLimits.Feature ADDRESS_FIRST = new IdAddressLimits.Feature("other.limit.", "idKey",
            "addressKey", Limit.ADDRESS, 5, 30);

    @Test
    void oneCounterPerIdPerDayAndPerAddressPerHourInTheFeaturesOrder() {
        List<WindowCounter<Limit>> counters = new IdAddressLimits(ID_FIRST, 5, 60).counters("realm", "040192004321",
                "203.0.113.7", NOW);
        assertThat(counters).extracting(WindowCounter::limit).containsExactly(Limit.ID, Limit.ADDRESS);
        assertThat(counters).extracting(WindowCounter::slots).containsExactly(5, 60);
        assertThat(counters).extracting(WindowCounter::ttlSeconds).containsExactly(86_400L, 3600L);
        assertThat(IdAddressLimits.defaults(ADDRESS_FIRST).counters("realm", "040192004321", "203.0.113.7", NOW))
                .extracting(WindowCounter::limit, WindowCounter::slots)
                .containsExactly(tuple(Limit.ADDRESS, 30),
                        tuple(Limit.ID, 5));
    }

    @Test
    void keysHoldNeitherTheIdNorTheAddress() {
        IdAddressLimits.defaults(ID_FIRST).counters("realm", "040192004321", "203.0.113.7", NOW)
                .forEach(counter -> assertThat(counter.key()).startsWith("test.limit.")
                        .doesNotContain("040192004321").doesNotContain("203.0.113.7"));
        assertThat(IdAddressLimits.hash("realm", "040192004321")).hasSize(32).doesNotContain("040192004321")
                .isNotEqualTo(IdAddressLimits.hash("other", "040192004321"));
    }

    @Test
    void keysDependOnRealmAndWindow() {
        IdAddressLimits limits = IdAddressLimits.defaults(ID_FIRST);
        String today = limits.counters("a", "040192004321", "ip", NOW).get(0).key();
        assertThat(limits.counters("b", "040192004321", "ip", NOW).get(0).key()).isNotEqualTo(today);
        assertThat(limits.counters("a", "040192004321", "ip", NOW.plusSeconds(86_400)).get(0).key())
                .isNotEqualTo(today);
        assertThat(limits.counters("a", "040192004321", "other", NOW).get(0).key()).isEqualTo(today);
        String thisHour = limits.counters("a", "id", "ip", NOW).get(1).key();
        assertThat(limits.counters("a", "id", "ip", NOW.plusSeconds(3600)).get(1).key()).isNotEqualTo(thisHour);
    }

    @Test
    void zeroSwitchesALimitOffAndNegativeIsZero() {
        assertThat(new IdAddressLimits(ID_FIRST, 0, 60).counters("r", "id", "ip", NOW))
                .extracting(WindowCounter::limit).containsExactly(Limit.ADDRESS);
        assertThat(new IdAddressLimits(ADDRESS_FIRST, 5, 0).counters("r", "id", "ip", NOW))
                .extracting(WindowCounter::limit).containsExactly(Limit.ID);
        assertThat(new IdAddressLimits(ID_FIRST, -3, 0).counters("r", "id", "ip", NOW)).isEmpty();
    }

    @Test
    void readsTheExecutionsConfigWithinRangeElseTheDefaults() {
        assertThat(IdAddressLimits.read(ID_FIRST, Map.of("per-id", "2", "per-ip", "7"), "per-id", "per-ip"))
                .isEqualTo(new IdAddressLimits(ID_FIRST, 2, 7));
        assertThat(IdAddressLimits.read(ID_FIRST, Map.of("per-id", "1001", "per-ip", "x"), "per-id", "per-ip"))
                .isEqualTo(IdAddressLimits.defaults(ID_FIRST));
        assertThat(IdAddressLimits.read(ID_FIRST, Map.of(), "per-id", "per-ip"))
                .isEqualTo(new IdAddressLimits(ID_FIRST, 5, 60));
    }

    @Test
    void eachRefusalHasItsEventReasonAndTheFeaturesMessage() {
        assertThat(Limit.ID.eventReason()).isEqualTo("limit_id");
        assertThat(Limit.ADDRESS.eventReason()).isEqualTo("limit_address");
        assertThat(ID_FIRST.messageKey(Limit.ID)).isEqualTo("idKey");
        assertThat(ID_FIRST.messageKey(Limit.ADDRESS)).isEqualTo("addressKey");
    }
}
