package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (issue #16): no browser or driver is downloaded
 * at run time, .ci/run installs both packages. Absent binaries fail the test with what to install, never skip it.
 * One instance is one citizen's browser, in one language, at one viewport size.
 */
public final class ChromeBrowser implements AutoCloseable {

    /** A common Android phone's CSS viewport (360x740, the size issue #16 asks for). */
    public static final Viewport PHONE = new Viewport(360, 740, true);
    public static final Viewport DESKTOP = new Viewport(1280, 900, false);
    /** The desktop window at 200 % zoom: the page lays itself out in half as many CSS pixels each way. */
    public static final Viewport DESKTOP_ZOOM_200 = new Viewport(640, 450, false);

    /** Loaded 2-core CI machines: a wait long enough that no test passes or fails by timing. */
    public static final Duration WAIT = Duration.ofSeconds(45);

    private static final Path CHROMIUM = Paths.get(System.getProperty("vneid.it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Paths.get(System.getProperty("vneid.it.chromedriver", "/usr/bin/chromedriver"));

    // Selenium 4.28 ships CDP bindings up to Chrome 132 and warns on every start with Debian's newer Chromium; we use
    // only chromedriver's own CDP pass-through (Emulation.setDeviceMetricsOverride), which needs no binding.
    private static final java.util.logging.Logger SELENIUM_LOG = quiet("org.openqa.selenium.devtools");
    private static final java.util.logging.Logger CHROMIUM_LOG = quiet("org.openqa.selenium.chromium");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    public record Viewport(int width, int height, boolean mobile) {
    }

    private final ChromeDriver driver;
    private final String language;

    private ChromeBrowser(ChromeDriver driver, String language) {
        this.driver = driver;
        this.language = language;
    }

    /** A fresh browser (empty profile, no cookies) that asks for pages in {@code language} ("vi", "en"). */
    public static ChromeBrowser start(String language, Viewport viewport) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--hide-scrollbars",
                "--window-size=" + viewport.width() + "," + viewport.height(), "--lang=" + language);
        // --lang is the browser's own language; this preference is the Accept-Language header the server reads.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(WAIT)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        ChromeBrowser browser = new ChromeBrowser(driver, language);
        browser.resize(viewport);
        return browser;
    }

    /** Sets the layout viewport exactly (a phone's also honours the page's meta viewport and touch). */
    public void resize(Viewport viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width(), "height", viewport.height(),
                "deviceScaleFactor", 1, "mobile", viewport.mobile()));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String language() {
        return language;
    }

    public void open(URI uri) {
        driver.get(uri.toString());
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitFor(String cssSelector) {
        return waitFor(By.cssSelector(cssSelector));
    }

    /** The text of the first element matching {@code cssSelector}, or "" when there is none. */
    public String textOf(String cssSelector) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
                return found.isEmpty() ? "" : found.get(0).getText().strip();
            } catch (StaleElementReferenceException e) {
                // The page was replaced between finding the element and reading it (a navigation under way, as
                // after a click): read the new page's element.
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until the browser has been sent to {@code prefix} (the relying party's callback) and returns that URL.
     * Nothing listens at the demo client's callback: Chromium shows its error page under the URL it was sent to.
     */
    public URI waitForUrlStartingWith(URI prefix) {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(prefix.toString()));
        return URI.create(driver.getCurrentUrl());
    }

    /**
     * Runs {@code script} in every page this browser opens from now on, before the page's own scripts: a test's
     * recorder sees what the page did however late the test looks (no race with the page's timers).
     */
    public void onEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** True when the page is wider than the viewport, i.e. the citizen would have to scroll sideways. */
    public boolean scrollsHorizontally() {
        return (Boolean) script("var e = document.documentElement; return e.scrollWidth > e.clientWidth;");
    }

    /** The elements that stick out to the right of the viewport (tag#id.class, right edge): why it scrolls. */
    @SuppressWarnings("unchecked")
    public List<String> overflowing() {
        return (List<String>) script("var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                + " if (r.right > w + 0.5 || e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible') out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + " + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
                + " + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width)); });"
                + "return out.slice(0, 15);");
    }

    /**
     * What keeps a page from being used at this size, one line per problem (empty when usable): each visible control
     * (field, button, button-styled link), field error and page message must lie within the viewport's width, be
     * reachable by scrolling, show its whole text, be the element found at its own centre once scrolled to (nothing
     * drawn over it), and not overlap another of them.
     */
    @SuppressWarnings("unchecked")
    public List<String> unusableControls() {
        return (List<String>) script("var w = document.documentElement.clientWidth, out = [], items = [];"
                + "var sel = 'input:not([type=hidden]), select, textarea, button, a.pf-v5-c-button,"
                + " [id^=input-error-]:not([id^=input-error-container]), .kc-feedback-text, #kc-page-title';"
                + "function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + " + (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : ''); }"
                + "document.querySelectorAll(sel).forEach(function (e) {"
                + " var st = getComputedStyle(e); if (st.display === 'none' || st.visibility === 'hidden') return;"
                + " var r = e.getBoundingClientRect(); if (r.width === 0 && r.height === 0) return;"
                + " if (e.closest('.vneid-sr-only, .pf-v5-screen-reader, .kc-tooltip-text')) return;"
                + " if (!/^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName) && !e.textContent.trim()) return;"
                + " items.push(e); });"
                + "if (items.length === 0) out.push('no visible control at all');"
                + "items.forEach(function (e) {"
                + " var r = e.getBoundingClientRect(), top = r.top + window.scrollY;"
                + " if (r.left < -0.5 || r.right > w + 0.5) out.push(name(e) + ' outside the width: ' + Math.round(r.left) + '..' + Math.round(r.right));"
                + " if (top < 0 || top + r.height > document.documentElement.scrollHeight + 0.5) out.push(name(e) + ' out of scroll reach');"
                + " if (!/^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName) && e.clientWidth > 0"
                + "  && e.scrollWidth > e.clientWidth + 1) out.push(name(e) + ' text wider than its box: ' + e.scrollWidth + ' > ' + e.clientWidth);"
                + " e.scrollIntoView({block: 'center', inline: 'nearest'});"
                + " var c = e.getBoundingClientRect(), x = c.left + c.width / 2, y = c.top + c.height / 2;"
                // A disabled button ignores the pointer (PatternFly: pointer-events none): let it be hit for the test.
                + " var pe = e.style.pointerEvents; e.style.pointerEvents = 'auto';"
                + " var hit = document.elementFromPoint(x, y); e.style.pointerEvents = pe;"
                + " if (hit && hit !== e && !e.contains(hit) && !(hit.tagName === 'LABEL' && hit.htmlFor === e.id))"
                + "  out.push(name(e) + ' covered by ' + name(hit)); });"
                + "for (var i = 0; i < items.length; i++) for (var j = i + 1; j < items.length; j++) {"
                + " var a = items[i], b = items[j]; if (a.contains(b) || b.contains(a)) continue;"
                + " var p = a.getBoundingClientRect(), q = b.getBoundingClientRect();"
                + " if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)"
                + "  out.push(name(a) + ' overlaps ' + name(b)); }"
                + "window.scrollTo(0, 0); return out;");
    }

    /** Runs axe-core in the current page: its violations, each one line, rule id, impact, nodes. */
    public List<Axe.Violation> axe() {
        return Axe.run(driver);
    }

    /**
     * A PNG of the whole page into target/screenshots/{name}.png; with {@code -Dvneid.it.screenshots.update=true} also
     * into docs/screenshots/, the copies the README shows.
     */
    public Path screenshot(String name) {
        try {
            Path target = Paths.get(System.getProperty("vneid.it.screenshots", "target/screenshots"));
            Files.createDirectories(target);
            Path png = target.resolve(name + ".png");
            Files.write(png, fullPagePng());
            if (Boolean.getBoolean("vneid.it.screenshots.update")) {
                Path docs = Paths.get(System.getProperty("vneid.it.screenshots.docs", "../docs/screenshots"));
                Files.createDirectories(docs);
                Files.copy(png, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page at the current viewport's width, also what lies below the fold (Chromium's own capture). */
    @SuppressWarnings("unchecked")
    private byte[] fullPagePng() {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) content.get("width")).doubleValue(),
                        "height", ((Number) content.get("height")).doubleValue())));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core from npm (src/test/axe, exactly its package-lock.json), injected by the test into each page. */
    public static final class Axe {

        private static String source;

        public record Violation(String id, String impact, String help, List<String> targets) {
            public boolean seriousOrCritical() {
                return "serious".equals(impact) || "critical".equals(impact);
            }

            @Override
            public String toString() {
                return id + " (" + impact + "): " + help + " " + targets;
            }
        }

        static synchronized String source() {
            if (source == null) {
                Path dir = Paths.get(System.getProperty("vneid.it.axe.dir", "src/test/axe")).toAbsolutePath();
                Path script = dir.resolve("node_modules/axe-core/axe.min.js");
                if (!Files.exists(script)) {
                    npmCi(dir);
                }
                try {
                    source = Files.readString(script, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return source;
        }

        private static void npmCi(Path dir) {
            try {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                        .directory(dir.toFile()).redirectErrorStream(true).start();
                String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (npm.waitFor() != 0) {
                    throw new IllegalStateException("npm ci in " + dir + " failed:\n" + out);
                }
            } catch (IOException e) {
                throw new IllegalStateException("npm is required for the accessibility checks (axe-core) and is "
                        + "not on the PATH (Debian: apt-get install nodejs npm; .ci/run does)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unchecked")
        static List<Violation> run(ChromeDriver driver) {
            JavascriptExecutor js = driver;
            js.executeScript("if (!window.axe) { " + source() + " }");
            // WCAG 2.x A and AA rules plus axe's best practices, as issue #16 asks; the whole document.
            Object result = js.executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                    + " help: v.help, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
                    + ".catch(function (e) { done('axe failed: ' + e); });");
            if (result instanceof String error) {
                throw new AssertionError(error);
            }
            List<Violation> violations = new ArrayList<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) result) {
                violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("targets")));
            }
            return violations;
        }
    }
}
