package vn.vneid.sso.chip;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.RealmModel;

import vn.vneid.sso.chip.icao.AlgorithmPolicy;
import vn.vneid.sso.chip.icao.ChipVerifier;

/**
 * What a realm says about the chips it accepts, from realm attributes. Neither can make an untrusted document
 * count: the trust anchors are server options (issue #11), and a card must still match the account's national ID.
 * <ul>
 * <li>{@code vneid.chip.accepted-issuing-states}: the issuing States whose documents count, as the MRZ writes them
 * (ICAO 9303 part 3, comma-separated); absent means the CCCD's own, {@code VNM}.</li>
 * <li>{@code vneid.chip.refuse-sha1-active-authentication}: {@code true} refuses chips whose active authentication
 * hashes with SHA-1 (most RSA chips today).</li>
 * </ul>
 */
final class ChipRealmSettings {

    static final String ACCEPTED_ISSUING_STATES = "vneid.chip.accepted-issuing-states";
    static final String REFUSE_SHA1_ACTIVE_AUTHENTICATION = "vneid.chip.refuse-sha1-active-authentication";

    private ChipRealmSettings() {
    }

    static Set<String> acceptedIssuingStates(RealmModel realm) {
        String configured = realm.getAttribute(ACCEPTED_ISSUING_STATES);
        if (configured == null || configured.isBlank()) {
            return ChipVerifier.DEFAULT_ISSUING_STATES;
        }
        Set<String> states = Arrays.stream(configured.split(","))
                .map(state -> state.strip().toUpperCase(Locale.ROOT)).filter(state -> !state.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return states.isEmpty() ? ChipVerifier.DEFAULT_ISSUING_STATES : states;
    }

    static AlgorithmPolicy algorithmPolicy(RealmModel realm) {
        return AlgorithmPolicy.defaults().withSha1ForActiveAuthentication(
                !Boolean.parseBoolean(realm.getAttribute(REFUSE_SHA1_ACTIVE_AUTHENTICATION)));
    }
}
