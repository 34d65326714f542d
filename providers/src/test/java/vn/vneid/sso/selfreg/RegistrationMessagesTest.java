package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.vneid.sso.limit.IdAddressLimits;

/** Every word of the level-1 registration is a message key with a Vietnamese and an English text (issue #15). */
class RegistrationMessagesTest {

    private static final Pattern MSG = Pattern.compile("msg\\(\"(vneid[A-Za-z]+)\"");

    static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RegistrationMessagesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vneid-register-identity.ftl", "vneid-register-code.ftl", "vneid-register-password.ftl",
            "vneid-register-done.ftl", "vneid-register-exists.ftl"})
    void templateKeysExistInBothLanguages(String template) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/theme-resources/templates/" + template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> keys = MSG.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toSet());
        assertThat(keys).isNotEmpty();
        assertThat(bundle("vi").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void javaKeysExistInBothLanguages() throws IOException {
        Set<String> keys = new HashSet<>(Set.of("vneidRegisterNameMissing", "vneidRegisterNameTooLong",
                "vneidRegisterBirthDateInvalid", "vneidRegisterGenderMissing", "vneidRegisterIdDisagrees",
                "vneidRegisterRegistryUnavailable", "vneidRegisterPhoneInUse", "vneidRegisterCodeTooManyAttempts",
                "vneidRegisterIdentityHelp", "vneidRegisterCodeHelp", "vneidRegisterPasswordHelp"));
        for (RegistrationCheck.Verdict verdict : RegistrationCheck.Verdict.values()) {
            if (verdict.messageKey() != null) {
                keys.add(verdict.messageKey());
            }
        }
        for (IdAddressLimits.Limit limit : IdAddressLimits.Limit.values()) {
            keys.add(RegistrationConfig.LOOKUP_LIMITS.messageKey(limit));
        }
        RegistrationConfig.PROPERTIES.forEach(p -> {
            keys.add(p.getLabel());
            keys.add(p.getHelpText());
        });
        assertThat(bundle("vi").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }
}
