package vn.vneid.sso.selfreg;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a typed full name is the registry's name (issue #15, level-1 registration). The rules:
 * <ul>
 * <li>Unicode form does not matter: composed and decomposed "ễ" are the same letter (NFC).</li>
 * <li>Case does not matter, nor blanks at the ends, repeated blanks, tabs or no-break spaces between words.</li>
 * <li>Where the tone mark sits does not matter: the old and new spellings "Hòa"/"Hoà", "Thủy"/"Thuỷ" are one name.
 * Each word is compared as its letters without tone marks plus the tone it carries.</li>
 * <li>Diacritics do matter: "Nguyen" is not "Nguyễn", "Lan" is not "Lân", "D" is not "Đ". The population database
 * holds names with their diacritics and different names differ only by them.</li>
 * <li>Word order and every word count: "Văn An Nguyễn" and "Nguyễn An" are not "Nguyễn Văn An".</li>
 * </ul>
 */
public final class PersonNames {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** The five Vietnamese tone marks as combining characters: grave, acute, hook above, tilde, dot below. */
    private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

    private PersonNames() {
    }

    public static boolean same(String typed, String registered) {
        if (typed == null || registered == null) {
            return false;
        }
        List<String> a = key(typed);
        return !a.isEmpty() && a.equals(key(registered));
    }

    /** The name as the citizen should see it: NFC, blanks collapsed, as typed otherwise. */
    public static String tidy(String name) {
        return name == null ? "" : String.join(" ", words(name));
    }

    static List<String> key(String name) {
        List<String> keys = new ArrayList<>();
        for (String word : words(name)) {
            keys.add(wordKey(word.toLowerCase(VIETNAMESE)));
        }
        return keys;
    }

    private static List<String> words(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
        List<String> words = new ArrayList<>();
        for (String word : nfc.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The word's letters without tone marks, then the tone marks it carries wherever they sat. */
    private static String wordKey(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (TONE_MARKS.indexOf(c) >= 0) {
                tones.append(c);
            } else {
                letters.append(c);
            }
        }
        char[] sortedTones = tones.toString().toCharArray();
        java.util.Arrays.sort(sortedTones);
        return Normalizer.normalize(letters, Normalizer.Form.NFC) + "|" + new String(sortedTones);
    }
}
