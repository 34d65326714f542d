package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Genuine national CSCA master lists (Germany's BSI, the Netherlands'), which this repository may not ship: the
 * states publish them without a licence to redistribute. The test runs when the environment variable
 * {@code VNEID_REAL_MASTER_LISTS} names a directory of {@code .ml} files (see real-emrtd/README.md for where they
 * come from and the figures measured), and is skipped otherwise.
 */
class RealMasterListTest {

    @TempDir
    Path dir;

    static List<Path> realLists() throws IOException {
        String location = System.getenv("VNEID_REAL_MASTER_LISTS");
        assumeTrue(location != null && !location.isBlank(), "VNEID_REAL_MASTER_LISTS not set");
        try (Stream<Path> files = Files.list(Path.of(location))) {
            List<Path> lists = files.filter(file -> file.getFileName().toString().endsWith(".ml")).sorted().toList();
            assertThat(lists).as("master lists in " + location).isNotEmpty();
            return lists;
        }
    }

    @Test
    @DisplayName("a genuine national master list loads: its signer chains to the state's CSCA inside, every entry is"
            + " either an anchor or one warning")
    void genuineMasterListsLoad() throws Exception {
        for (Path file : realLists()) {
            byte[] bytes = Files.readAllBytes(file);
            int entries = ASN1Set.getInstance(ASN1Sequence.getInstance(
                    new CMSSignedData(bytes).getSignedContent().getContent()).getObjectAt(1)).size();

            MasterList.Contents contents = MasterList.read(bytes);
            CscaTrustStore store = CscaTrustStore.load(file);

            System.out.printf("%s: %d entries, %d read, %d unreadable, %d anchors, %d warnings%n",
                    file.getFileName(), entries, contents.certificates().size(), contents.skipped().size(),
                    store.size(), store.warnings().size());
            store.warnings().forEach(warning -> System.out.println("  " + warning));
            assertThat(contents.certificates().size() + contents.skipped().size()).isEqualTo(entries);
            assertThat(store.size()).as("usable CSCAs of %s", file.getFileName()).isGreaterThan(100);
            // Each entry is an anchor or a warning (duplicates of one certificate count once as an anchor).
            assertThat(store.size() + store.warnings().size()).isLessThanOrEqualTo(entries);
        }
    }

    @Test
    @DisplayName("the real German passport SOD verifies under the German master list, also after the link"
            + " certificate of its CSCA key expired, through the longer-lived root of the same key")
    void theGermanSodUnderTheGermanMasterList() throws Exception {
        Path german = realLists().stream().filter(file -> file.getFileName().toString().startsWith("DE_ML"))
                .findFirst().orElse(null);
        assumeTrue(german != null, "no DE_ML_*.ml among the real master lists");
        CscaTrustStore store = CscaTrustStore.load(german);
        byte[] sod = RealDocumentsTest.efSod(RealDocumentsTest.germanSod());
        PassiveAuthentication passive = new PassiveAuthentication(store, AlgorithmPolicy.defaults());
        for (String when : List.of("2024-06-01T00:00:00Z", "2033-03-01T00:00:00Z")) {
            PassiveAuthentication.Result result = passive.verify(sod, java.util.Map.of(), java.time.Instant.parse(when));
            assertThat(Certificates.country(Certificates.subject(result.csca()))).isEqualTo("DE");
        }
    }

    @Test
    @DisplayName("one flipped byte in a genuine master list's content refuses the whole list")
    void aDamagedGenuineListIsRefused() throws Exception {
        Path file = realLists().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dir.resolve("damaged.ml"), bytes);
        assertThatThrownBy(() -> MasterList.read(bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CscaTrustStore.load(dir)).isInstanceOf(IOException.class);
    }
}
