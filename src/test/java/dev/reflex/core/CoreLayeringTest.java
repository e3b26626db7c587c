package dev.reflex.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the decision core pure: its sources may not import frameworks that do I/O or own threads, nor read the
 * wall clock. A source-level check is enough because the core has no reflection or generated code.
 */
class CoreLayeringTest {

  private static final Path CORE = Path.of("src/main/java/dev/reflex/core");

  private static final Pattern FORBIDDEN_IMPORT = Pattern.compile(
      "^import\\s+(static\\s+)?(io\\.vertx|io\\.fabric8|org\\.apache\\.kafka|io\\.grpc|com\\.google\\.protobuf"
          + "|io\\.micrometer|org\\.slf4j|dev\\.reflex\\.(?!core))[.\\w*]*;",
      Pattern.MULTILINE);

  private static final Pattern WALL_CLOCK = Pattern.compile(
      "\\b(Instant\\.now|System\\.currentTimeMillis|System\\.nanoTime|LocalDateTime\\.now|ZonedDateTime\\.now"
          + "|Clock\\.system\\w*)\\s*\\(");

  @Test
  void coreImportsNoFrameworkAndReadsNoClock() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORE)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        FORBIDDEN_IMPORT.matcher(source).results()
            .forEach(m -> violations.add(file + ": " + m.group().trim()));
        WALL_CLOCK.matcher(source).results()
            .forEach(m -> violations.add(file + ": reads the wall clock with " + m.group().trim()));
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void ruleCatchesAForbiddenImport() {
    assertTrue(FORBIDDEN_IMPORT.matcher("import io.vertx.core.Vertx;").find());
    assertTrue(FORBIDDEN_IMPORT.matcher("import dev.reflex.bus.Addresses;").find());
    assertTrue(WALL_CLOCK.matcher("var t = Instant.now();").find());
    assertTrue(!FORBIDDEN_IMPORT.matcher("import dev.reflex.core.hpa.Behavior;").find());
  }
}
