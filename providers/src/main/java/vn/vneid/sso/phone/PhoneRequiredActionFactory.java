package vn.vneid.sso.phone;

import java.time.Clock;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

import vn.vneid.sso.config.InvalidValue;

/**
 * Binding a verified phone and changing it are one {@link PhoneRequiredAction} under two ids: each id has its own
 * label and event step, both share {@link VerifyPhoneConfig}. No server-wide state.
 */
abstract class PhoneRequiredActionFactory implements RequiredActionFactory {

    private final String id;
    private final String displayText;
    private final String eventStep;

    PhoneRequiredActionFactory(String id, String displayText, String eventStep) {
        this.id = id;
        this.displayText = displayText;
        this.eventStep = eventStep;
    }

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return new PhoneRequiredAction(Clock.systemUTC(), id, eventStep);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayText() {
        return displayText;
    }

    @Override
    public final boolean isConfigurable() {
        return true;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        return VerifyPhoneConfig.PROPERTIES;
    }

    /**
     * A value out of its bounds is refused when the action's config is saved (the admin API answers 400 naming it,
     * the console shows why), rather than saved and then read as the defaults. Keycloak calls this from the config
     * endpoint only; a realm import or a PUT of the whole action stores a config unchecked, so reading it stays safe
     * on its own ({@link VerifyPhoneConfig#of}).
     */
    @Override
    public final void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        List<InvalidValue> invalid = VerifyPhoneConfig.invalid(model.getConfig());
        if (!invalid.isEmpty()) {
            InvalidValue first = invalid.get(0);
            String message = !first.isNumber() ? ValidationError.MESSAGE_INVALID_VALUE
                    : first.max() == Integer.MAX_VALUE ? "error-number-out-of-range-too-small"
                    : "error-number-out-of-range";
            throw new ValidationException(new ValidationError(id, first.key(), message, first.min(), first.max()));
        }
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
