package vn.vneid.sso.phone;

import java.time.Clock;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class ChangePhoneRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "vneid-change-phone";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new PhoneRequiredAction(Clock.systemUTC(), PROVIDER_ID, "changed");
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "VNeID: change phone (old phone code or chip ID card)";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return VerifyPhoneConfig.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
