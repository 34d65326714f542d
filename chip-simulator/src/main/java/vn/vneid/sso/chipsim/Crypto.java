package vn.vneid.sso.chipsim;

import java.security.Provider;
import java.security.SecureRandom;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance: passed explicitly, never registered, so we change no JVM-wide state. */
final class Crypto {

    static final Provider BC = new BouncyCastleProvider();
    static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }
}
