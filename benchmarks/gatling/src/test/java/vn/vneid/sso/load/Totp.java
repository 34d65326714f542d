package vn.vneid.sso.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The current TOTP code (RFC 6238 over RFC 4226: HMAC-SHA1, 6 digits, 30-s steps) of the control realm's accounts. */
final class Totp {

    /** Keycloak keys the HMAC with the UTF-8 bytes of the stored secret. */
    static final String SECRET = "vneid-load-run-totp-secret";

    private Totp() {
    }

    static String now() {
        return at(SECRET.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 1000 / 30);
    }

    static String at(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
        }
    }
}
