package vn.vneid.sso.kc;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The JSON errors of our REST endpoints: {@code error} is a stable code for programs, {@code error_description} the
 * message of the same key the pages use, in the caller's language (Accept-Language, else the user's locale).
 */
public final class KcJsonErrors {

    private static final Logger LOG = Logger.getLogger(KcJsonErrors.class);

    private KcJsonErrors() {
    }

    /** @param user whose locale applies when the request names none; may be null */
    public static Response error(KeycloakSession session, UserModel user, int status, String code, String messageKey,
            Object... arguments) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", message(session, user, messageKey, arguments));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static String message(KeycloakSession session, UserModel user, String messageKey, Object... arguments) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(session.getContext().getRealm(), locale);
            String pattern = messages.getProperty(messageKey);
            if (pattern != null) {
                return arguments.length == 0 ? pattern
                        : new java.text.MessageFormat(pattern, locale).format(arguments);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("messages unavailable for a JSON error", e);
        }
        return messageKey;
    }
}
