package vn.vneid.sso.sms;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/** Sends a one-time code as a localised SMS through the chosen gateway. Shared by every step that sends codes. */
public final class SmsCodeSender {

    private SmsCodeSender() {
    }

    /**
     * The SMS is written without diacritics on purpose (message key {@code vneidSmsCodeText}): plain GSM-7 text
     * fits one 160-character message, while Vietnamese with diacritics switches the SMS to UCS-2 (70 characters).
     *
     * @param gatewayId the SMS gateway provider id, or null for the server's default
     */
    public static void send(KeycloakSession session, UserModel user, String gatewayId, String to, String code,
            Duration ttl) throws SmsException {
        SmsGateway gateway = gatewayId == null
                ? session.getProvider(SmsGateway.class)
                : session.getProvider(SmsGateway.class, gatewayId);
        if (gateway == null) {
            throw new SmsException("no SMS gateway '" + gatewayId + "' is deployed");
        }
        gateway.send(to, text(session, user, code, ttl));
    }

    private static String text(KeycloakSession session, UserModel user, String code, Duration ttl)
            throws SmsException {
        return localised(session, user, "vneidSmsCodeText", code, String.valueOf(Math.max(1, ttl.toMinutes())));
    }

    /**
     * An SMS text from the login theme's messages in the citizen's language; every SMS we send is a message key
     * (written without diacritics, see above).
     */
    public static String localised(KeycloakSession session, UserModel user, String key, Object... arguments)
            throws SmsException {
        Locale locale = session.getContext().resolveLocale(user);
        try {
            String pattern = ThemeMessages.get(session.theme().getTheme(Theme.Type.LOGIN),
                    session.getContext().getRealm(), locale, key);
            if (pattern == null) {
                throw new SmsException("message " + key + " missing for " + locale);
            }
            return new MessageFormat(pattern, locale).format(arguments);
        } catch (IOException e) {
            throw new SmsException("cannot load the login theme's messages", e);
        }
    }
}
