package vn.vneid.sso.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A national system's back end asking for a token with its service account (client-credentials grant), as FAPI 2.0
 * wants it: a {@code private_key_jwt} client assertion (PS256, {@code aud} the issuer) and a DPoP proof (ES256) on
 * every request. The same key serves the client of our realm and the one of the control realm, so both realms verify
 * the same cryptography and the ratio shows what the realm adds.
 */
final class ServiceClient {

    private final RSAKey clientKey;
    private final ECKey dpopKey;
    private final RSASSASigner assertionSigner;
    private final ECDSASigner proofSigner;

    private ServiceClient(RSAKey clientKey) throws JOSEException {
        this.clientKey = clientKey;
        this.dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        this.assertionSigner = new RSASSASigner(clientKey);
        this.proofSigner = new ECDSASigner(dpopKey);
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key LoadRealms wrote (private JWK). */
    static ServiceClient fromKeyFile(Path file) {
        try {
            return new ServiceClient(RSAKey.parse(Files.readString(file)));
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read the service client's key " + file, e);
        }
    }

    /** A single-use assertion: a fresh {@code jti}, one minute of validity. */
    String assertion(String clientId, String issuer) {
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(issuer)
                .jwtID(UUID.randomUUID().toString()).issueTime(now).expirationTime(new Date(now.getTime() + 60_000))
                .build();
        return sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(clientKey.getKeyID()).build(), claims,
                assertionSigner);
    }

    /** A DPoP proof for one POST to {@code url}. */
    String proof(String url) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST")
                .claim("htu", url).issueTime(new Date()).build();
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(dpopKey.toPublicJWK()).build(), claims, proofSigner);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
