package vn.vneid.sso.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a registry that keeps failing: after {@code threshold} failures in a row the circuit opens and calls
 * fail at once for {@code openFor}; then one trial call is let through (half-open) and its result closes or re-opens
 * the circuit. A dead registry then costs citizens no waiting, and the registry no load while it recovers. A trial
 * that never reports back (a thread killed, a bug) does not hold the circuit half-open for ever: after
 * {@code openFor} another trial may go.
 */
public final class CircuitBreaker {

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private Instant trialStarted = Instant.MIN;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** @return whether a call may go out now */
    public synchronized boolean allowRequest() {
        Instant now = clock.instant();
        if (state == State.OPEN) {
            if (now.isBefore(openUntil)) {
                return false;
            }
            state = State.HALF_OPEN;
            trialStarted = now;
            return true;
        }
        if (state == State.HALF_OPEN) {
            // One trial is out: the others wait for its result, unless it has been silent too long.
            if (now.isBefore(trialStarted.plus(openFor))) {
                return false;
            }
            trialStarted = now;
            return true;
        }
        return true;
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized State state() {
        return state;
    }
}
