package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonByVersionTest {

  final JsonByVersion cache = new JsonByVersion();
  final AtomicInteger conversions = new AtomicInteger();

  JsonObject read(String key, String version) {
    return cache.copyOf(key, version, () -> {
      conversions.incrementAndGet();
      return new JsonObject().put("version", version);
    });
  }

  @Test
  void eachVersionIsConvertedOnceAndReadersGetIndependentCopies() {
    JsonObject first = read("ns/a", "1");
    first.put("changed", true);
    assertEquals(new JsonObject().put("version", "1"), read("ns/a", "1"), "a reader's change stays its own");
    assertEquals(1, conversions.get());
    assertEquals("2", read("ns/a", "2").getString("version"));
    assertEquals(2, conversions.get(), "a new version is converted");
  }

  @Test
  void objectsWithoutAVersionAreNeverRemembered() {
    read("ns/a", null);
    read("ns/a", null);
    assertEquals(2, conversions.get());
  }

  @Test
  void convertedVersionsCanBeSeededAndForgotten() {
    cache.put("ns/a", "7", new JsonObject().put("seeded", true));
    assertEquals(true, read("ns/a", "7").getBoolean("seeded"));
    read("ns/b", "1");
    cache.remove("ns/a");
    cache.retain(key -> !key.equals("ns/b"));
    read("ns/a", "7");
    read("ns/b", "1");
    assertEquals(3, conversions.get(), "both were forgotten and converted again");
  }
}
