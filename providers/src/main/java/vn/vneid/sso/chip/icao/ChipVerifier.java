package vn.vneid.sso.chip.icao;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * Decides whether the chip data an app sent proves that the person holds the card of the expected citizen:
 * bounded input, passive authentication (SOD to Document Signer to CSCA, data-group hashes), the issuing State and
 * the signers' country, active authentication over the server's challenge, then the identity of DG13 and DG1
 * against the account. Every failure is a {@link ChipVerificationException} with a precise reason; no other
 * exception escapes.
 */
public final class ChipVerifier {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The CCCD's issuing State: what a realm accepts when it says nothing else. */
    public static final Set<String> DEFAULT_ISSUING_STATES = Set.of("VNM");

    private final PassiveAuthentication passive;
    private final AlgorithmPolicy policy;
    private final Set<String> acceptedIssuingStates;
    private final Clock clock;

    public ChipVerifier(CscaTrustStore trust, Clock clock) {
        this(trust, clock, AlgorithmPolicy.defaults(), DEFAULT_ISSUING_STATES);
    }

    /** @param acceptedIssuingStates ICAO 9303 part 3 codes as the MRZ writes them ("VNM") */
    public ChipVerifier(CscaTrustStore trust, Clock clock, AlgorithmPolicy policy, Set<String> acceptedIssuingStates) {
        this.passive = new PassiveAuthentication(trust, policy);
        this.policy = policy;
        this.acceptedIssuingStates = Set.copyOf(acceptedIssuingStates);
        this.clock = clock;
    }

    /**
     * @param challenge the single-use challenge the server issued for this transaction
     * @param expectedNationalId the account's personal identification number
     * @param expectedBirthDate the account's birth date, or null when not recorded
     */
    public VerifiedChip verify(ChipData data, byte[] challenge, String expectedNationalId, LocalDate expectedBirthDate)
            throws ChipVerificationException {
        try {
            data.checkPresentAndBounded();
            Map<Integer, byte[]> hashed = new LinkedHashMap<>();
            hashed.put(1, data.dg1());
            hashed.put(13, data.dg13());
            if (data.dg14() != null) {
                hashed.put(14, data.dg14());
            }
            hashed.put(15, data.dg15());
            PassiveAuthentication.Result signers = passive.verify(data.sod(), hashed, clock.instant());
            String mrzText = mrzText(data.dg1());
            checkCountry(IssuingStates.fromMrz(mrzText), signers);

            PublicKey aaKey = ActiveAuthentication.publicKey(data.dg15());
            String aa = ActiveAuthentication.verify(aaKey, ActiveAuthentication.declaredAlgorithm(data.dg14()),
                    challenge, data.aaSignature(), policy);

            Dg13 identity = Dg13.parse(data.dg13());
            LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
            Mrz mrz = Mrz.parse(mrzText, today.getYear());
            if (!mrz.nationalId().equals(identity.nationalId()) || !sameDay(mrz.birthDate(), identity.birthDate())) {
                throw Lds.malformed("DG1 and DG13 describe different people");
            }
            // A replaced or lapsed card keeps a valid signature: its own expiry date decides.
            LocalDate expiry = identity.expiryDate() != null ? identity.expiryDate() : mrz.expiryDate();
            if (expiry.isBefore(today)) {
                throw new ChipVerificationException(ChipFailure.CARD_EXPIRED, null);
            }
            if (!identity.nationalId().equals(expectedNationalId)
                    || (expectedBirthDate != null && !expectedBirthDate.equals(identity.birthDate()))) {
                throw new ChipVerificationException(ChipFailure.IDENTITY_MISMATCH, "chip of another citizen");
            }
            return new VerifiedChip(identity, mrz, aa,
                    signers.documentSigner().getSubjectX500Principal().getName(),
                    ActiveAuthentication.fingerprint(aaKey));
        } catch (ChipVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsers of hostile input: whatever slipped through is malformed input, not a server error.
            throw new ChipVerificationException(ChipFailure.MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Any CSCA we trust can certify a Document Signer, but only the issuing State's own may vouch for its documents
     * (ICAO 9303-12 §2: precisely one CSCA per issuing State; Table 5: the issuer's and subject's countryName MUST
     * match, so a Document Signer names the State of its CSCA). Without this, a Vietnamese
     * card signed under another country's trusted CSCA would pass.
     */
    private void checkCountry(String issuingState, PassiveAuthentication.Result signers)
            throws ChipVerificationException {
        if (!acceptedIssuingStates.contains(issuingState)) {
            throw new ChipVerificationException(ChipFailure.ISSUING_STATE_NOT_ACCEPTED, issuingState);
        }
        String country = IssuingStates.alpha2(issuingState);
        String signer = Certificates.country(Certificates.subject(signers.documentSigner()));
        String csca = Certificates.country(Certificates.subject(signers.csca()));
        if (country == null || !country.equals(signer) || !country.equals(csca)) {
            throw new ChipVerificationException(ChipFailure.SIGNER_COUNTRY_MISMATCH, "document " + issuingState
                    + ", Document Signer " + signer + ", CSCA " + csca);
        }
    }

    /** The MRZ writes years with two digits: a citizen born in 1925 is "25" there, so only the digits compare. */
    private static boolean sameDay(LocalDate mrz, LocalDate dg13) {
        return mrz.getYear() % 100 == dg13.getYear() % 100 && mrz.getMonthValue() == dg13.getMonthValue()
                && mrz.getDayOfMonth() == dg13.getDayOfMonth();
    }

    /** DG1 is tag 0x61 around tag 0x5F1F, whose value is the MRZ text. */
    static String mrzText(byte[] dg1) throws ChipVerificationException {
        ASN1Primitive inner = Lds.unwrap(dg1, Lds.DG1_TAG, "DG1");
        if (!(inner instanceof ASN1TaggedObject)) {
            throw Lds.malformed("DG1 holds no MRZ");
        }
        ASN1TaggedObject mrz = (ASN1TaggedObject) inner;
        if (mrz.getTagClass() != BERTags.APPLICATION || mrz.getTagNo() != 0x1F) {
            throw Lds.malformed("DG1 holds no MRZ");
        }
        byte[] text = ASN1OctetString.getInstance(mrz.getBaseUniversal(false, BERTags.OCTET_STRING)).getOctets();
        return new String(text, StandardCharsets.US_ASCII);
    }
}
