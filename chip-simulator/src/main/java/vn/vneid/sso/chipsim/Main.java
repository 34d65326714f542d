package vn.vneid.sso.chipsim;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The demo CLI: the citizen taps their card on the phone and approves a login. */
public final class Main {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar vneid-chip-simulator-cli.jar <command>",
            "  approve <serverBase> <realm> <transaction code or QR content> <nationalId>",
            "      approve a chip login as a demo citizen (e.g. approve http://localhost:8080 vneid <tx> 001085012345);",
            "      the server is the app's own configuration: the QR code carries only the transaction code",
            "  csca-pem",
            "      print the demo CSCA certificate (PEM): the trust anchor of the demo realm",
            "  new-csca <certificate.pem> <private-key.pem>",
            "      generate a new test CSCA (to replace src/main/resources/test-pki)");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "approve" -> {
                if (args.length != 5) {
                    break;
                }
                return approve(URI.create(args[1]), args[2], args[3], args[4], out);
            }
            case "csca-pem" -> {
                out.print(TestPki.demo().cscaCertificatePem());
                return 0;
            }
            case "new-csca" -> {
                if (args.length != 3) {
                    break;
                }
                TestPki.generate().writePem(Path.of(args[1]), Path.of(args[2]));
                out.println("wrote " + args[1] + " and " + args[2]);
                return 0;
            }
            default -> {
            }
        }
        err.println(USAGE);
        return 2;
    }

    private static int approve(URI serverBase, String realm, String scanned, String nationalId,
                               PrintStream out) throws Exception {
        Citizen citizen = Citizen.demo(nationalId);
        Instant now = Instant.now();
        TestPki.DocumentSigner ds = TestPki.demo()
                .issueDocumentSigner(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        ChipCard card = ChipCard.issue(citizen, ds, AaKeyType.ECDSA_P256);
        PhoneApp.Response response = new PhoneApp().approveScanned(serverBase, realm, scanned, card);
        out.println("HTTP " + response.status());
        out.println(response.body());
        return response.isSuccess() ? 0 : 1;
    }
}
