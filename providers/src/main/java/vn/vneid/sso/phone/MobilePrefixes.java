package vn.vneid.sso.phone;

import java.util.Set;

/**
 * The mobile ranges of the Vietnamese numbering plan after the 2018 move to 10-digit numbers (MIC Decision
 * 798/QĐ-BTTTT): the two digits after the leading 0. Viettel 032-039, 086, 096-098; VinaPhone 081-085, 088, 091, 094;
 * MobiFone 070, 076-079, 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Reddi 055; Itel 087.
 */
final class MobilePrefixes {

    private static final Set<String> MOBILE = Set.of(
            "32", "33", "34", "35", "36", "37", "38", "39",
            "52", "55", "56", "58", "59",
            "70", "76", "77", "78", "79",
            "81", "82", "83", "84", "85", "86", "87", "88", "89",
            "90", "91", "92", "93", "94", "96", "97", "98", "99");

    private MobilePrefixes() {
    }

    static boolean isMobile(String twoDigits) {
        return MOBILE.contains(twoDigits);
    }
}
