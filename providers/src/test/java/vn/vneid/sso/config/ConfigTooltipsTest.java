package vn.vneid.sso.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the admin console says of each setting of our flow steps and required actions: a label and a help text in
 * both languages, and the help text of a setting with a default names it, as the code has it (an operator reads it
 * to decide; the console shows the field empty once it is cleared).
 */
class ConfigTooltipsTest {

    private static final Pattern DEFAULT_EN = Pattern.compile("Default:? ([^ .,;)]+)");
    private static final Pattern DEFAULT_VI = Pattern.compile("Mặc định:? ([^ .,;)]+)");

    @Test
    void everySettingIsExplainedInBothLanguagesWithTheDefaultTheCodeUses() throws IOException {
        Properties vi = bundle("vi");
        Properties en = bundle("en");
        List<ProviderConfigProperty> settings = settings();
        assertThat(settings).as("the flow steps' and required actions' settings").hasSizeGreaterThan(20);
        List<String> checked = new ArrayList<>();
        for (ProviderConfigProperty setting : settings) {
            for (String key : new String[] {setting.getLabel(), setting.getHelpText()}) {
                assertThat(vi.getProperty(key)).as("vi " + key + " of " + setting.getName()).isNotBlank();
                assertThat(en.getProperty(key)).as("en " + key + " of " + setting.getName()).isNotBlank();
            }
            Object value = setting.getDefaultValue();
            if (value == null) {
                continue;
            }
            String help = setting.getHelpText();
            assertNamedDefault(DEFAULT_EN, en.getProperty(help), value, "en " + help);
            assertNamedDefault(DEFAULT_VI, vi.getProperty(help), value, "vi " + help);
            checked.add(setting.getName());
        }
        assertThat(checked).contains("code-length", "min-valid-days", "limit-per-ip-hour",
                "throttle-base-delay-seconds");
    }

    private static void assertNamedDefault(Pattern pattern, String text, Object value, String what) {
        Matcher named = pattern.matcher(text);
        assertThat(named.find()).as(what + " names the default: " + text).isTrue();
        assertThat(named.group(1)).as(what + ": " + text).isEqualTo(String.valueOf(value));
        assertThat(named.find()).as(what + " names one default: " + text).isFalse();
    }

    /** The settings of every flow step and required action our jar registers (its own service files). */
    private static List<ProviderConfigProperty> settings() throws IOException {
        List<ProviderConfigProperty> settings = new ArrayList<>();
        for (Object factory : registered(AuthenticatorFactory.class)) {
            List<ProviderConfigProperty> properties = ((AuthenticatorFactory) factory).getConfigProperties();
            if (properties != null) {
                settings.addAll(properties);
            }
        }
        for (Object factory : registered(RequiredActionFactory.class)) {
            if (((RequiredActionFactory) factory).isConfigurable()) {
                settings.addAll(((RequiredActionFactory) factory).getConfigMetadata());
            }
        }
        return settings;
    }

    private static List<Object> registered(Class<?> spi) throws IOException {
        List<Object> factories = new ArrayList<>();
        try (InputStream in = ConfigTooltipsTest.class.getResourceAsStream("/META-INF/services/" + spi.getName())) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    try {
                        factories.add(Class.forName(line.strip()).getConstructor().newInstance());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(line, e);
                    }
                }
            }
        }
        assertThat(factories).as(spi.getSimpleName()).isNotEmpty();
        return factories;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConfigTooltipsTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
