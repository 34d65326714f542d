package vn.vneid.sso.approval;

import java.time.Instant;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import vn.vneid.sso.intake.jpa.JpaApprovalQueue;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.sms.SmsCodeSender;
import vn.vneid.sso.sms.SmsException;
import vn.vneid.sso.sms.SmsGateway;

/**
 * Draws an activation code, keeps only its salted, keyed hash on the record, and later sends the code by SMS to the
 * record's phone. The code is in clear only between the two calls, in memory, and in the SMS.
 */
final class ActivationSms {

    private ActivationSms() {
    }

    /** @return the new code, to be sent once the transaction that stored its hash has committed */
    static String issue(JpaApprovalQueue queue, String recordId, ApprovalConfig config, Instant now, int resends) {
        String code = SmsCodeState.newCode(config.codePolicy());
        SmsCodeState state = SmsCodeState.sent(code, now, 0, resends, config.codeKey());
        queue.storeCode(recordId, state.hash(), state.salt(), now, now.plus(config.ttl()), resends);
        return code;
    }

    /** Sends the code; false when the gateway refused (the officer may send a new code). Never logs the code. */
    static boolean send(KeycloakSession session, ApprovalConfig config, UserModel citizen, String phone, String code) {
        SmsGateway gateway = config.smsGateway() == null ? session.getProvider(SmsGateway.class)
                : session.getProvider(SmsGateway.class, config.smsGateway());
        if (gateway == null) {
            return false;
        }
        try {
            gateway.send(phone, SmsCodeSender.localised(session, citizen, "vneidActivationSmsText", code,
                    String.valueOf(Math.max(1, config.ttl().toDays()))));
            return true;
        } catch (SmsException e) {
            return false;
        }
    }
}
