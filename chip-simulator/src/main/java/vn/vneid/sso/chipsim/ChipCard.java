package vn.vneid.sso.chipsim;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A simulated CCCD chip: DG1, DG13, DG14 (ECDSA chips: the ActiveAuthenticationInfo naming the hash), DG15, the
 * SOD over them, and the Active Authentication key.
 * Immutable; the {@code with...} methods return a damaged copy for the verifier's negative tests.
 */
public final class ChipCard {

    /** The data groups a CCCD may present (DG14 on ECDSA chips only); chip authentication is not simulated. */
    public static final Set<Integer> DATA_GROUPS = Set.of(1, 13, 14, 15);

    private final Citizen citizen;
    private final AaKeyType aaKeyType;
    private final PrivateKey aaPrivateKey;
    private final String aaHash;
    private final boolean aaDer;
    private final TestPki.DocumentSigner documentSigner;
    /** What the chip presents. */
    private final SortedMap<Integer, byte[]> dataGroups;
    /** What the SOD's hashes were computed over: equal to dataGroups on a genuine chip. */
    private final SortedMap<Integer, byte[]> hashedDataGroups;
    private final byte[] sod;

    private ChipCard(Citizen citizen, AaKeyType aaKeyType, PrivateKey aaPrivateKey, String aaHash, boolean aaDer,
                     TestPki.DocumentSigner documentSigner, SortedMap<Integer, byte[]> dataGroups,
                     SortedMap<Integer, byte[]> hashedDataGroups, byte[] sod) {
        this.citizen = citizen;
        this.aaKeyType = aaKeyType;
        this.aaPrivateKey = aaPrivateKey;
        this.aaHash = aaHash;
        this.aaDer = aaDer;
        this.documentSigner = documentSigner;
        this.dataGroups = Collections.unmodifiableSortedMap(new TreeMap<>(dataGroups));
        this.hashedDataGroups = Collections.unmodifiableSortedMap(new TreeMap<>(hashedDataGroups));
        this.sod = sod;
    }

    /** A genuine chip: a fresh AA key pair, the data groups, and an SOD signed by this Document Signer. */
    public static ChipCard issue(Citizen citizen, TestPki.DocumentSigner documentSigner, AaKeyType aaKeyType) {
        return issue(citizen, documentSigner, aaKeyType, aaKeyType.defaultHash(), false);
    }

