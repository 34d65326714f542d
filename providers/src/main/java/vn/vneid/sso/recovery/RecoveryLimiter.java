package vn.vneid.sso.recovery;

import java.time.Clock;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Takes a slot in each counter of {@link RecoveryLimits} in Keycloak's replicated single-use store with
 * {@code putIfAbsent}, which is atomic across the cluster: two nodes never both take the last slot.
 */
final class RecoveryLimiter {

    private final SingleUseObjectProvider store;
    private final Clock clock;

    RecoveryLimiter(KeycloakSession session, Clock clock) {
        this.store = session.singleUseObjects();
        this.clock = clock;
    }

    /** @return the limit that refused this recovery, or empty when a slot was taken in every counter */
    Optional<RecoveryLimits.Limit> tryAcquire(RecoveryLimits limits, String realmId, String nationalId,
            String clientIp) {
        for (RecoveryLimits.Counter counter : limits.counters(realmId, nationalId, clientIp, clock.instant())) {
            if (!takeSlot(counter)) {
                return Optional.of(counter.limit());
            }
        }
        return Optional.empty();
    }

    private boolean takeSlot(RecoveryLimits.Counter counter) {
        for (int slot = 0; slot < counter.slots(); slot++) {
            if (store.putIfAbsent(counter.key() + "." + slot, counter.ttlSeconds())) {
                return true;
            }
        }
        return false;
    }
}
