package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the development SMS outbox the server writes: one JSON object per line, {to, text, sentAt}. */
public final class SmsOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    private final Path file;

    public SmsOutbox(Path file) {
        this.file = file;
    }

    public List<Map<String, String>> messagesTo(String phone) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return completeLines(Files.readAllBytes(file)).stream()
                    .filter(line -> !line.isBlank())
                    .map(SmsOutbox::parse)
                    .filter(m -> phone.equals(m.get("to")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines that end in a newline. The server appends a line with one write, but a reader can still see its first
     * part (Linux copies an append page by page and moves the file's end after each), so an unfinished last line is
     * not there yet; the next read sees it whole.
     */
    static List<String> completeLines(byte[] content) {
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return List.of();
        }
        return List.of(new String(content, 0, end - 1, StandardCharsets.UTF_8).split("\n", -1));
    }

    public int countTo(String phone) {
        return messagesTo(phone).size();
    }

    /** The code in the newest message to {@code phone}. */
    public String lastCodeTo(String phone) {
        List<Map<String, String>> messages = messagesTo(phone);
        if (messages.isEmpty()) {
            throw new AssertionError("no SMS to " + phone + " in " + file);
        }
        String text = messages.get(messages.size() - 1).get("text");
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in SMS text: " + text);
        }
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new AssertionError("outbox line is not JSON: " + line, e);
        }
    }
}
