package vn.vneid.sso.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.limit.WindowCounter;

class SendLimitsTest {

    private static final Instant T = Instant.parse("2026-11-23T08:15:00Z");

    @Test
    void oneCounterPerLimitWithItsWindow() {
        List<WindowCounter<SendLimits.Limit>> counters = new SendLimits(5, 10, 30).counters("+84912345678", "u-1",
                "10.0.0.1", T);
        assertThat(counters).extracting(WindowCounter::limit).containsExactly(SendLimits.Limit.NUMBER,
                SendLimits.Limit.ACCOUNT, SendLimits.Limit.IP, SendLimits.Limit.NUMBER);
        assertThat(counters).extracting(WindowCounter::slots).containsExactly(5, 10, 30, 10);
        assertThat(counters).extracting(WindowCounter::ttlSeconds).containsExactly(3600L, 86400L, 3600L, 3600L);
    }

    @Test
    void keysNeverHoldTheNumberOrTheAddress() {
        for (WindowCounter<SendLimits.Limit> counter : SendLimits.defaults().counters("+84912345678", "u-1",
                "10.0.0.1", T)) {
            assertThat(counter.key()).doesNotContain("912345678").doesNotContain("10.0.0.1");
        }
    }

    @Test
    void theWindowMovesWithTheHour() {
        SendLimits limits = SendLimits.defaults();
        String now = limits.counters("+84912345678", "u", "ip", T).get(0).key();
        assertThat(limits.counters("+84912345678", "u", "ip", T.plusSeconds(60 * 44)).get(0).key()).isEqualTo(now);
        assertThat(limits.counters("+84912345678", "u", "ip", T.plusSeconds(60 * 45)).get(0).key()).isNotEqualTo(now);
    }

    @Test
    void zeroSwitchesACounterOff() {
        assertThat(new SendLimits(0, 10, 0).counters("+84912345678", "u", "ip", T))
                .extracting(WindowCounter::limit).containsExactly(SendLimits.Limit.ACCOUNT);
    }

    @Test
    void aScopeCountsApartWithTheSameLimits() {
        SendLimits login = new SendLimits(5, 10, 30);
        SendLimits recovery = login.scoped("recovery");
        List<WindowCounter<SendLimits.Limit>> own = login.counters("+84912345678", "u-1", "10.0.0.1", T);
        List<WindowCounter<SendLimits.Limit>> scoped = recovery.counters("+84912345678", "u-1", "10.0.0.1", T);
        assertThat(scoped).extracting(WindowCounter::slots).containsExactly(5, 10, 30, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(scoped.get(i).key()).isNotEqualTo(own.get(i).key());
        }
        assertThat(scoped.get(3).key()).as("one ceiling per number for every scope").isEqualTo(own.get(3).key());
        assertThat(login.scoped("registration").counters("+84912345678", "u-1", "10.0.0.1", T).get(0).key())
                .isNotEqualTo(scoped.get(0).key());
        assertThat(login.counters("+84912345678", "u-1", "10.0.0.1", T).get(0).key())
                .as("the login's keys stay what they were").isEqualTo(own.get(0).key())
                .startsWith("vneid.sms.limit.num.");
    }
}
