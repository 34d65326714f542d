package vn.vneid.sso.limit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Takes a slot in each of a list of {@link WindowCounter}s (SMS sends, recovery starts, registry lookups, activation
 * tries), in the replicated single-use store. The guarantee rests on {@code putIfAbsent} of slot
 * {@code key.i}, which is atomic across the cluster: two nodes can never both take the last slot.
 *
 * <p>Cost does not grow with the number of codes already sent in a window (issue #14): slots are only ever taken in
 * order and live until the window ends, so the taken ones always form a prefix {@code 0 .. n-1}. A hint entry
 * {@code key.next} records where that prefix ended for the last sender; the next sender starts there, so a send costs
 * one read, one {@code putIfAbsent} and one write whatever its rank, and a refusal costs one read. The hint is never
 * past the first free slot (it is written as "my slot + 1", and every slot below mine is taken), so starting from it
 * never skips a free slot; a lost or stale hint only costs extra probes. A probe that fails means another send took
 * that slot at the same moment, exactly as a failed compare-and-set would.
 */
public final class FixedWindowLimiter {

    private static final String NEXT = "next";

    private final SingleUseObjectProvider store;

    public FixedWindowLimiter(KeycloakSession session) {
        this(session.singleUseObjects());
    }

    public FixedWindowLimiter(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Counters are taken in order: a refusal by a later one leaves the slots taken in the earlier ones.
     *
     * @return the limit that refused, or empty when a slot was taken in every counter
     */
    public <L> Optional<L> tryAcquire(List<WindowCounter<L>> counters) {
        for (WindowCounter<L> counter : counters) {
            if (!takeSlot(counter)) {
                return Optional.of(counter.limit());
            }
        }
        return Optional.empty();
    }

    private boolean takeSlot(WindowCounter<?> counter) {
        String hintKey = counter.key() + "." + NEXT;
        for (int slot = readHint(hintKey); slot < counter.slots(); slot++) {
            if (store.putIfAbsent(counter.key() + "." + slot, counter.ttlSeconds())) {
                store.put(hintKey, counter.ttlSeconds(), Map.of(NEXT, Integer.toString(slot + 1)));
                return true;
            }
        }
        return false;
    }

    private int readHint(String hintKey) {
        Map<String, String> hint = store.get(hintKey);
        if (hint == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(hint.getOrDefault(NEXT, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
