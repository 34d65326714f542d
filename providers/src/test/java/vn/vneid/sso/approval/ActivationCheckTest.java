package vn.vneid.sso.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vneid.sso.otp.CodeHashKey;
import vn.vneid.sso.otp.SmsCodeState;

class ActivationCheckTest {

    static final Instant SENT = Instant.parse("2026-11-24T08:00:00Z");
    static final String PHONE = "+84912345678";
    static final String CODE = "12345678";

    static ActivationCheck.Stored stored(int attempts) {
        SmsCodeState state = SmsCodeState.sent(CODE, SENT, 0, 0);
        return new ActivationCheck.Stored(PHONE, state.hash(), state.salt(), SENT, SENT.plus(Duration.ofDays(7)),
                attempts);
    }

    static ActivationCheck.Result check(ActivationCheck.Stored stored, String phone, String code, Instant now) {
        return check(stored, phone, code, now, null);
    }

    static ActivationCheck.Result check(ActivationCheck.Stored stored, String phone, String code, Instant now,
            CodeHashKey key) {
        return ActivationCheck.check(stored, phone, code, now, code.length() < 4 ? 4 : Math.min(10, code.length()),
                5, key);
    }

    @Test
    void theRightPhoneAndCodeWithinTheLifetime() {
        assertThat(check(stored(0), PHONE, CODE, SENT.plus(Duration.ofDays(6))).accepted()).isTrue();
        assertThat(check(stored(4), PHONE, CODE, SENT.plusSeconds(1)).accepted()).isTrue();
    }

    @Test
    void aWrongCodeCountsOnlyWhenNumberAndPhoneWereRight() {
        ActivationCheck.Result wrong = check(stored(0), PHONE, "87654321", SENT.plusSeconds(60));
        assertThat(wrong.accepted()).isFalse();
        assertThat(wrong.reason()).isEqualTo("wrong_code");
        assertThat(wrong.countsAttempt()).isTrue();

        ActivationCheck.Result otherPhone = check(stored(0), "+84912345679", CODE, SENT.plusSeconds(60));
        assertThat(otherPhone.accepted()).isFalse();
        assertThat(otherPhone.reason()).isEqualTo("wrong_phone");
        assertThat(otherPhone.countsAttempt()).isFalse();

        ActivationCheck.Result none = check(null, PHONE, CODE, SENT);
        assertThat(none.accepted()).isFalse();
        assertThat(none.countsAttempt()).isFalse();
    }

    @Test
    void anExpiredCodeOrOneOutOfTriesFailsEvenWhenRight() {
        ActivationCheck.Result expired = check(stored(0), PHONE, CODE, SENT.plus(Duration.ofDays(7)));
        assertThat(expired.accepted()).isFalse();
        assertThat(expired.reason()).isEqualTo("code_expired");
        ActivationCheck.Result exhausted = check(stored(5), PHONE, CODE, SENT.plusSeconds(1));
        assertThat(exhausted.accepted()).isFalse();
        assertThat(exhausted.reason()).isEqualTo("attempts_exhausted");
        assertThat(exhausted.countsAttempt()).isFalse();
    }

    @Test
    void aKeyedCodeIsCheckedWithTheServersKey(@TempDir Path dir) throws IOException {
        CodeHashKey key = CodeHashKey.read(Files.writeString(dir.resolve("key"), "k".repeat(48)));
        SmsCodeState state = SmsCodeState.sent(CODE, SENT, 0, 0, key);
        ActivationCheck.Stored stored = new ActivationCheck.Stored(PHONE, state.hash(), state.salt(), SENT,
                SENT.plus(Duration.ofDays(7)), 0);
        assertThat(check(stored, PHONE, CODE, SENT.plusSeconds(60), key).accepted()).isTrue();
        // Checked on a node without the key, or after the key file changed: neither right nor wrong, and the
        // citizen's tries are not used up by the server's mistake.
        CodeHashKey other = CodeHashKey.read(Files.writeString(dir.resolve("other"), "o".repeat(48)));
        for (CodeHashKey notTheKey : new CodeHashKey[] {other, null}) {
            ActivationCheck.Result refused = check(stored, PHONE, CODE, SENT.plusSeconds(60), notTheKey);
            assertThat(refused.accepted()).isFalse();
            assertThat(refused.reason()).isEqualTo("code_key_missing");
            assertThat(refused.countsAttempt()).isFalse();
        }
        // A wrong code with the right key is an ordinary wrong code.
        assertThat(check(stored, PHONE, "87654321", SENT.plusSeconds(60), key).reason()).isEqualTo("wrong_code");
    }

    @Test
    void aUsedCodeIsGone() {
        ActivationCheck.Stored used = new ActivationCheck.Stored(PHONE, null, null, SENT, SENT.plusSeconds(60), 0);
        assertThat(check(used, PHONE, CODE, SENT).accepted()).isFalse();
    }
}
