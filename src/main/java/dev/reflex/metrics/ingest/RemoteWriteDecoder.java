package dev.reflex.metrics.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xerial.snappy.Snappy;

/** Decodes Prometheus remote-write 1.0 payloads: snappy block format around a protobuf {@code WriteRequest}. */
public final class RemoteWriteDecoder {

  private RemoteWriteDecoder() {
  }

  /**
   * Un-snappies and parses a request body.
   *
   * @param body the snappy block-compressed bytes
   * @param maxUncompressedBytes refuse bodies that claim to expand beyond this (a compression bomb guard)
   * @throws MalformedPayloadException on bad snappy, an oversized expansion or bad protobuf
   */
  public static List<RawSeries> decodeSnappy(byte[] body, int maxUncompressedBytes) throws MalformedPayloadException {
    return parse(uncompress(body, maxUncompressedBytes));
  }

  /** The snappy block-format body uncompressed, with the same checks as {@link #decodeSnappy}. */
  public static byte[] uncompress(byte[] body, int maxUncompressedBytes) throws MalformedPayloadException {
    if (body.length == 0) {
      throw new MalformedPayloadException("empty body: expected a snappy-compressed protobuf WriteRequest");
    }
    int length;
    try {
      length = Snappy.uncompressedLength(body);
    } catch (IOException | RuntimeException e) {
      throw new MalformedPayloadException("body is not snappy block-format data: " + e.getMessage(), e);
    }
    if (length < 0 || length > maxUncompressedBytes) {
      throw new MalformedPayloadException("snappy body claims " + Integer.toUnsignedString(length)
          + " uncompressed bytes, more than the limit of " + maxUncompressedBytes);
    }
    byte[] raw = new byte[length];
    try {
      int n = Snappy.uncompress(body, 0, body.length, raw, 0);
      if (n != length) {
        throw new MalformedPayloadException("snappy body expanded to " + n + " bytes, its header said " + length);
      }
    } catch (IOException | RuntimeException e) {
      throw new MalformedPayloadException("body is not valid snappy block-format data: " + e.getMessage(), e);
    }
    return raw;
  }

  /**
   * Parses an uncompressed protobuf {@code WriteRequest}.
   *
   * @throws MalformedPayloadException when the bytes are not one
   */
  public static List<RawSeries> parse(byte[] raw) throws MalformedPayloadException {
    return WriteRequestParser.parse(raw);
  }

  /**
   * The same as {@link #parse}, through the protobuf-generated classes: the reference the hand-written parser is
   * tested against.
   */
  static List<RawSeries> parseGenerated(byte[] raw) throws MalformedPayloadException {
    WriteRequest request;
    try {
      request = WriteRequest.parseFrom(raw);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadException("body is not a protobuf WriteRequest: " + e.getMessage(), e);
    }
    List<RawSeries> out = new ArrayList<>(request.getTimeseriesCount());
    for (TimeSeries ts : request.getTimeseriesList()) {
      int labels = ts.getLabelsCount();
      String[] names = new String[labels];
      String[] values = new String[labels];
      for (int i = 0; i < labels; i++) {
        Label label = ts.getLabels(i);
        names[i] = label.getName();
        values[i] = label.getValue();
      }
      int samples = ts.getSamplesCount();
      long[] times = new long[samples];
      double[] vals = new double[samples];
      for (int i = 0; i < samples; i++) {
        Sample s = ts.getSamples(i);
        times[i] = s.getTimestamp();
        vals[i] = s.getValue();
      }
      out.add(new RawSeries(names, values, times, vals));
    }
    return out;
  }

}
