package vn.vneid.sso.sms;

import org.keycloak.provider.Provider;

/** Sends one text message. Implementations never log the text: it carries one-time codes. */
public interface SmsGateway extends Provider {

    /**
     * @param to   the destination in E.164 form (+84...)
     * @param text the message, already localised
     * @throws SmsException when the message was not accepted; the caller tells the citizen to try again
     */
    void send(String to, String text) throws SmsException;

    @Override
    default void close() {
    }
}
