package vn.vneid.sso.example.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/integration-guide.md quotes this example's code: each Java block follows a marker
 * {@code <!-- snippet: PortalClient.java#par -->} and must equal the region between {@code // tag::par[]} and
 * {@code // end::par[]} of that file (indentation removed). The example's code runs in ExampleAppIT against the real
 * server, so a snippet in the guide cannot drift from code that works.
 */
class IntegrationGuideSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([A-Za-z]+\\.java)#([a-z-]+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Paths.get(System.getProperty("vneid.repo.root", "../.."));
    private static final Path SOURCES = ROOT.resolve(
            "examples/portal-example/src/main/java/vn/vneid/sso/example/portal");

    @Test
    void everyJavaBlockOfTheGuideIsATaggedRegionOfTheExample() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/integration-guide.md"), StandardCharsets.UTF_8);
        Matcher matcher = SNIPPET.matcher(guide);
        int snippets = 0;
        while (matcher.find()) {
            snippets++;
            String region = region(SOURCES.resolve(matcher.group(1)), matcher.group(2));
            assertThat(matcher.group(3)).as("guide snippet %s#%s", matcher.group(1), matcher.group(2))
                    .isEqualTo(region);
        }
        long javaBlocks = Pattern.compile("```java").matcher(guide).results().count();
        assertThat(snippets).as("every ```java block has a snippet marker").isEqualTo(javaBlocks).isPositive();
    }

    /** The lines between the tag markers, without their common indentation, each ending in a newline. */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = indexOf(lines, "// tag::" + tag + "[]", file);
        int end = indexOf(lines, "// end::" + tag + "[]", file);
        List<String> body = new ArrayList<>(lines.subList(start + 1, end));
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : body) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(marker + " not found in " + file + " (tags: " + Arrays.toString(
                lines.stream().map(String::strip).filter(l -> l.startsWith("// tag::")).toArray()) + ")");
    }

    /** Prints the guide's blocks from the code: {@code -Dsnippets.print=true} when a tagged region changed. */
    @Test
    void printRegions() throws IOException {
        if (!Boolean.getBoolean("snippets.print")) {
            return;
        }
        for (String spec : List.of("PortalClient.java#discovery", "ClientKey.java#client-key", "ClientKey.java#jwks",
                "PortalClient.java#client-assertion", "PortalClient.java#par", "PortalClient.java#callback",
                "PortalClient.java#token", "PortalClient.java#id-token-validator",
                "PortalClient.java#verify-id-token", "PortalClient.java#userinfo", "PortalClient.java#refresh",
                "PortalClient.java#logout", "PortalExample.java#backchannel-logout")) {
            String[] parts = spec.split("#");
            System.out.println("<!-- snippet: " + spec + " -->\n```java\n" + region(SOURCES.resolve(parts[0]),
                    parts[1]) + "```\n");
        }
    }
}
