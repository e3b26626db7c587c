package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's %v of float64 and %#v of decoded JSON, as they appear in kube-apiserver's messages. */
class GoTextTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
      "1.0, 1", "0.5, 0.5", "-2.25, -2.25", "100.0, 100", "123456.0, 123456", "1000000.0, 1e+06",
      "1500000.5, 1.5000005e+06", "0.0001, 0.0001", "0.00001, 1e-05", "1.0E21, 1e+21", "3.4E38, 3.4e+38"})
  void floatsPrintAsGoPrintsThem(double value, String printed) {
    assertEquals(printed, GoText.formatFloat(value));
  }

  @Test
  void objectsPrintAsGoSyntaxWithSortedKeys() {
    assertEquals("map[string]interface {}{\"a\":[]interface {}{\"x\", 2}, \"b\":true, \"c\":interface {}(nil)}",
        GoText.sharpV(new JsonObject("{\"c\":null,\"b\":true,\"a\":[\"x\",2]}")));
  }
}
