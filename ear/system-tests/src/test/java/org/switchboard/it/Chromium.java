package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.switchboard.devserver.DemoUsers;

/**
 * One headless Chromium for a test class, driven by Selenium: Debian's {@code chromium} and
 * {@code chromium-driver} packages, never a browser or driver downloaded by a tool (the driver's path
 * is given, and SE_OFFLINE=true keeps Selenium Manager off the network). Missing packages fail the
 * test with the command that installs them. Pages are seen at a given width, logged in as a demo
 * user (HTTP Basic, the header on every request the page makes), photographed into
 * target/screenshots/ and checked with axe-core (from its webjar).
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;
    static final int PHONE = 375;

    private static final String AXE = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";

    private final ChromeDriver driver;
    private final URL base;
    private int width = DESKTOP;

    Chromium(URL base) {
        this.base = base;
        for (var needed : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the browser tests need Debian's Chromium and"
                        + " its driver. Install them with: apt-get install -y chromium chromium-driver"
                        + " (.ci/run does when they are missing; see the README).");
            }
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            var profile = Files.createTempDirectory("switchboard-chromium-");
            var options = new ChromeOptions()
                    .setBinary(BROWSER.toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--disable-dev-shm-usage",
                            "--user-data-dir=" + profile,
                            "--window-size=" + DESKTOP + ",900");
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Network.enable", Map.of());
        as(null);
        at(DESKTOP);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** From now on every request carries this demo user's login (null: anonymous); cookies are cleared. */
    Chromium as(String user) {
        driver.manage().deleteAllCookies();
        Map<String, Object> headers = user == null
                ? Map.of()
                : Map.of(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":"
                                                        + DemoUsers.USERS
                                                                .get(user)
                                                                .password())
                                                .getBytes(StandardCharsets.UTF_8)));
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
        return this;
    }

    /** The viewport from now on: this many CSS pixels wide, as a phone (touch, meta viewport) below 768. */
    Chromium at(int width) {
        this.width = width;
        viewport(width, width < 768 ? 812 : 900);
        return this;
    }

    int width() {
        return width;
    }

    /** Opens a path of the application and waits for the page to have loaded. */
    Chromium open(String path) {
        driver.get(base.toString() + path);
        return this;
    }

    /**
     * What every page must be: no sideways scrolling at this width, a language, and no serious or
     * critical axe-core violation; then a full-length screenshot, target/screenshots/name-width.png.
     */
    void check(String name) {
        check(name, List.of());
    }

    /** As {@link #check(String)}, with axe-core rules that another party's markup breaks, each named and explained by the caller. */
    void check(String name, List<String> theirs) {
        var started = System.nanoTime();
        var overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("%s scrolls sideways at %d px by", name, width).isLessThanOrEqualTo(0L);
        @SuppressWarnings("unchecked")
        var sideways = (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('.scroll'))
                    .filter(function (region) { return region.scrollWidth > region.clientWidth + 1; })
                    .map(function (region) {
                        return region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'); });
                """);
        assertThat(sideways)
                .as("tables of %s that scroll sideways at %d px", name, width)
                .isEmpty();
        assertThat(driver.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"))
                .as("lang of %s", name)
                .isNotBlank();
        assertThat(axeViolations(theirs))
                .as("serious or critical axe-core violations on %s at %d px", name, width)
                .isEmpty();
        var file = screenshot(name);
        System.out.printf(
                "%s: no sideways scrolling, no serious or critical axe-core violation, %s (%d ms)%n",
                name, file, (System.nanoTime() - started) / 1_000_000);
    }

    /** The serious and critical violations axe-core finds on the page, one readable line each. */
    @SuppressWarnings("unchecked")
    List<String> axeViolations(List<String> theirs) {
        // Once per document: the same page at another width keeps it.
        if (Boolean.FALSE.equals(driver.executeScript("return typeof window.axe !== 'undefined';"))) {
            driver.executeScript(axeSource());
        }
        var result = (Map<String, Object>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(function (r) { done({violations: r.violations.map(function (v) {
                        return {id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })}); })
                   .catch(function (e) { done({error: String(e)}); });
                """);
        assertThat(result.get("error")).as("axe-core ran").isNull();
        return ((List<Map<String, Object>>) result.get("violations"))
                .stream()
                        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                        .filter(v -> !theirs.contains(v.get("id")))
                        .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
                        .toList();
    }

    /** A screenshot of the whole page (not only the viewport) at the current width. */
    Path screenshot(String name) {
        var height = ((Number) driver.executeScript(
                        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);"))
                .intValue();
        viewport(width, Math.min(Math.max(height, 600), 6000));
        try {
            var file = SCREENSHOTS.resolve(name + "-" + width + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            viewport(width, width < 768 ? 812 : 900);
        }
    }

    private void viewport(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (var in = Chromium.class.getClassLoader().getResourceAsStream(AXE)) {
                assertThat(in).as("axe-core on the test class path at " + AXE).isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static String axeVersion() {
        return System.getProperty("switchboard.axe-core.version", "4.6.3");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
