package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code scripts/walkthroughs/NAME.sh} exactly as a user runs it, {@code scripts/walkthrough NAME}: the
 * packaged jar started by {@code scripts/reflex embedded} with the walkthrough's own settings, and the real kubectl
 * typing the seed's commands. An integration test (failsafe, after {@code package}) because it runs the jar: a
 * class the tests' classpath has and the jar lacks fails here, not in a user's hands. Without kubectl it is skipped,
 * except under {@code CI=true}.
 */
class WalkthroughIT {

  private static final Path WALKTHROUGHS = Path.of("scripts", "walkthroughs");

  @TempDir
  Path dir;

  static Stream<String> walkthroughs() throws IOException {
    try (Stream<Path> files = Files.list(WALKTHROUGHS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh"))
          .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "scripts/walkthrough {0}")
  @MethodSource("walkthroughs")
  void walkthroughHoldsEveryStep(String name) throws Exception {
    if (!kubectlInstalled()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("kubectl is not installed and CI=true: scripts/test installs it");
      }
      Assumptions.abort("kubectl is not installed");
    }
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(List.of("bash", "scripts/walkthrough", name))
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
      fail("scripts/walkthrough " + name + " ran past 6 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("walkthrough: " + name + ": every step held"), output);
  }

  private static boolean kubectlInstalled() {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, "kubectl"))) {
        return true;
      }
    }
    return false;
  }
}
