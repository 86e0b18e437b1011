package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web chat page in a real browser: Debian's chromium, driven by playwright-core from npm (installed into
 * {@code target/browser} from the committed lock file, no browser download), walks the README's first walk through
 * as a phone and as a laptop ({@code src/test/browser/walk.js} says each step). Where chromium or node is missing, it
 * is skipped and says why.
 */
class WebchatBrowserIT {

    private static final Path SOURCES = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "browser");

    @TempDir
    Path dir;

    @Test
    void theFirstWalkThroughWorksOnAPhoneAndOnALaptop() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        skipUnless(Files.isExecutable(chromium), "no chromium at " + chromium
                + " (on Debian: apt-get install chromium; or set CHROMIUM)");
        skipUnless(runs("node", "--version") && runs("npm", "--version"), "no node and npm on the PATH");
        installPlaywright();

        try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.demo.seed=true")) {
            Run walk = run(List.of("node", "walk.js", app.base(), "shots"), chromium, 180);
            System.out.println(walk.output());
            assertThat(walk.exit()).as("the walk in chromium (screenshots in %s):%n%s",
                    WORK.resolve("shots").toAbsolutePath(), walk.output()).isZero();
            assertThat(walk.output()).contains("ok 390 px", "ok 1280 px").doesNotContain("FAILED");
        }
    }

    /** Skips the test, saying why in the build's output too (a skip's reason is otherwise only in the report). */
    private static void skipUnless(boolean ready, String missing) {
        if (!ready) {
            System.out.println("WebchatBrowserIT skipped: " + missing);
        }
        assumeTrue(ready, missing + ": the web chat's walk in a browser is skipped");
    }

    /** playwright-core as the lock file pins it, into target/browser; again only when the lock file changed. */
    private static void installPlaywright() throws Exception {
        Files.createDirectories(WORK);
        for (String f : List.of("package.json", "package-lock.json", "walk.js")) {
            Files.copy(SOURCES.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        // the lock file a successful install was made from
        Path installed = WORK.resolve("installed.lock");
        String lock = Files.readString(WORK.resolve("package-lock.json"));
        if (Files.exists(installed) && Files.readString(installed).equals(lock)
                && Files.exists(WORK.resolve("node_modules/playwright-core/package.json"))) {
            return;
        }
        Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"), null,
                300);
        assertThat(npm.exit()).as("npm ci in %s could not install playwright-core:%n%s", WORK.toAbsolutePath(),
                npm.output()).isZero();
        Files.writeString(installed, lock);
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    record Run(int exit, String output) {
    }

    /** Runs a command in target/browser, its output and errors as one text, stopped after {@code seconds}. */
    private static Run run(List<String> command, Path chromium, int seconds) throws Exception {
        Path log = Files.createTempFile("browser", ".log");
        ProcessBuilder b = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (chromium != null) {
            b.environment().put("CHROMIUM", chromium.toString());
        }
        Process p = b.start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(done ? p.exitValue() : -1, done ? output : output + "\n(stopped after " + seconds + " s)");
    }
}
