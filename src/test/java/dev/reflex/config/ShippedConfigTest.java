package dev.reflex.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped conf/reflex.yaml documents exactly the code's keys with exactly the code's defaults. */
class ShippedConfigTest {

  private static final Path SHIPPED = Path.of("conf/reflex.yaml");

  @Test
  void shippedFileListsEveryKeyWithTheCodeDefault() {
    Map<String, String> fromFile = new TreeMap<>(ConfigLoader.readFile(SHIPPED));
    assertEquals(new TreeMap<>(Settings.defaults()), fromFile);
  }

  @Test
  void shippedFileLoadsToTheDefaultConfiguration() {
    assertEquals(ReflexConfig.defaults(), ConfigLoader.load(SHIPPED, Map.of()));
  }
}
