package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka record values in every accepted form, and the messages for those that are not. */
class KafkaPayloadsTest {

  static final RawSeries ONE = RemoteWriteEncoder.series(1000, 2.5, "__name__", "rps", "pod", "p");
  static final byte[] PROTO = RemoteWriteEncoder.request(List.of(ONE)).toByteArray();
  static final byte[] JSON = "{\"labels\":{\"__name__\":\"rps\",\"pod\":\"p\"},\"timestamp\":1000,\"value\":2.5}\n"
      .getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("JSON lines, sniffed", JSON, null, null),
        Arguments.of("JSON lines, by header", JSON, "application/json", null),
        Arguments.of("snappy JSON lines, by header", RemoteWriteEncoder.compress(JSON), "application/json", "snappy"),
        Arguments.of("protobuf, sniffed", PROTO, null, null),
        Arguments.of("snappy protobuf, sniffed", RemoteWriteEncoder.compress(PROTO), null, null),
        Arguments.of("snappy protobuf, by header", RemoteWriteEncoder.compress(PROTO), "application/x-protobuf",
            "snappy"),
        Arguments.of("protobuf, by header", PROTO, "application/x-protobuf; proto=prometheus.WriteRequest", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void decodes(String name, byte[] value, String type, String encoding) throws Exception {
    List<RawSeries> series = KafkaPayloads.decode(value, type, encoding, 1 << 20);
    assertEquals(1, series.size());
    assertArrayEquals(new double[] {2.5}, series.get(0).samples());
    assertArrayEquals(new long[] {1000}, series.get(0).timestamps());
    assertEquals("rps", series.get(0).values()[List.of(series.get(0).names()).indexOf("__name__")]);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("empty value", new byte[0], null, "empty"),
        Arguments.of("over the size limit", new byte[2048], null, "over the limit"),
        Arguments.of("JSON without a timestamp", "{\"labels\":{},\"value\":1}".getBytes(), "application/json",
            "'timestamp'"),
        Arguments.of("JSON label that is not a string", "{\"labels\":{\"a\":1},\"timestamp\":1,\"value\":1}"
            .getBytes(), "application/json", "label 'a'"),
        Arguments.of("JSON value that is not a number", "{\"labels\":{},\"timestamp\":1,\"value\":\"x\"}"
            .getBytes(), "application/json", "'value'"),
        Arguments.of("second JSON line broken", (new String(JSON) + "{oops\n").getBytes(), "application/json",
            "line 2"),
        Arguments.of("unsupported content type", PROTO, "text/plain", "content-type"),
        Arguments.of("neither JSON nor protobuf", "{half a json".getBytes(), null, "neither JSON lines"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithAMessageNamingTheProblem(String name, byte[] value, String type, String message) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> KafkaPayloads.decode(value, type, null, 1024));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
