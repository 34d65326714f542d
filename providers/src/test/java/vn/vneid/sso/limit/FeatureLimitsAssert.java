package vn.vneid.sso.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

/** Checks what one feature counts with {@link IdAddressLimits}, for the features' own tests. */
public final class FeatureLimitsAssert {

    private FeatureLimitsAssert() {
    }

    /**
     * @param limits the feature's limits read from an execution without config
     * @param first the counter taken first, with its default slots; {@code second} likewise
     */
    public static void assertCounts(IdAddressLimits limits, String keyPrefix, IdAddressLimits.Limit first,
            int firstSlots, int secondSlots, String idMessageKey, String addressMessageKey) {
        List<WindowCounter<IdAddressLimits.Limit>> counters = limits.counters("r", "001085012345", "10.0.0.1",
                Instant.EPOCH);
        IdAddressLimits.Limit second = first == IdAddressLimits.Limit.ID ? IdAddressLimits.Limit.ADDRESS
                : IdAddressLimits.Limit.ID;
        assertThat(counters).extracting(WindowCounter::limit, WindowCounter::slots)
                .containsExactly(tuple(first, firstSlots), tuple(second, secondSlots));
        assertThat(counters).allSatisfy(counter -> assertThat(counter.key()).startsWith(keyPrefix));
        assertThat(limits.feature().messageKey(IdAddressLimits.Limit.ID)).isEqualTo(idMessageKey);
        assertThat(limits.feature().messageKey(IdAddressLimits.Limit.ADDRESS)).isEqualTo(addressMessageKey);
    }
}
