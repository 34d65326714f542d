package vn.vneid.sso.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class SmsCodeNotesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final SmsCodePolicy RULES_NOW = new SmsCodePolicy(8, Duration.ofMinutes(1), 5,
            Duration.ofSeconds(60), 3);

    private final Map<String, String> notes = new HashMap<>();
    private final AuthenticationSessionModel authSession = (AuthenticationSessionModel) Proxy.newProxyInstance(
            AuthenticationSessionModel.class.getClassLoader(), new Class<?>[] {AuthenticationSessionModel.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAuthNote" -> notes.get((String) args[0]);
                case "setAuthNote" -> notes.put((String) args[0], (String) args[1]);
                case "removeAuthNote" -> notes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final SmsCodeNotes codeNotes = new SmsCodeNotes("test.");

    @Test
    void aCodesOwnRulesComeBackWithIt() {
        SmsCodeState sent = SmsCodeState.sent("042917", T0, 1, 2).lasting(Duration.ofMinutes(5));
        codeNotes.write(authSession, sent);
        SmsCodeState read = codeNotes.read(authSession);
        assertThat(read).usingRecursiveComparison().isEqualTo(sent);
        assertThat(read.verify("042917", T0.plusSeconds(120), RULES_NOW)).isEqualTo(SmsCodeState.Verdict.ACCEPTED);
        assertThat(notes.values()).noneMatch(value -> value.contains("042917"));

        codeNotes.clear(authSession);
        assertThat(notes).isEmpty();
        assertThat(codeNotes.read(authSession)).isNull();
    }

    @Test
    void rulesLeftByAnotherCodeAreNotLent() {
        codeNotes.write(authSession, SmsCodeState.sent("042917", T0, 0, 0).lasting(Duration.ofMinutes(5)));
        // A node that does not know the rules note (a rolling upgrade) writes a new code over the old one's notes.
        SmsCodeState resent = SmsCodeState.sent("12345678", T0.plusSeconds(90), 0, 1);
        notes.put("test.hash", resent.hash());
        notes.put("test.salt", resent.salt());
        notes.put("test.sentAt", String.valueOf(resent.sentAt().toEpochMilli()));
        notes.put("test.resends", "1");
        SmsCodeState read = codeNotes.read(authSession);
        assertThat(read.codeLength(RULES_NOW)).as("the rules in force, not the old code's 6").isEqualTo(8);
        assertThat(read.lifetime(RULES_NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(read.verify("12345678", T0.plusSeconds(100), RULES_NOW))
                .isEqualTo(SmsCodeState.Verdict.ACCEPTED);
    }

    @Test
    void figuresOutOfBoundsAreNotTrusted() {
        SmsCodeState sent = SmsCodeState.sent("042917", T0, 0, 0).lasting(Duration.ofMinutes(5));
        codeNotes.write(authSession, sent);
        for (String rules : new String[] {"6:999999999999:", "6:0:", "6:x:", "0:300:", "99:300:", "6:-5:"}) {
            notes.put("test.rules", rules + sent.salt());
            SmsCodeState read = codeNotes.read(authSession);
            assertThat(read).as(rules + ": still the code, its counters kept").isNotNull();
            assertThat(read.lifetime(RULES_NOW)).as(rules).isIn(Duration.ofMinutes(5), Duration.ofMinutes(1));
            assertThat(read.codeLength(RULES_NOW)).as(rules).isIn(6, 8);
        }
        notes.put("test.rules", "6:999999999999:" + sent.salt());
        assertThat(codeNotes.read(authSession).lifetime(RULES_NOW)).isEqualTo(Duration.ofMinutes(1));
    }
}
