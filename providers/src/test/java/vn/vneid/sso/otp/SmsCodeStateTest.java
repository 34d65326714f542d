package vn.vneid.sso.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.otp.SmsCodeState.ResendVerdict;
import vn.vneid.sso.otp.SmsCodeState.Verdict;

class SmsCodeStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final SmsCodePolicy policy = SmsCodePolicy.defaults();

    @Test
    void codesAreSixDigitsAndVary() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = SmsCodeState.newCode(policy);
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen.size()).isGreaterThan(190);
    }

    @Test
    void aKeyedCodeMatchesOnlyWithItsKey() {
        CodeHashKey key = CodeHashKey.of("x".repeat(32));
        SmsCodeState keyed = SmsCodeState.sent("123456", T0, 0, 0, key);
        assertThat(keyed.verify("123456", T0, policy, key)).isEqualTo(Verdict.ACCEPTED);
        assertThat(keyed.verify("123456", T0, policy, CodeHashKey.of("y".repeat(32)))).isEqualTo(Verdict.WRONG);
        assertThat(keyed.verify("123456", T0, policy)).as("no key, no match").isEqualTo(Verdict.WRONG);
        // A code hashed before the server had a key is still checked the way it was hashed.
        SmsCodeState unkeyed = SmsCodeState.sent("123456", T0, 0, 0);
        assertThat(unkeyed.verify("123456", T0, policy, key)).isEqualTo(Verdict.ACCEPTED);
        assertThat(unkeyed.verify("654321", T0, policy, key)).isEqualTo(Verdict.WRONG);
    }

    @Test
    void onlyASaltedHashIsKept() {
        SmsCodeState a = SmsCodeState.sent("123456", T0, 0, 0);
        SmsCodeState b = SmsCodeState.sent("123456", T0, 0, 0);
        assertThat(a.hash()).doesNotContain("123456").isNotEqualTo(b.hash());
        assertThat(a.salt()).isNotEqualTo(b.salt());
    }

    @Test
    void theRightCodeWithinFiveMinutesIsAccepted() {
        SmsCodeState state = SmsCodeState.sent("042917", T0, 0, 0);
        assertThat(state.verify("042917", T0.plusSeconds(299), policy)).isEqualTo(Verdict.ACCEPTED);
        assertThat(state.verify(" 042917 ", T0.plusSeconds(10), policy)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aCodeExpiresAfterFiveMinutesEvenIfRight() {
        SmsCodeState state = SmsCodeState.sent("042917", T0, 0, 0);
        assertThat(state.verify("042917", T0.plusSeconds(300), policy)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void theFifthWrongTryEndsTheLogin() {
        SmsCodeState state = SmsCodeState.sent("042917", T0, 0, 0);
        for (int i = 1; i <= 4; i++) {
            assertThat(state.verify("000000", T0, policy)).isEqualTo(Verdict.WRONG);
            state = state.failedAttempt();
            assertThat(state.remainingAttempts(policy)).isEqualTo(5 - i);
        }
        assertThat(state.verify("000000", T0, policy)).isEqualTo(Verdict.EXHAUSTED);
        // Once exhausted, even the right code is refused.
        assertThat(state.failedAttempt().verify("042917", T0, policy)).isEqualTo(Verdict.EXHAUSTED);
    }

    @Test
    void malformedInputCountsAsWrong() {
        SmsCodeState state = SmsCodeState.sent("042917", T0, 0, 0);
        assertThat(state.verify("42917", T0, policy)).isEqualTo(Verdict.WRONG);
        assertThat(state.verify("0429170", T0, policy)).isEqualTo(Verdict.WRONG);
        assertThat(state.verify("abcdef", T0, policy)).isEqualTo(Verdict.WRONG);
    }

    @Test
    void resendingWaitsSixtySecondsAndStopsAfterThree() {
        SmsCodeState state = SmsCodeState.sent("111111", T0, 0, 0);
        assertThat(state.mayResend(T0.plusSeconds(59), policy)).isEqualTo(ResendVerdict.TOO_EARLY);
        assertThat(state.secondsUntilResend(T0.plusMillis(59_001), policy)).isEqualTo(1);
        Instant t = T0;
        for (int i = 0; i < 3; i++) {
            t = t.plusSeconds(60);
            assertThat(state.mayResend(t, policy)).isEqualTo(ResendVerdict.ALLOWED);
            state = state.resent("22222" + i, t);
        }
        assertThat(state.mayResend(t.plusSeconds(600), policy)).isEqualTo(ResendVerdict.LIMIT_REACHED);
    }

    @Test
    void aResentCodeReplacesTheOldOneButKeepsTheWrongTries() {
        SmsCodeState state = SmsCodeState.sent("111111", T0, 0, 0).failedAttempt().failedAttempt();
        SmsCodeState resent = state.resent("222222", T0.plusSeconds(60));
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(resent.verify("111111", T0.plusSeconds(61), policy)).isEqualTo(Verdict.WRONG);
        assertThat(resent.verify("222222", T0.plusSeconds(61), policy)).isEqualTo(Verdict.ACCEPTED);
        // The lifetime restarts with the new code.
        assertThat(resent.verify("222222", T0.plusSeconds(60 + 299), policy)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aPolicyOutsideSaneBoundsIsRefused() {
        assertThatThrownBy(() -> new SmsCodePolicy(3, Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsCodePolicy(6, Duration.ZERO, 5, Duration.ofSeconds(60), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsCodePolicy(6, Duration.ofMinutes(5), 0, Duration.ofSeconds(60), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeKeepsTheLengthAndLifetimeItWasSentWith() {
        // Sent under the defaults (6 digits, 5 minutes); then an administrator sets 8 digits and 1 minute.
        SmsCodeState state = SmsCodeState.sent("042917", T0, 0, 0).lasting(policy.ttl());
        SmsCodePolicy changed = new SmsCodePolicy(8, Duration.ofMinutes(1), 5, Duration.ofSeconds(60), 3);
        assertThat(state.verify("042917", T0.plusSeconds(120), changed))
                .as("the code in the citizen's SMS, within the 5 minutes it said").isEqualTo(Verdict.ACCEPTED);
        assertThat(state.isExpired(T0.plusSeconds(299), changed)).isFalse();
        assertThat(state.isExpired(T0.plusSeconds(300), changed)).isTrue();
        assertThat(state.codeLength(changed)).isEqualTo(6);
        assertThat(state.lifetime(changed)).isEqualTo(Duration.ofMinutes(5));
        // Lengthened rules do not lengthen a code already sent either.
        SmsCodePolicy longer = new SmsCodePolicy(6, Duration.ofMinutes(15), 5, Duration.ofSeconds(60), 3);
        assertThat(state.verify("042917", T0.plusSeconds(300), longer)).isEqualTo(Verdict.EXPIRED);
        // Tries follow the rules in force, and a wrong try keeps the code's own rules.
        SmsCodeState tried = state.failedAttempt();
        assertThat(tried.codeLength(changed)).isEqualTo(6);
        assertThat(tried.lifetime(changed)).isEqualTo(Duration.ofMinutes(5));
        SmsCodePolicy oneTry = new SmsCodePolicy(6, Duration.ofMinutes(5), 1, Duration.ofSeconds(60), 3);
        assertThat(tried.verify("042917", T0, oneTry)).isEqualTo(Verdict.EXHAUSTED);
        // A resend is a new code under the rules of its own send.
        assertThat(state.resent("12345678", T0.plusSeconds(90)).lasting(changed.ttl()).codeLength(policy))
                .isEqualTo(8);
    }

    @Test
    void aStateKeptWithoutItsRulesFollowsTheRulesInForce() {
        SmsCodeState sent = SmsCodeState.sent("042917", T0, 0, 0);
        SmsCodeState old = new SmsCodeState(sent.hash(), sent.salt(), T0, 0, 0);
        assertThat(old.codeLength(policy)).isEqualTo(6);
        assertThat(old.lifetime(policy)).isEqualTo(Duration.ofMinutes(5));
        assertThat(old.verify("042917", T0.plusSeconds(10), policy)).isEqualTo(Verdict.ACCEPTED);
        assertThat(old.verify("042917", T0.plusSeconds(10),
                new SmsCodePolicy(8, Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 3))).isEqualTo(Verdict.WRONG);
    }
}
