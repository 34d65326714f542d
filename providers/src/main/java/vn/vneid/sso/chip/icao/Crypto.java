package vn.vneid.sso.chip.icao;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance, passed explicitly where needed: the distribution ships BC but we never
 * register it globally, which would change algorithm choices for the rest of Keycloak.
 */
final class Crypto {

    static final Provider BC = new BouncyCastleProvider();

    private Crypto() {
    }
}
