package vn.vneid.sso.chipsim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jcajce.provider.util.DigestFactory;
import org.bouncycastle.operator.OperatorCreationException;

/** The Document Security Object (EF.SOD): the Document Signer's CMS signature over the data groups' hashes. */
public final class Sod {

    public static final int SOD_TAG = 0x77;
    /** id-icao-mrtd-security-ldsSecurityObject, the eContentType. */
    public static final ASN1ObjectIdentifier LDS_SECURITY_OBJECT = new ASN1ObjectIdentifier("2.23.136.1.1.1");

    private Sod() {
    }

    /**
     * @param hashedDataGroups data group number → the bytes to hash: the whole DER of the DG, tag included
     */
    public static byte[] create(SortedMap<Integer, byte[]> hashedDataGroups, TestPki.DocumentSigner signer) {
        String hash = signer.family().dataGroupHash();
        DataGroupHash[] hashes = hashedDataGroups.entrySet().stream()
                .map(e -> new DataGroupHash(e.getKey(), new DEROctetString(digest(hash, e.getValue()))))
                .toArray(DataGroupHash[]::new);
        LDSSecurityObject lds = new LDSSecurityObject(new AlgorithmIdentifier(DigestFactory.getOID(hash)), hashes);
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .setProvider(Crypto.BC)
                    .build(signer.family().sodSignature(), signer.privateKey(), signer.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(signer.certificate()));
            CMSSignedData signed = generator.generate(
                    new CMSProcessableByteArray(LDS_SECURITY_OBJECT, lds.getEncoded(ASN1Encoding.DER)), true);
            // BC would write indefinite-length BER; the spec says DER.
            return Tlv.encode(SOD_TAG, signed.getEncoded(ASN1Encoding.DER));
        } catch (GeneralSecurityException | IOException | CMSException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the SOD", e);
        }
    }

    /** The CMS SignedData inside an SOD (for tests and tools; the server has its own parser). */
    public static CMSSignedData signedData(byte[] sod) {
        if (sod.length < 2 || (sod[0] & 0xFF) != SOD_TAG) {
            throw new IllegalArgumentException("not an SOD (tag 0x77)");
        }
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(sod))) {
            ASN1TaggedObject tagged = (ASN1TaggedObject) in.readObject();
            return new CMSSignedData(ContentInfo.getInstance(tagged.getExplicitBaseObject()));
        } catch (IOException | CMSException e) {
            throw new IllegalArgumentException("unreadable SOD", e);
        }
    }

    /** The hashes an SOD lists, by data group number. */
    public static Map<Integer, byte[]> hashes(byte[] sod) {
        byte[] content = (byte[]) signedData(sod).getSignedContent().getContent();
        LDSSecurityObject lds = LDSSecurityObject.getInstance(content);
        return Arrays.stream(lds.getDatagroupHash()).collect(Collectors.toMap(
                DataGroupHash::getDataGroupNumber, h -> h.getDataGroupHashValue().getOctets(),
                (a, b) -> a, TreeMap::new));
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
