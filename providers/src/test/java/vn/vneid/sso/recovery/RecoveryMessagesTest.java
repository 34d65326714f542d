package vn.vneid.sso.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.password.PersonalDataRule;

/** Every word of the recovery is a message key with a Vietnamese and an English text. */
class RecoveryMessagesTest {

    private static final Pattern MSG = Pattern.compile("msg\\(\"(vneid[A-Za-z]+)\"");

    static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RecoveryMessagesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vneid-recovery-id.ftl", "vneid-recovery-code.ftl", "vneid-recovery-password.ftl",
            "vneid-recovery-done.ftl"})
    void templateKeysExistInBothLanguages(String template) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/theme-resources/templates/" + template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = MSG.matcher(text);
        Set<String> keys = matcher.results().map(r -> r.group(1)).collect(Collectors.toSet());
        assertThat(keys).isNotEmpty();
        assertThat(bundle("vi").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void javaKeysExistInBothLanguages() throws IOException {
        Set<String> keys = new java.util.HashSet<>(Set.of("vneidRecoverySmsCodeText", "vneidRecoveryPasswordChangedSms",
                "vneidRecoveryCodeTooManyAttempts", "vneidRecoveryNationalIdHelp", "vneidRecoverySmsCodeHelp",
                "vneidRecoveryNewPasswordHelp", "vneidRecoveryLimitPerIdDay", "vneidRecoveryNotProven", "vneidRecoveryNeedsChip", "vneidRecoveryLimitPerAddressHour"));
        for (IdAddressLimits.Limit limit : IdAddressLimits.Limit.values()) {
            keys.add(RecoveryConfig.LIMITS.messageKey(limit));
        }
        for (PersonalDataRule.Finding finding : PersonalDataRule.Finding.values()) {
            keys.add(finding.messageKey());
        }
        assertThat(bundle("vi").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void smsTextsAreGsm7AndTheNoticeCarriesNoCodeOrLink() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            for (String key : new String[] {"vneidRecoverySmsCodeText", "vneidRecoveryPasswordChangedSms"}) {
                assertThat(bundle(language).getProperty(key)).as(language + " " + key).matches("[\\x20-\\x7E]+");
            }
            assertThat(bundle(language).getProperty("vneidRecoveryPasswordChangedSms"))
                    .doesNotContain("{").doesNotContain("http").doesNotContainPattern("\\d");
        }
    }
}
