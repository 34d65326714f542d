package vn.vneid.sso.phone;

/** How a phone number is shown on a page: only its last three digits, as the citizen knows it (0-prefixed). */
public final class PhoneMask {

    private static final int VISIBLE = 3;

    private PhoneMask() {
    }

    /** {@code +84912345789} and {@code 0912345789} both show as {@code *******789}. */
    public static String mask(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("+84") && digits.startsWith("84")) {
            digits = "0" + digits.substring(2);
        }
        if (digits.length() <= VISIBLE) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - VISIBLE) + digits.substring(digits.length() - VISIBLE);
    }
}
