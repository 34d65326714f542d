package vn.vneid.sso.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

import vn.vneid.sso.otp.SendLimits;

/** The limiter against an in-memory store with the single-use store's contract (atomic putIfAbsent). */
class FixedWindowLimiterTest {

    private static final Instant T = Instant.parse("2026-11-24T08:15:00Z");

    @Test
    void theLimitHoldsAndRefusesWithItsReason() {
        FixedWindowLimiter limiter = new FixedWindowLimiter(new MemoryStore());
        SendLimits limits = new SendLimits(0, 0, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u" + i, "10.0.0.1", T))).isEmpty();
        }
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u9", "10.0.0.1", T)))
                .contains(SendLimits.Limit.IP);
        // Another address, and the next hour, are other counters.
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u9", "10.0.0.2", T))).isEmpty();
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u9", "10.0.0.1", T.plusSeconds(3600))))
                .isEmpty();
    }

    @Test
    void theCostOfASendDoesNotGrowWithItsRank() {
        MemoryStore store = new MemoryStore();
        FixedWindowLimiter limiter = new FixedWindowLimiter(store);
        SendLimits limits = new SendLimits(0, 0, 200);
        List<Integer> costs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int before = store.operations.get();
            assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u" + i, "10.0.0.1", T))).isEmpty();
            costs.add(store.operations.get() - before);
        }
        // One read of the hint, one putIfAbsent, one write of the hint: the first send and the 200th alike.
        assertThat(costs).containsOnly(3);
        int before = store.operations.get();
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u", "10.0.0.1", T)))
                .contains(SendLimits.Limit.IP);
        assertThat(store.operations.get() - before).isEqualTo(1);
    }

    @Test
    void aLostOrStaleHintNeverLetsMoreThrough() {
        MemoryStore store = new MemoryStore();
        FixedWindowLimiter limiter = new FixedWindowLimiter(store);
        SendLimits limits = new SendLimits(0, 0, 5);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(limits.counters("+84912345678", "u", "10.0.0.1", T));
        }
        String hintKey = hintKey(store);
        store.entries.remove(hintKey);
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u", "10.0.0.1", T))).isEmpty();
        store.entries.put(hintKey, Map.of("next", "0"));
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u", "10.0.0.1", T))).isEmpty();
        store.entries.put(hintKey, Map.of("next", "garbage"));
        assertThat(limiter.tryAcquire(limits.counters("+84912345678", "u", "10.0.0.1", T)))
                .contains(SendLimits.Limit.IP);
        assertThat(store.entries.keySet().stream().filter(k -> !k.endsWith(".next"))).hasSize(5);
    }

    @Test
    void concurrentSendersNeverExceedTheLimit() throws Exception {
        MemoryStore store = new MemoryStore();
        FixedWindowLimiter limiter = new FixedWindowLimiter(store);
        SendLimits limits = new SendLimits(0, 0, 200);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<SendLimits.Limit>>> sends = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String user = "u" + i;
                sends.add(pool.submit(() -> limiter.tryAcquire(limits.counters("+84912345678", user, "10.0.0.1", T))));
            }
            int granted = 0;
            for (Future<Optional<SendLimits.Limit>> send : sends) {
                if (send.get(60, TimeUnit.SECONDS).isEmpty()) {
                    granted++;
                }
            }
            assertThat(granted).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalByALaterCounterKeepsTheSlotsTakenBefore() {
        MemoryStore store = new MemoryStore();
        FixedWindowLimiter limiter = new FixedWindowLimiter(store);
        List<WindowCounter<String>> counters = List.of(new WindowCounter<>("first", "a", 2, 60),
                new WindowCounter<>("second", "b", 1, 60));
        assertThat(limiter.tryAcquire(counters)).isEmpty();
        assertThat(limiter.tryAcquire(counters)).contains("second");
        assertThat(limiter.tryAcquire(counters)).as("the refused try still took a's last slot").contains("first");
        assertThat(limiter.tryAcquire(List.<WindowCounter<String>>of())).isEmpty();
    }

    private static String hintKey(MemoryStore store) {
        return store.entries.keySet().stream().filter(k -> k.endsWith(".next")).findFirst().orElseThrow();
    }

    /** Keeps the entries of one window; lifespans do not matter inside it. Counts every store operation. */
    private static final class MemoryStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        final AtomicInteger operations = new AtomicInteger();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            operations.incrementAndGet();
            entries.put(key, Map.copyOf(notes));
        }

        @Override
        public Map<String, String> get(String key) {
            operations.incrementAndGet();
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            operations.incrementAndGet();
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            operations.incrementAndGet();
            return entries.replace(key, Map.copyOf(notes)) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            operations.incrementAndGet();
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            operations.incrementAndGet();
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }
}
