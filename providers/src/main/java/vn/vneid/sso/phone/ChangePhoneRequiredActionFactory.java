package vn.vneid.sso.phone;

public final class ChangePhoneRequiredActionFactory extends PhoneRequiredActionFactory {

    public static final String PROVIDER_ID = "vneid-change-phone";

    public ChangePhoneRequiredActionFactory() {
        super(PROVIDER_ID, "VNeID: change phone (old phone code or chip ID card)", "changed");
    }
}
