package vn.vneid.sso.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** Policy id {@code vneidNotPersonalData}, used in the realm's {@code passwordPolicy} without a value. */
public final class NotPersonalDataPasswordPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String ID = "vneidNotPersonalData";

    private static final NotPersonalDataPasswordPolicyProvider PROVIDER = new NotPersonalDataPasswordPolicyProvider();

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayName() {
        return "VNeID: not the national ID, birth date or phone";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
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
