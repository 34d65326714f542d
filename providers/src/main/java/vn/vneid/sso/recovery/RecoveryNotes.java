package vn.vneid.sso.recovery;

import vn.vneid.sso.otp.SmsCodeNotes;

/** Authentication-session notes of the recovery flow (the distributed session cache holds them). */
final class RecoveryNotes {

    /** Id of the account the code was sent for; absent when the ID has no account that can recover. */
    static final String SUBJECT = "vneid.recovery.subject";

    /** Hash of the national ID typed: counts sends of IDs without an account like those of IDs with one. */
    static final String ID_KEY = "vneid.recovery.idKey";

    /** Set to the account id once its code was right: the new-password step checks it again. */
    static final String CODE_VERIFIED = "vneid.recovery.codeVerified";

    /** The password was changed: every later request of this recovery shows the final page. */
    static final String DONE = "vneid.recovery.done";

    /** A message for the first page after the recovery restarted (set after the reset, which clears all notes). */
    static final String FLASH_ERROR = "vneid.recovery.flashError";

    /** The recovery code's state, apart from the login's so that one cannot stand in for the other. */
    static final SmsCodeNotes CODE = new SmsCodeNotes("vneid.recovery.sms.");

    private RecoveryNotes() {
    }
}
