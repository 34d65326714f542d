package vn.vneid.sso.selfreg;

import java.time.Clock;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Takes a slot in each counter of {@link LookupLimits} in Keycloak's replicated single-use store with
 * {@code putIfAbsent}, which is atomic across the cluster: two nodes never both take the last slot.
 */
final class LookupLimiter {

    private final SingleUseObjectProvider store;
    private final Clock clock;

    LookupLimiter(KeycloakSession session, Clock clock) {
        this.store = session.singleUseObjects();
        this.clock = clock;
    }

    /** @return the limit that refused this lookup, or empty when a slot was taken in every counter */
    Optional<LookupLimits.Limit> tryAcquire(LookupLimits limits, String realmId, String clientIp, String nationalId) {
        for (LookupLimits.Counter counter : limits.counters(realmId, clientIp, nationalId, clock.instant())) {
            if (!takeSlot(counter)) {
                return Optional.of(counter.limit());
            }
        }
        return Optional.empty();
    }

    private boolean takeSlot(LookupLimits.Counter counter) {
        for (int slot = 0; slot < counter.slots(); slot++) {
            if (store.putIfAbsent(counter.key() + "." + slot, counter.ttlSeconds())) {
                return true;
            }
        }
        return false;
    }
}
