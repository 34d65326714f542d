package vn.vneid.sso.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

class ThemeMessagesTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String KEY = "vneidSmsCodeText";

    /** A theme whose every merge is counted, answering with the realm's override where it has one. */
    private static final class CountingTheme {
        final AtomicInteger merges = new AtomicInteger();
        final Theme theme = (Theme) Proxy.newProxyInstance(Theme.class.getClassLoader(), new Class<?>[] {Theme.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEnhancedMessages" -> {
                        merges.incrementAndGet();
                        RealmModel realm = (RealmModel) args[0];
                        Properties messages = new Properties();
                        messages.setProperty(KEY, "theme " + args[1]);
                        String override = realm.getRealmLocalizationTextsByLocale(((Locale) args[1]).toLanguageTag())
                                .get(KEY);
                        if (override != null) {
                            messages.setProperty(KEY, override);
                        }
                        yield messages;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A realm with Vietnamese as its default language and the localization texts an operator set. */
    private static final class FakeRealm {
        final Map<String, Map<String, String>> texts = new HashMap<>();
        String defaultLocale = "vi";
        final RealmModel realm = (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(),
                new Class<?>[] {RealmModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> "realm-1";
                    case "isInternationalizationEnabled" -> true;
                    case "getDefaultLocale" -> defaultLocale;
                    case "getRealmLocalizationTextsByLocale" -> texts.getOrDefault((String) args[0], Map.of());
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSameTextIsMergedOnceForTheSameThemeRealmAndLanguage() throws Exception {
        CountingTheme theme = new CountingTheme();
        FakeRealm realm = new FakeRealm();
        for (int i = 0; i < 5; i++) {
            assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, KEY)).isEqualTo("theme vi");
        }
        assertThat(theme.merges).hasValue(1);
        assertThat(ThemeMessages.get(theme.theme, realm.realm, Locale.ENGLISH, KEY)).isEqualTo("theme en");
        assertThat(theme.merges).hasValue(2);
    }

    @Test
    void anOperatorsTextForTheKeyAppliesToTheNextLookupAndItsRemovalToo() throws Exception {
        CountingTheme theme = new CountingTheme();
        FakeRealm realm = new FakeRealm();
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, KEY)).isEqualTo("theme vi");

        realm.texts.put("vi", Map.of(KEY, "operator vi"));
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, KEY)).isEqualTo("operator vi");

        realm.texts.put("vi", Map.of(KEY, "operator vi, edited"));
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, KEY)).isEqualTo("operator vi, edited");

        realm.texts.clear();
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, KEY)).isEqualTo("theme vi");
    }

    @Test
    void anOverrideInAFallbackLanguageOrOfAnotherKeyIsPartOfWhatTheTextCameFrom() throws Exception {
        CountingTheme theme = new CountingTheme();
        FakeRealm realm = new FakeRealm();
        ThemeMessages.get(theme.theme, realm.realm, VI, KEY);

        realm.texts.put("vi", Map.of("anotherKey", "x"));
        ThemeMessages.get(theme.theme, realm.realm, VI, KEY);
        assertThat(theme.merges).as("another key's text does not change this one").hasValue(1);

        // Vietnamese falls back to English (Keycloak's order for the realm's default language): an English text set
        // by the operator may decide the Vietnamese message, so the theme is asked again.
        realm.texts.put("en", Map.of(KEY, "operator en"));
        ThemeMessages.get(theme.theme, realm.realm, VI, KEY);
        assertThat(theme.merges).hasValue(2);
    }

    @Test
    void aNewThemeInstanceOrOtherLanguageSettingsAreReadAgain() throws Exception {
        CountingTheme first = new CountingTheme();
        CountingTheme reloaded = new CountingTheme();
        FakeRealm realm = new FakeRealm();
        ThemeMessages.get(first.theme, realm.realm, VI, KEY);
        ThemeMessages.get(reloaded.theme, realm.realm, VI, KEY);
        assertThat(reloaded.merges).as("Keycloak's theme cache off or cleared: a new instance").hasValue(1);

        realm.defaultLocale = "en";
        ThemeMessages.get(first.theme, realm.realm, VI, KEY);
        assertThat(first.merges).hasValue(2);
    }

    @Test
    void aMissingMessageStaysMissing() throws Exception {
        CountingTheme theme = new CountingTheme();
        FakeRealm realm = new FakeRealm();
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, "noSuchKey")).isNull();
        assertThat(ThemeMessages.get(theme.theme, realm.realm, VI, "noSuchKey")).isNull();
        assertThat(theme.merges).hasValue(1);
    }
}
