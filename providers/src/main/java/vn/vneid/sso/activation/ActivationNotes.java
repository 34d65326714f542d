package vn.vneid.sso.activation;

/** Authentication-session notes of the activation (the distributed session cache holds them). */
final class ActivationNotes {

    /** The citizen came through the login page's "Activate your account" link: this reset flow is an activation. */
    static final String MODE = "vneid.activation.mode";

    /** The account whose number, phone and code were right. */
    static final String SUBJECT = "vneid.activation.subject";

    /** The approved record those proved. */
    static final String RECORD = "vneid.activation.record";

    /** The account is activated: every later request of this activation shows the final page. */
    static final String DONE = "vneid.activation.done";

    /** The query parameter of the login page's link. */
    static final String LINK_PARAMETER = "vneid_activation";

    private ActivationNotes() {
    }
}