    /**
     * @param aaHash the active-authentication hash: declared in DG14 for ECDSA, named by the ISO/IEC 9796-2 trailer
     *     for RSA ("SHA-1": the implicit trailer)
     * @param aaDer ECDSA only: answer in DER rather than plain r||s
     */
    public static ChipCard issue(Citizen citizen, TestPki.DocumentSigner documentSigner, AaKeyType aaKeyType,
            String aaHash, boolean aaDer) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(documentSigner, "documentSigner");
        Objects.requireNonNull(aaKeyType, "aaKeyType");
        KeyPair aaKeys = aaKeyType.generateKeyPair();
        SortedMap<Integer, byte[]> groups = new TreeMap<>();
        groups.put(1, DataGroups.dg1(citizen));
        groups.put(13, DataGroups.dg13(citizen));
        if (aaKeyType.isEcdsa()) {
            groups.put(14, DataGroups.dg14(aaHash));
        }
        groups.put(15, DataGroups.dg15(aaKeys.getPublic()));
        return new ChipCard(citizen, aaKeyType, aaKeys.getPrivate(), aaHash, aaDer, documentSigner, groups, groups,
                Sod.create(groups, documentSigner));
    }

    public static ChipCard issue(Citizen citizen, TestPki.DocumentSigner documentSigner) {
        return issue(citizen, documentSigner, AaKeyType.ECDSA_P256);
    }

    /** Active Authentication: the chip signs the server's 8-byte challenge with its private key. */
    public byte[] signChallenge(byte[] challenge) {
        return ActiveAuthentication.sign(aaKeyType, aaPrivateKey, aaHash, aaDer, challenge.clone());
    }

    public Citizen citizen() {
        return citizen;
    }

    public AaKeyType aaKeyType() {
        return aaKeyType;
    }

    public TestPki.DocumentSigner documentSigner() {
        return documentSigner;
    }

    public byte[] dg1() {
        return dataGroup(1);
    }

    public byte[] dg13() {
        return dataGroup(13);
    }

    /** DG14, or null when the chip has none (RSA chips here). */
    public byte[] dg14() {
        byte[] group = dataGroups.get(14);
        return group == null ? null : group.clone();
    }

    public byte[] dg15() {
        return dataGroup(15);
    }

    /** The whole DER of EF.SOD, tag 0x77 included. */
    public byte[] sod() {
        return sod.clone();
    }

    public byte[] dataGroup(int number) {
        byte[] group = dataGroups.get(number);
        if (group == null) {
            throw new IllegalArgumentException("the chip has no DG" + number);
        }
        return group.clone();
    }

    // ---- damaged copies, for the verifier's tests ----

    /** Replaces a data group after the SOD was signed: its hash no longer matches. */
    public ChipCard withDataGroup(int number, byte[] replacement) {
        checkPresented(number);
        SortedMap<Integer, byte[]> groups = new TreeMap<>(dataGroups);
        groups.put(number, replacement.clone());
        return new ChipCard(citizen, aaKeyType, aaPrivateKey, aaHash, aaDer, documentSigner, groups, hashedDataGroups,
                sod);
    }

    /**
     * A validly signed SOD (same Document Signer) whose hash for this group is computed over other bytes:
     * the presented group stays as it is.
     */
    public ChipCard withSodHashOver(int number, byte[] hashedBytes) {
        checkPresented(number);
        SortedMap<Integer, byte[]> hashed = new TreeMap<>(hashedDataGroups);
        hashed.put(number, hashedBytes.clone());
        return new ChipCard(citizen, aaKeyType, aaPrivateKey, aaHash, aaDer, documentSigner, dataGroups, hashed,
                Sod.create(hashed, documentSigner));
    }

    /** The same SOD content signed by another Document Signer, e.g. one of a PKI the server does not trust. */
    public ChipCard resignedBy(TestPki.DocumentSigner other) {
        return new ChipCard(citizen, aaKeyType, aaPrivateKey, aaHash, aaDer, other, dataGroups, hashedDataGroups,
                Sod.create(hashedDataGroups, other));
    }

    /** A data group replaced and the SOD signed again over it: a genuine (if odd) issuer's choice. */
    public ChipCard withDataGroupResigned(int number, byte[] replacement) {
        SortedMap<Integer, byte[]> groups = new TreeMap<>(dataGroups);
        groups.put(number, replacement.clone());
        return new ChipCard(citizen, aaKeyType, aaPrivateKey, aaHash, aaDer, documentSigner, groups, groups,
                Sod.create(groups, documentSigner));
    }

    /** Any bytes as EF.SOD (garbage, a flipped signature bit, another chip's SOD). */
    public ChipCard withSod(byte[] rawSod) {
        return new ChipCard(citizen, aaKeyType, aaPrivateKey, aaHash, aaDer, documentSigner, dataGroups,
                hashedDataGroups, rawSod.clone());
    }

    /** A clone: the genuine data groups and SOD, but an AA private key that does not match DG15. */
    public ChipCard withForeignAaKey() {
        return new ChipCard(citizen, aaKeyType, aaKeyType.generateKeyPair().getPrivate(), aaHash, aaDer,
                documentSigner, dataGroups, hashedDataGroups, sod);
    }

    private void checkPresented(int number) {
        if (!dataGroups.containsKey(number)) {
            throw new IllegalArgumentException("the chip presents " + dataGroups.keySet() + " only, not DG" + number);
        }
    }
}
