package vn.vneid.sso.chip.icao;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ICAO 9303 part 3 writes the issuing State in the MRZ as an ISO 3166-1 alpha-3 code ("VNM"), with a few ICAO
 * codes of its own ("D" for Germany, padded "D<<"); certificates name their country as ISO 3166-1 alpha-2 ("VN",
 * ICAO 9303-12 §7.1.1.1.1 requires the C= attribute in CSCA and Document Signer names). This maps one to the other.
 */
final class IssuingStates {

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                ALPHA3_TO_ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (java.util.MissingResourceException e) {
                // a code without an alpha-3 form names no issuing State
            }
        }
        ALPHA3_TO_ALPHA2.put("D", "DE");
        // ICAO 9303 part 3 codes for British nationals of other categories: all issued under the UK's CSCA.
        for (String uk : new String[] {"GBD", "GBN", "GBO", "GBP", "GBS"}) {
            ALPHA3_TO_ALPHA2.put(uk, "GB");
        }
    }

    private IssuingStates() {
    }

    /** The issuing State of a TD1 or TD3 MRZ (characters 3-5, fillers removed), e.g. "VNM" or "D". */
    static String fromMrz(String mrz) throws ChipVerificationException {
        if (mrz == null || mrz.length() < 5) {
            throw Lds.malformed("DG1 holds no issuing state");
        }
        return mrz.substring(2, 5).replace("<", "");
    }

    /** @return the alpha-2 code, or null for a code we cannot map */
    static String alpha2(String issuingState) {
        return ALPHA3_TO_ALPHA2.get(issuingState);
    }
}
