package vn.vneid.sso.otp;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Takes a slot in each counter of {@link SendLimits} with {@code putIfAbsent}, which is atomic across the cluster:
 * two nodes can never both take the last slot.
 */
public final class SendLimiter {

    private final SingleUseObjectProvider store;

    public SendLimiter(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** @return the limit that refused this send, or empty when a slot was taken in every counter */
    public Optional<SendLimits.Limit> tryAcquire(SendLimits limits, String numberE164, String userId,
            String clientIp) {
        for (SendLimits.Counter counter : limits.counters(numberE164, userId, clientIp, Instant.now())) {
            if (!takeSlot(counter)) {
                return Optional.of(counter.limit());
            }
        }
        return Optional.empty();
    }

    private boolean takeSlot(SendLimits.Counter counter) {
        for (int slot = 0; slot < counter.slots(); slot++) {
            if (store.putIfAbsent(counter.key() + "." + slot, counter.ttlSeconds())) {
                return true;
            }
        }
        return false;
    }
}
