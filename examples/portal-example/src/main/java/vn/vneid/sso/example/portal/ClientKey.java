package vn.vneid.sso.example.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The service's signing key for {@code private_key_jwt}. Created on the first start in the app's data directory
 * (never committed) and kept, so the JWKS the server caches stays valid across restarts. Only the public half
 * leaves this class, as the JWKS the server fetches from the client's {@code jwks.url}.
 */
final class ClientKey {

    private ClientKey() {
    }

    static RSAKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (java.text.ParseException e) {
                throw new IOException("unreadable client key " + file + ": delete it to make a new one", e);
            }
        }
        try {
            // tag::client-key[]
            // RSA 2048 for PS256 (the portal's token.endpoint.auth.signing.alg; eTax uses EC P-256 and ES256).
            // The kid is the key's thumbprint: the server picks the key of an assertion by it.
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.PS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            // end::client-key[]
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The public JWKS: what the server reads to check the client's assertions. */
    static String publicJwks(RSAKey key) {
        // tag::jwks[]
        // toPublicJWK() drops the private parts: this is what the client's jwks.url serves.
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        // end::jwks[]
        return jwks;
    }
}
