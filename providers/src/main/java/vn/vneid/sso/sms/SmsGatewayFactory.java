package vn.vneid.sso.sms;

import org.keycloak.provider.ProviderFactory;

public interface SmsGatewayFactory extends ProviderFactory<SmsGateway> {
}
