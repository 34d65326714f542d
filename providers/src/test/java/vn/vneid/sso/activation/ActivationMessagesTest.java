package vn.vneid.sso.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.approval.ApprovalRules;
import vn.vneid.sso.limit.IdAddressLimits;

/** Every word of approval and activation is a message key with a Vietnamese and an English text. */
class ActivationMessagesTest {

    private static final Pattern MSG = Pattern.compile("msg\\(\"(vneid[A-Za-z]+)\"");

    static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ActivationMessagesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vneid-activation-code.ftl", "vneid-activation-password.ftl", "vneid-activation-done.ftl"})
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
        Set<String> keys = new HashSet<>(Set.of("vneidActivationSmsText", "vneidActivationInvalid",
                "vneidActivationNotProven", "vneidActivationQuestion", "vneidActivationLink", "approvalNoUnit",
                "approvalCommuneMalformed", "approvalPagingMalformed", "approvalUnknownRecord", "approvalMalformed",
                "approvalReasonRequired", "approvalNotApproved", "approvalResendLimit", "approvalResendTooEarly",
                "vneidActivationConditionHelp", "vneidActivationCodeHelp", "vneidActivationPasswordHelp",
                "vneidOfficerUnit", "vneidOfficerUnitMalformed"));
        for (ApprovalRules.Refusal refusal : ApprovalRules.Refusal.values()) {
            keys.add(refusal.messageKey());
        }
        for (IdAddressLimits.Limit limit : IdAddressLimits.Limit.values()) {
            keys.add(ActivationConfig.LIMITS.messageKey(limit));
        }
        ActivationConfig.PROPERTIES.forEach(p -> {
            keys.add(p.getLabel());
            keys.add(p.getHelpText());
        });
        assertThat(bundle("vi").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void theActivationSmsFitsOneGsmMessageAndLeadsWithTheCode() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            String text = new java.text.MessageFormat(bundle(language).getProperty("vneidActivationSmsText"))
                    .format(new Object[] {"12345678", "7"});
            assertThat(text).hasSizeLessThanOrEqualTo(160).matches("[\\x20-\\x7E]+");
            assertThat(text.indexOf("12345678")).isLessThan(text.indexOf("7 "));
        }
    }
}
