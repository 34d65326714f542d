package vn.vneid.sso.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The SMS gateway, chosen per server with {@code --spi-vneid-sms--provider=outbox|http} (the {@code http} gateway
 * is the default so that a production server never writes codes to a file by omission).
 */
public final class SmsGatewaySpi implements Spi {

    public static final String NAME = "vneid-sms";

    // Not internal: "internal" SPIs make kc.sh build warn about every provider implementing them.
    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsGateway.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsGatewayFactory.class;
    }
}
