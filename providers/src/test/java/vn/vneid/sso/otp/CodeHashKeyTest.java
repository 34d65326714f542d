package vn.vneid.sso.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeHashKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final SmsCodePolicy FOUR_DIGITS = new SmsCodePolicy(4, Duration.ofDays(7), 5, Duration.ZERO, 0);

    @TempDir
    Path dir;

    @Test
    void aCopyOfTheDatabaseIsNotEnoughToFindTheCode() {
        CodeHashKey key = CodeHashKey.of("k".repeat(48));
        SmsCodeState stored = SmsCodeState.sent("0427", T0, 0, 0, key);
        // What someone holding the hash and the salt (not the key) can do: try every code the unkeyed way.
        for (int i = 0; i < 10_000; i++) {
            String guess = String.format("%04d", i);
            assertThat(SmsCodeState.hash(guess, stored.salt())).isNotEqualTo(stored.hash());
        }
        // With the key the same search finds it, and only it.
        long found = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> String.format("%04d", i))
                .filter(guess -> key.hash(stored.salt(), guess).equals(stored.hash())).count();
        assertThat(found).isEqualTo(1);
        assertThat(stored.verify("0427", T0, FOUR_DIGITS, key)).isEqualTo(SmsCodeState.Verdict.ACCEPTED);
    }

    @Test
    void theHashIsStandardHmacSha256AsBouncyCastleComputesIt() {
        // An implementation we did not write (Bouncy Castle's HMac over its own SHA-256): the stored hash is
        // HMAC-SHA256(key, salt || 0x00 || code), base64url, so any tool can check a row given the key file.
        String material = "m".repeat(40);
        String salt = "k1.abcdef.0123456789abcdefghijkl";
        org.bouncycastle.crypto.macs.HMac hmac = new org.bouncycastle.crypto.macs.HMac(
                new org.bouncycastle.crypto.digests.SHA256Digest());
        hmac.init(new org.bouncycastle.crypto.params.KeyParameter(material.getBytes(StandardCharsets.UTF_8)));
        byte[] data = (salt + "\u0000" + "12345678").getBytes(StandardCharsets.US_ASCII);
        hmac.update(data, 0, data.length);
        byte[] expected = new byte[hmac.getMacSize()];
        hmac.doFinal(expected, 0);
        assertThat(CodeHashKey.of(material).hash(salt, "12345678"))
                .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void theSaltNamesTheKeyAndFitsTheColumn() {
        CodeHashKey key = CodeHashKey.of("k".repeat(48));
        CodeHashKey other = CodeHashKey.of("o".repeat(48));
        SmsCodeState stored = SmsCodeState.sent("12345678", T0, 0, 0, key);
        assertThat(stored.salt()).hasSize(32).startsWith("k1." + key.id() + ".");
        assertThat(key.id()).hasSize(6).isNotEqualTo(other.id()).doesNotContain("kkk");
        assertThat(SmsCodeState.needsAnotherKey(stored.salt(), key)).isFalse();
        assertThat(SmsCodeState.needsAnotherKey(stored.salt(), other)).isTrue();
        assertThat(SmsCodeState.needsAnotherKey(stored.salt(), null)).isTrue();
        assertThat(SmsCodeState.needsAnotherKey(SmsCodeState.sent("12345678", T0, 0, 0).salt(), null)).isFalse();
    }

    @Test
    void readsTheFileWithoutItsLineEnd() throws IOException {
        Path file = Files.writeString(dir.resolve("code-key"), "a".repeat(40) + "\n");
        CodeHashKey key = CodeHashKey.read(file);
        assertThat(key.hash("salt", "1234")).isEqualTo(CodeHashKey.of("a".repeat(40)).hash("salt", "1234"));
        assertThat(key.toString()).doesNotContain("aaaa");
    }

    @Test
    void aShortOrMissingKeyStopsTheServerWithTheReason() throws IOException {
        Path shortKey = Files.writeString(dir.resolve("short"), "secret\n");
        assertThatThrownBy(() -> CodeHashKey.read(shortKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 characters").hasMessageContaining("at least 32")
                .hasMessageNotContaining("secret\n");
        assertThatThrownBy(() -> CodeHashKey.read(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
    }
}
