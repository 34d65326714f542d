package vn.vneid.sso.chip.icao;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * Decides whether the chip data an app sent proves that the person holds the card of the expected citizen:
 * bounded input, passive authentication (SOD to Document Signer to CSCA, data-group hashes), active authentication
 * over the server's challenge, then the identity of DG13 and DG1 against the account. Every failure is a
 * {@link ChipVerificationException} with a precise reason; no other exception escapes.
 */
public final class ChipVerifier {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PassiveAuthentication passive;
    private final Clock clock;

    public ChipVerifier(CscaTrustStore trust, Clock clock) {
        this.passive = new PassiveAuthentication(trust);
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
            X509Certificate documentSigner = passive.verify(data.sod(),
                    Map.of(1, data.dg1(), 13, data.dg13(), 15, data.dg15()), clock.instant());
            PublicKey aaKey = ActiveAuthentication.publicKey(data.dg15());
            String aa = ActiveAuthentication.verify(aaKey, challenge, data.aaSignature());

            Dg13 identity = Dg13.parse(data.dg13());
            LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
            Mrz mrz = Mrz.parse(mrzText(data.dg1()), today.getYear());
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
            return new VerifiedChip(identity, mrz, aa, documentSigner.getSubjectX500Principal().getName());
        } catch (ChipVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsers of hostile input: whatever slipped through is malformed input, not a server error.
            throw new ChipVerificationException(ChipFailure.MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    /** The MRZ writes years with two digits: a citizen born in 1925 is "25" there, so only the digits compare. */
    private static boolean sameDay(LocalDate mrz, LocalDate dg13) {
        return mrz.getYear() % 100 == dg13.getYear() % 100 && mrz.getMonthValue() == dg13.getMonthValue()
                && mrz.getDayOfMonth() == dg13.getDayOfMonth();
    }

    /** DG1 is tag 0x61 around tag 0x5F1F, whose value is the MRZ text. */
    private static String mrzText(byte[] dg1) throws ChipVerificationException {
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
