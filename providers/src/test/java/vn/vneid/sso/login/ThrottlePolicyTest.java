package vn.vneid.sso.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    private final ThrottlePolicy policy = new ThrottlePolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60),
            Duration.ofMinutes(15));

    private ThrottlePolicy.State failures(int n, Instant at) {
        ThrottlePolicy.State state = ThrottlePolicy.State.NONE;
        for (int i = 0; i < n; i++) {
            state = policy.afterFailure(state, at);
        }
        return state;
    }

    @Test
    void twoFastTyposCostNothing() {
        assertThat(policy.secondsToWait(failures(2, T0), T0)).isZero();
        assertThat(policy.secondsToWait(failures(2, T0), T0.plusMillis(1))).isZero();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheCap() {
        assertThat(policy.secondsToWait(failures(3, T0), T0)).isEqualTo(2);
        assertThat(policy.secondsToWait(failures(4, T0), T0)).isEqualTo(4);
        assertThat(policy.secondsToWait(failures(5, T0), T0)).isEqualTo(8);
        assertThat(policy.secondsToWait(failures(8, T0), T0)).isEqualTo(60);
        assertThat(policy.secondsToWait(failures(200, T0), T0)).isEqualTo(60);
    }

    @Test
    void theWaitRunsDownAndIsRoundedUp() {
        ThrottlePolicy.State state = failures(5, T0);
        assertThat(policy.secondsToWait(state, T0.plusMillis(6500))).isEqualTo(2);
        assertThat(policy.secondsToWait(state, T0.plusSeconds(8))).isZero();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        ThrottlePolicy.State state = failures(10, T0);
        Instant later = T0.plus(Duration.ofMinutes(15));
        assertThat(policy.secondsToWait(state, later)).isZero();
        assertThat(policy.afterFailure(state, later).failures()).isEqualTo(1);
    }
}
