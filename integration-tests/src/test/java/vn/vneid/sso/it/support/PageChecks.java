package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.openqa.selenium.WebElement;

/**
 * What every citizen-facing page must pass in the browser (issue #16): no sideways scrolling on a 360 px phone, on a
 * desktop, nor on that desktop at 200 % zoom; on the phone and at 200 % zoom every control, field error and message
 * within reach, whole and uncovered; no serious or critical axe-core violation. Each page's axe result is
 * written to target/browser/axe-results.txt (the README's table comes from it); the Vietnamese page's phone
 * screenshot goes to target/screenshots/.
 */
public final class PageChecks {

    private static final Path AXE_REPORT =
            Paths.get(System.getProperty("vneid.it.axe.report", "target/browser/axe-results.txt"));
    private static boolean reportStarted;

    private PageChecks() {
    }

    /** Checks the page the browser shows; {@code page} names it in messages, the report and the screenshot. */
    public static void check(ChromeBrowser chrome, String page) {
        String name = chrome.language() + "-" + page;
        chrome.resize(ChromeBrowser.DESKTOP);
        assertThat(chrome.scrollsHorizontally()).as("%s scrolls sideways at 1280 px: %s", name, chrome.overflowing())
                .isFalse();
        chrome.resize(ChromeBrowser.DESKTOP_ZOOM_200);
        assertThat(chrome.scrollsHorizontally()).as("%s scrolls sideways at 200 %% zoom: %s", name,
                chrome.overflowing()).isFalse();
        assertThat(chrome.unusableControls()).as("%s at 200 %% zoom: controls out of reach, cut off or covered", name)
                .isEmpty();
        chrome.resize(ChromeBrowser.PHONE);
        assertThat(chrome.scrollsHorizontally()).as("%s scrolls sideways at 360 px: %s", name, chrome.overflowing())
                .isFalse();
        assertThat(chrome.unusableControls()).as("%s at 360 px: controls out of reach, cut off or covered", name)
                .isEmpty();
        if ("vi".equals(chrome.language())) {
            chrome.screenshot(name);
        }
        List<ChromeBrowser.Axe.Violation> violations = chrome.axe();
        record(name, violations);
        assertThat(violations).as("serious or critical axe-core violations on %s", name)
                .filteredOn(ChromeBrowser.Axe.Violation::seriousOrCritical).isEmpty();
    }

    /**
     * A screen reader reads the error when it appears (a live region) and with its field when the field has focus
     * (the field is invalid and described by the error).
     */
    public static void assertErrorAnnounced(ChromeBrowser chrome, String errorSelector, String fieldSelector) {
        WebElement error = chrome.waitFor(errorSelector);
        WebElement field = chrome.waitFor(fieldSelector);
        Object live = chrome.script("var e = arguments[0]; while (e) { var l = e.getAttribute('aria-live');"
                + " if (l) return l; if (e.getAttribute('role') === 'alert') return 'assertive'; e = e.parentElement; }"
                + " return null;", error);
        assertThat(live).as("aria-live around %s", errorSelector).isIn("polite", "assertive");
        assertThat(field.getAttribute("aria-invalid")).as("aria-invalid of %s", fieldSelector).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).as("aria-describedby of %s", fieldSelector)
                .contains(error.getAttribute("id"));
    }

    private static synchronized void record(String page, List<ChromeBrowser.Axe.Violation> violations) {
        StringBuilder line = new StringBuilder(page).append(": ").append(violations.size()).append(" violation(s)");
        violations.forEach(v -> line.append("\n    ").append(v));
        try {
            Files.createDirectories(AXE_REPORT.toAbsolutePath().getParent());
            if (!reportStarted) {
                Files.deleteIfExists(AXE_REPORT);
                reportStarted = true;
            }
            Files.writeString(AXE_REPORT, line.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
