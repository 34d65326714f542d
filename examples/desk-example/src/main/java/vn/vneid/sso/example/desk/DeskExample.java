package vn.vneid.sso.example.desk;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * A one-stop desk system on the command line (issue #15), for the README's walk-through and for developers of desk
 * software:
 *
 * <pre>
 * register SERVER ADMIN_USER ADMIN_PASSWORD DESK_ID   a new desk client, its key in .dev/desk-example/DESK_ID.jwk
 * send     SERVER DESK_ID BATCH_FILE [vi|en]          the batch, then each record's result
 * </pre>
 *
 * SERVER is the base URL (http://localhost:8080); the realm is vneid. Exit status 0 when every record was accepted or
 * acknowledged as a duplicate, 1 when some were refused, 2 on an error.
 */
public final class DeskExample {

    static final String REALM = "vneid";

    private DeskExample() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(".dev", "desk-example"), System.out, System.err));
    }

    /** The command's exit status; keys live in {@code keyDir}. */
    public static int run(String[] args, Path keyDir, PrintStream out, PrintStream err) {
        try {
            if (args.length == 5 && args[0].equals("register")) {
                RSAKey key = newKey(keyDir.resolve(args[4] + ".jwk"));
                DeskRegistration.signIn(URI.create(args[1]), REALM, args[2], args[3]).register(args[4], key);
                out.println("registered desk " + args[4] + "; its private key: " + keyDir.resolve(args[4] + ".jwk"));
                return 0;
            }
            if ((args.length == 4 || args.length == 5) && args[0].equals("send")) {
                RSAKey key = RSAKey.parse(Files.readString(keyDir.resolve(args[2] + ".jwk"), StandardCharsets.UTF_8));
                DeskClient desk = new DeskClient(URI.create(args[1] + "/realms/" + REALM), args[2], key);
                DeskClient.Answer answer = desk.send(Files.readString(Path.of(args[3]), StandardCharsets.UTF_8),
                        args.length == 5 ? args[4] : "vi");
                return print(answer, out, err);
            }
            err.println("usage: register SERVER ADMIN_USER ADMIN_PASSWORD DESK_ID | send SERVER DESK_ID BATCH_FILE [vi|en]");
            return 2;
        } catch (IOException | java.text.ParseException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** One line per record: its desk id, its result, and each reason with the server's message. */
    static int print(DeskClient.Answer answer, PrintStream out, PrintStream err) throws IOException {
        Map<String, Object> body = DeskRegistration.json(answer.body());
        if (answer.status() != 200) {
            err.println("batch refused (" + answer.status() + "): " + body.get("error") + ": "
                    + body.get("error_description"));
            return 2;
        }
        boolean allStored = true;
        for (Object item : DeskRegistration.array(body.get("results"))) {
            Map<?, ?> result = (Map<?, ?>) item;
            out.println(result.get("deskRecordId") + "\t" + result.get("result"));
            allStored &= List.of("accepted", "duplicate").contains(result.get("result"));
            for (Object reason : DeskRegistration.array(result.get("reasons"))) {
                Map<?, ?> r = (Map<?, ?>) reason;
                out.println("\t" + r.get("field") + ": " + r.get("message"));
            }
        }
        out.println("summary: " + body.get("summary"));
        return allStored ? 0 : 1;
    }

    private static RSAKey newKey(Path file) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file + " exists: this desk id was registered before");
        }
        try {
            // RSA 2048 for PS256, the kid its thumbprint: the server picks the key of an assertion by it.
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256)
                    .keyIDFromThumbprint(true).generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
