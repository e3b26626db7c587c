package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.metrics.routing.WorkloadRef;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written WriteRequest parser agrees with the generated protobuf classes and refuses what they refuse. */
class WriteRequestParserTest {

  @Test
  void agreesWithTheGeneratedClassesOnRandomRequests() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<RawSeries> series = new java.util.ArrayList<>();
      for (int i = 0; i < random.nextInt(20); i++) {
        series.add(new RawSeries(new String[] {"__name__", "namespace", "pod", "é-label"},
            new String[] {"m" + random.nextInt(5), "ns", "pod-" + random.nextInt(1000), "välue" + i},
            new long[] {random.nextLong(), random.nextInt()}, new double[] {random.nextDouble(), -3.5}));
      }
      byte[] raw = RemoteWriteEncoder.request(series).toByteArray();
      List<RawSeries> fast = WriteRequestParser.parse(raw);
      List<RawSeries> reference = RemoteWriteDecoder.parseGenerated(raw);
      assertEquals(reference.size(), fast.size());
      for (int i = 0; i < fast.size(); i++) {
        assertArrayEquals(reference.get(i).names(), fast.get(i).names());
        assertArrayEquals(reference.get(i).values(), fast.get(i).values());
        assertArrayEquals(reference.get(i).timestamps(), fast.get(i).timestamps());
        assertArrayEquals(reference.get(i).samples(), fast.get(i).samples());
        assertNull(reference.get(i).seriesId());
      }
    }
  }

  @Test
  void seriesIdentityIsWhatTheRouterWouldBuild() throws Exception {
    InMemoryPodDirectory pods = new InMemoryPodDirectory()
        .put("ns", "p-1", new WorkloadRef("Deployment", "ns", "p"), true);
    SampleRouter router = new SampleRouter(RoutingRules.defaults(), pods);
    RawSeries s = WriteRequestParser.parse(RemoteWriteEncoder.request(List.of(RemoteWriteEncoder.series(1, 2,
        "__name__", "rps", "namespace", "ns", "pod", "p-1", "zone", "ü"))).toByteArray()).get(0);
    assertEquals(router.route(s.names(), s.values()), router.route(s.names(), s.values(), s.seriesId()));
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    WriteRequest withExtras = RemoteWriteEncoder.request(List.of(RemoteWriteEncoder.series(5, 1.5, "__name__", "x")))
        .toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
            .addField(3, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("meta"))
                .addVarint(7).addFixed32(9).addFixed64(11).build()).build()).build();
    TimeSeries ts = withExtras.getTimeseries(0).toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(9, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
    byte[] raw = withExtras.toBuilder().setTimeseries(0, ts).build().toByteArray();
    RawSeries parsed = WriteRequestParser.parse(raw).get(0);
    assertArrayEquals(new String[] {"__name__"}, parsed.names());
    assertArrayEquals(new double[] {1.5}, parsed.samples());
    assertArrayEquals(new long[] {5}, parsed.timestamps());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("truncated length", new byte[] {0x0a, 0x05, 0x0a}),
        Arguments.of("truncated varint", new byte[] {0x08, (byte) 0xff}),
        Arguments.of("field tag 0", new byte[] {0x00}),
        Arguments.of("wire type 7", new byte[] {0x0f}),
        Arguments.of("truncated double in a sample", new byte[] {0x0a, 0x04, 0x12, 0x02, 0x09, 0x01}),
        Arguments.of("eleven-byte varint", new byte[] {0x08, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedBytesAreRefusedWithAMessage(String name, byte[] bytes) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> WriteRequestParser.parse(bytes));
    assertTrue(e.getMessage().startsWith("body is not a protobuf WriteRequest"), e.getMessage());
    assertThrows(MalformedPayloadException.class, () -> RemoteWriteDecoder.parseGenerated(bytes), name);
  }
}
