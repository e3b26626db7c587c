package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reflex.testing.EmbeddedReflex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code scripts/walkthroughs/NAME.sh} through {@code scripts/walkthrough NAME}, the real kubectl typing the
 * seed's commands, against an embedded cluster started here with the walkthrough's own {@code # setting:} lines
 * (the script's {@code REFLEX_WALKTHROUGH_KUBECONFIG} mode; run by hand, the script starts one itself). Without
 * kubectl the test is skipped, except under {@code CI=true}.
 */
class WalkthroughTest {

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
    Map<String, String> settings = new HashMap<>();
    for (String line : Files.readAllLines(WALKTHROUGHS.resolve(name + ".sh"))) {
      if (line.startsWith("# setting: ")) {
        String[] pair = line.substring("# setting: ".length()).split("=", 2);
        settings.put(pair[0], pair[1]);
      }
    }
    EmbeddedReflex reflex = EmbeddedReflex.start(dir, Clock.systemUTC(), settings);
    try {
      Path log = dir.resolve(name + ".log");
      ProcessBuilder walkthrough = new ProcessBuilder(List.of("bash", "scripts/walkthrough", name))
          .redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      walkthrough.environment().put("REFLEX_WALKTHROUGH_KUBECONFIG", dir.resolve("kubeconfig").toString());
      Process process = walkthrough.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("scripts/walkthrough " + name + " ran past 5 minutes:\n" + Files.readString(log));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("walkthrough: " + name + ": every step held"), output);
    } finally {
      reflex.close();
    }
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
