package dev.reflex.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  static Stream<Arguments> parses() {
    return Stream.of(
        Arguments.of("milli-cpu", "500m", 500L),
        Arguments.of("whole number", "2", 2000L),
        Arguments.of("decimal kilo", "1.5k", 1_500_000L),
        Arguments.of("seed 003 QPS target", "1200000m", 1_200_000L),
        Arguments.of("binary gibi", "1Gi", 1_073_741_824_000L),
        Arguments.of("binary mebi", "500Mi", 524_288_000_000L),
        Arguments.of("exponent", "1e3", 1_000_000L),
        Arguments.of("negative exponent", "5E-3", 5L),
        Arguments.of("fraction", "0.5", 500L),
        Arguments.of("leading dot", ".25", 250L),
        Arguments.of("sub-milli rounds up", "0.0001", 1L),
        Arguments.of("micro rounds up", "1u", 1L),
        Arguments.of("nano zero", "0n", 0L),
        Arguments.of("mega", "3M", 3_000_000_000L),
        Arguments.of("explicit plus", "+7", 7000L),
        Arguments.of("negative", "-1", -1000L),
        Arguments.of("saturates at the long range", "100E", Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("parses")
  void parsesToMilliUnits(String label, String text, long milli) {
    assertEquals(milli, Quantity.parseMilli(text));
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", "abc", "1.2.3", "5x", "1Kb", "m", "1 k", "--1", "1e"})
  void rejectsMalformedText(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parseMilli(text));
    assertEquals("is not a Kubernetes quantity: \"" + text + "\"", e.getMessage());
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(0L, "0", "0"),
        Arguments.of(500L, "500m", "500m"),
        Arguments.of(1500L, "1500m", "1500m"),
        Arguments.of(2000L, "2", "2"),
        Arguments.of(1_200_000L, "1200", "1200"),
        Arguments.of(1_200_000_000L, "1200k", "1200000"),
        Arguments.of(2_000_000_000L, "2M", "2000000"),
        Arguments.of(2_048_000L, "2048", "2Ki"),
        Arguments.of(1_073_741_824_000L, "1073741824", "1Gi"),
        Arguments.of(1_572_864_000L, "1572864", "1536Ki"),
        Arguments.of(-3000L, "-3", "-3"));
  }

  @ParameterizedTest(name = "{0}m → {1} / {2}")
  @MethodSource("formats")
  void formatsCanonically(long milli, String decimal, String binary) {
    assertEquals(decimal, Quantity.formatDecimal(milli));
    assertEquals(binary, Quantity.formatBinary(milli));
  }

  static Stream<Arguments> storedForms() {
    return Stream.of(
        Arguments.of("1200000m", "1200"), Arguments.of("0.5", "500m"), Arguments.of("2000m", "2"),
        Arguments.of("12000", "12k"), Arguments.of("1.5k", "1500"), Arguments.of("+5", "5"), Arguments.of("-1", "-1"),
        Arguments.of("1024Mi", "1Gi"), Arguments.of("1.5Gi", "1536Mi"), Arguments.of("1536Ki", "1536Ki"),
        Arguments.of("512", "512"), Arguments.of("0.5Ki", "512"), Arguments.of("0", "0"), Arguments.of(1000, "1k"),
        Arguments.of(0.25, "250m"),
        // Kept as written: exponent notation (Go keeps its format), finer than a milli-unit, not a quantity.
        Arguments.of("1e3", null), Arguments.of("100u", null), Arguments.of("abc", null), Arguments.of(true, null));
  }

  @ParameterizedTest(name = "{0} is stored as {1}")
  @MethodSource("storedForms")
  void canonicalIsTheFormKubeApiserverStores(Object written, String stored) {
    assertEquals(java.util.Optional.ofNullable(stored), Quantity.canonical(written));
  }
}
