package vn.vneid.sso.it.pages;

import java.util.HashMap;
import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 registration, step 1: national number, full name, birth date, sex and phone (issue #15). */
public final class RegisterIdentityPage extends KeycloakPage {

    public static final String FORM = "form#vneid-register-form";

    public RegisterIdentityPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn(FORM);
    }

    public Browser.Response submit(String nationalId, String fullName, String birthDate, String gender,
            String phone) {
        return submit(nationalId, fullName, birthDate, gender, phone, Map.of());
    }

    /** The same, with whatever extra fields a forged form adds. */
    public Browser.Response submit(String nationalId, String fullName, String birthDate, String gender, String phone,
            Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(extra);
        fields.put("nationalId", nationalId);
        fields.put("fullName", fullName);
        fields.put("birthDate", birthDate);
        fields.put("gender", gender);
        fields.put("phone", phone);
        return submit(FORM, fields);
    }

    public String fieldValue(String field) {
        return document.selectFirst("#" + field).attr("value");
    }
}
