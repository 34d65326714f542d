package vn.vneid.sso.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PairwiseSaltsTest {

    @Test
    void missingEmptyAndUnresolvedPlaceholdersAreNotSalts() {
        assertThat(PairwiseSalts.usable(null)).isFalse();
        assertThat(PairwiseSalts.usable("")).isFalse();
        assertThat(PairwiseSalts.usable("  ")).isFalse();
        assertThat(PairwiseSalts.usable("${VNEID_PAIRWISE_SALT}")).isFalse();
        assertThat(PairwiseSalts.usable("kT3v9wQ-secret")).isTrue();
    }

    @Test
    void drawnSaltsAre256BitsAndDiffer() {
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String salt = PairwiseSalts.draw();
            assertThat(salt).hasSize(43).matches("[A-Za-z0-9_-]+");
            salts.add(salt);
        }
        assertThat(salts).hasSize(100);
    }
}
