package vn.vneid.sso.otp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server secret that keys the hashes of codes kept in the database. An activation code lives for days and has 10^8
 * values: from its salted SHA-256 alone, a copy of the database yields the code in well under a second. Keyed with a
 * secret that is not in the database (a file only the server reads, such as a mounted secret; the same file on every
 * node), the hash is worthless without the server's file.
 */
public final class CodeHashKey {

    /** 32 bytes: HMAC-SHA256's own block of strength. {@code openssl rand -base64 48} gives 64 characters. */
    public static final int MIN_LENGTH = 32;
    static final int ID_LENGTH = 6;

    private final SecretKeySpec key;
    private final String id;

    private CodeHashKey(byte[] material) {
        this.key = new SecretKeySpec(material, "HmacSHA256");
        try {
            // Six characters of the key's SHA-256: which key hashed a code, kept beside it; says nothing of the key.
            this.id = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(material)).substring(0, ID_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Names this key among those a server may have had (a changed key file): six base64url characters. */
    public String id() {
        return id;
    }

    /**
     * The key in {@code file}: its text without surrounding white space, at least {@link #MIN_LENGTH} characters.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or too short: a server told to key its
     *     codes must not start without the key
     */
    public static CodeHashKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the code hash key file " + file + ": " + e.getMessage(), e);
        }
        if (text.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the code hash key in " + file + " has " + text.length()
                    + " characters; at least " + MIN_LENGTH + " are needed (openssl rand -base64 48)");
        }
        return new CodeHashKey(text.getBytes(StandardCharsets.UTF_8));
    }

    static CodeHashKey of(String material) {
        return new CodeHashKey(material.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 over the salt and the code, base64url. */
    String hash(String salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(salt.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(code.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "CodeHashKey[hidden]";
    }
}
