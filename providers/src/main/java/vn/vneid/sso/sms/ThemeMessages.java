package vn.vneid.sso.sms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.RealmModel;
import org.keycloak.services.util.LocaleUtil;
import org.keycloak.theme.Theme;

/**
 * One message of a theme in one language, exactly as Keycloak's {@code getEnhancedMessages(realm, locale)} gives it
 * (the theme's bundles under the realm's own localization texts), without that call's merge of every message of the
 * theme for each SMS: the merge was a third of what sending a code cost the server.
 * <p>
 * A text is reused while everything it came from is unchanged: the theme instance (Keycloak hands out a new one when
 * its theme cache is off or cleared, so an edited theme is read again), the realm's language settings, the locale,
 * and the realm's override of the key in each language Keycloak falls back through (an operator's edit in Realm
 * settings, Localization, applies to the next SMS).
 */
final class ThemeMessages {

    /** Texts kept per theme instance; more than this many (key, language, override) variants start over. */
    private static final int MAX_PER_THEME = 1024;
    private static final int MAX_FALLBACKS = 8;

    private static final Map<Theme, Map<Source, Optional<String>>> TEXTS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private record Source(String realmId, boolean internationalization, String defaultLocale, Locale locale,
            String key, List<String> realmOverrides) {
    }

    private ThemeMessages() {
    }

    /** The message, or null where neither the theme nor the realm has it. */
    static String get(Theme theme, RealmModel realm, Locale locale, String key) throws IOException {
        Source source = new Source(realm.getId(), realm.isInternationalizationEnabled(), realm.getDefaultLocale(),
                locale, key, realmOverrides(realm, locale, key));
        Map<Source, Optional<String>> texts = TEXTS.computeIfAbsent(theme, t -> new ConcurrentHashMap<>());
        Optional<String> text = texts.get(source);
        if (text == null) {
            text = Optional.ofNullable(theme.getEnhancedMessages(realm, locale).getProperty(key));
            if (texts.size() >= MAX_PER_THEME) {
                texts.clear();
            }
            texts.put(source, text);
        }
        return text.orElse(null);
    }

    /** The realm's own text for the key in the locale and each language after it in Keycloak's fallback order. */
    private static List<String> realmOverrides(RealmModel realm, Locale locale, String key) {
        List<String> overrides = new ArrayList<>(3);
        Locale current = locale;
        for (int i = 0; current != null && i < MAX_FALLBACKS; i++) {
            overrides.add(realm.getRealmLocalizationTextsByLocale(current.toLanguageTag()).get(key));
            current = LocaleUtil.getParentLocale(current, realm);
        }
        return overrides;
    }
}
