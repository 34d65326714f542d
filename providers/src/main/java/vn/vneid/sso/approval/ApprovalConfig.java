package vn.vneid.sso.approval;

import java.time.Duration;

import vn.vneid.sso.otp.CodeHashKey;
import vn.vneid.sso.otp.SmsCodePolicy;

/**
 * The activation code's limits, server options of the approval endpoint
 * ({@code --spi-admin-realm-restapi-extension--vneid-approval--<key>}).
 *
 * <p>Lifetime 7 days by default: the code is sent when an officer approves, often days after the citizen stood at the
 * desk, and the citizen may be travelling or have no signal; a shorter life would send many back to the commune
 * police. It is safe because the code alone proves nothing: it works only with the national ID and the phone it was
 * sent to, for 5 tries in all over an 8-digit code (a guess succeeds with probability 5 in 10^8), and it dies when
 * used or replaced. Resends at the desk: 3, one a minute.
 *
 * @param codeLength digits of the activation code (6-10, default 8)
 * @param ttl lifetime of a code (1 hour to 30 days, default 7 days)
 * @param maxResends new codes an officer may send for one record (0-10, default 3)
 * @param resendCooldown wait between two codes for one record (default 60 s)
 * @param smsGateway the SMS gateway provider id, or null for the server's default
 * @param codeKey the key of the codes' hashes ({@code activation-code-key-file}), or null: unkeyed (start-dev only)
 */
public record ApprovalConfig(int codeLength, Duration ttl, int maxResends, Duration resendCooldown,
        String smsGateway, CodeHashKey codeKey) {

    public static final int DEFAULT_CODE_LENGTH = 8;
    public static final int DEFAULT_TTL_HOURS = 168;
    public static final int DEFAULT_MAX_RESENDS = 3;
    public static final int DEFAULT_RESEND_COOLDOWN_SECONDS = 60;

    public static ApprovalConfig defaults() {
        return new ApprovalConfig(DEFAULT_CODE_LENGTH, Duration.ofHours(DEFAULT_TTL_HOURS), DEFAULT_MAX_RESENDS,
                Duration.ofSeconds(DEFAULT_RESEND_COOLDOWN_SECONDS), null, null);
    }

    /** The code rules as the shared SMS-code classes read them (attempts are the activation page's business). */
    public SmsCodePolicy codePolicy() {
        return new SmsCodePolicy(codeLength, ttl, 1, resendCooldown, maxResends);
    }
}
