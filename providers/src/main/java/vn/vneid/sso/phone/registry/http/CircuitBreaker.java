package vn.vneid.sso.phone.registry.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a registry that keeps failing: after {@code threshold} failures in a row the circuit opens and calls
 * fail at once for {@code openFor}; then one trial call is let through (half-open) and its result closes or re-opens
 * the circuit. A dead registry then costs citizens no waiting, and the registry no load while it recovers.
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

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** @return whether a call may go out now */
    public synchronized boolean allowRequest() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openUntil)) {
                return false;
            }
            state = State.HALF_OPEN;
            return true;
        }
        // While half-open, one trial is already out: the others wait for its result.
        return state == State.CLOSED;
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
