package vn.vneid.sso.login;

import java.time.Duration;
import java.time.Instant;

/**
 * A progressive delay after failed sign-ins, instead of a lock-out (issue #11): the first {@code freeFailures} cost
 * nothing, so a citizen's typos never lock them out; each further failure doubles the wait, from {@code baseDelay} up
 * to {@code maxDelay}. Failures are forgotten {@code window} after the last one. Plain Java: unit-tested directly.
 */
record ThrottlePolicy(int freeFailures, Duration baseDelay, Duration maxDelay, Duration window) {

    /** Failures so far and when the last one happened. */
    record State(int failures, Instant lastFailure) {

        static final State NONE = new State(0, Instant.EPOCH);

        State failedAt(Instant now) {
            return new State(failures + 1, now);
        }
    }

    ThrottlePolicy {
        freeFailures = Math.max(0, freeFailures);
        if (maxDelay.compareTo(baseDelay) < 0) {
            maxDelay = baseDelay;
        }
    }

    /** The pause owed after {@code failures} failures in a row. */
    Duration delayAfter(int failures) {
        if (failures < Math.max(1, freeFailures)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - Math.max(1, freeFailures));
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whole seconds to wait before the next try is even looked at; zero when it may go now. */
    long secondsToWait(State state, Instant now) {
        if (state.failures() == 0 || !now.isBefore(state.lastFailure().plus(window))) {
            return 0;
        }
        long millis = Duration.between(now, state.lastFailure().plus(delayAfter(state.failures()))).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** The state to keep after one more failure now (counting from zero when the window has passed). */
    State afterFailure(State state, Instant now) {
        State current = !now.isBefore(state.lastFailure().plus(window)) ? State.NONE : state;
        return current.failedAt(now);
    }
}
