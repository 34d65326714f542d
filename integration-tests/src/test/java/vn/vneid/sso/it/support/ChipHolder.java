package vn.vneid.sso.it.support;

import java.time.LocalDate;
import java.util.Map;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.TestPki;

/** A level-2 test citizen and the chip card the demo CSCA's Document Signer issued for the same person. */
public record ChipHolder(AdminApi.Citizen account, ChipCard card) {

    private static final TestPki DEMO_PKI = TestPki.demo();

    /** @param attributes further user attributes (place of residence, insurance number...) */
    public static ChipHolder create(AdminApi admin, String fullName, Map<String, String> attributes) {
        AdminApi.Citizen account = admin.createCitizen(fullName, 2, attributes);
        // The card must match the account: AdminApi's citizens are men born on 17 May 1990.
        Citizen person = new Citizen(account.nationalId(), fullName, LocalDate.of(1990, 5, 17), Citizen.Sex.MALE,
                "Hà Nội", "Hà Nội", LocalDate.of(2040, 5, 17));
        return new ChipHolder(account, ChipCard.issue(person, DEMO_PKI.issueDocumentSigner(), AaKeyType.ECDSA_P256));
    }
}
