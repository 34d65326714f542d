package vn.vneid.sso.phone;

public final class VerifyPhoneRequiredActionFactory extends PhoneRequiredActionFactory {

    public static final String PROVIDER_ID = "vneid-verify-phone";

    public VerifyPhoneRequiredActionFactory() {
        super(PROVIDER_ID, "VNeID: verify phone (SIM registered to the citizen)", "verified");
    }
}
