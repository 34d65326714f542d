package vn.vneid.sso.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class UnitFiguresTest {

    @Test
    void theSeedsPercentagesAtFullScale() {
        // Nghệ An, 6 December 2023: 746,923 + 1,642,795 records, 323,372 + 1,576,301 activated, target 1,708,473.
        UnitFigures ngheAn = new UnitFigures("PROVINCE", "40", "Nghệ An",
                new UnitCounts(746_923, 1_642_795, 323_372, 1_576_301, 0, 0, 0, new long[4]),
                new UnitTarget(0, 1_708_473, 1_708_473, 0));
        assertThat(ngheAn.collected()).isEqualTo(2_389_718);
        assertThat(ngheAn.collectedPercent()).isEqualByComparingTo("139.87");
        assertThat(ngheAn.activatedPercent()).isEqualByComparingTo("111.19");
        assertThat(ngheAn.level2ActivatedOfEligiblePercent()).isNull();

        // Đông Hòa Hiệp, 14 November 2023: 7,122 of 13,869 at level 2; 1,221 approved, not activated.
        UnitFigures commune = new UnitFigures("COMMUNE", "28411", "Xã Đông Hòa Hiệp",
                new UnitCounts(0, 8_583, 0, 7_122, 0, 1_221, 8_583, new long[4]),
                new UnitTarget(0, 7_000, 7_000, 13_869));
        assertThat(commune.level2ActivatedOfEligiblePercent()).isEqualByComparingTo(new BigDecimal("51.35"));
        assertThat(commune.eligibleNotRegistered()).isEqualTo(5_286);
    }

    @Test
    void noTargetNoPercentageAndNeverANegativeRemainder() {
        UnitFigures f = new UnitFigures("COMMUNE", "1", "x", new UnitCounts(1, 5, 0, 0, 0, 0, 5, new long[4]),
                new UnitTarget(0, 0, 0, 3));
        assertThat(f.collectedPercent()).isNull();
        assertThat(f.eligibleNotRegistered()).isZero();
    }

    @Test
    void pendingAgeBuckets() {
        long cut = 1_700_000_000_000L;
        assertThat(PendingAge.of(cut - 1, cut)).isEqualTo(PendingAge.UNDER_1_DAY);
        assertThat(PendingAge.of(cut - Duration.ofDays(1).toMillis(), cut)).isEqualTo(PendingAge.UNDER_1_DAY);
        assertThat(PendingAge.of(cut - Duration.ofDays(1).toMillis() - 1, cut)).isEqualTo(PendingAge.DAYS_1_TO_7);
        assertThat(PendingAge.of(cut - Duration.ofDays(10).toMillis(), cut)).isEqualTo(PendingAge.DAYS_7_TO_30);
        assertThat(PendingAge.of(cut - Duration.ofDays(31).toMillis(), cut)).isEqualTo(PendingAge.OVER_30_DAYS);
    }
}
