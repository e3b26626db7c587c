package dev.reflex.metrics.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.xerial.snappy.Snappy;

/**
 * Decodes one Kafka record value: JSON lines, or a remote-write {@code WriteRequest} protobuf, snappy-compressed or
 * not. Record headers decide when present ({@code content-type: application/json} or
 * {@code application/x-protobuf}, {@code content-encoding: snappy}); otherwise the bytes are sniffed: a leading
 * {@code {} means JSON (falling back to protobuf, since a snappy length byte can be 0x7B too), and binary data is
 * tried as snappy first and as plain protobuf second.
 */
public final class KafkaPayloads {

  private KafkaPayloads() {
  }

  /**
   * Decodes a record value.
   *
   * @param value the record value
   * @param contentType the {@code content-type} header, or null
   * @param contentEncoding the {@code content-encoding} header, or null
   * @param maxBytes the largest (uncompressed) payload accepted
   * @throws MalformedPayloadException when the value is none of the accepted forms
   */
  public static List<RawSeries> decode(byte[] value, String contentType, String contentEncoding, int maxBytes)
      throws MalformedPayloadException {
    if (value == null || value.length == 0) {
      throw new MalformedPayloadException("empty Kafka record value");
    }
    if (value.length > maxBytes) {
      throw new MalformedPayloadException("Kafka record value of " + value.length + " bytes is over the limit of "
          + maxBytes);
    }
    boolean snappy = contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("snappy");
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals("application/json") || type.equals("application/x-ndjson")) {
      return JsonLinesDecoder.decode(snappy ? RemoteWriteDecoder.uncompress(value, maxBytes) : value);
    }
    if (type.equals("application/x-protobuf")) {
      return snappy ? RemoteWriteDecoder.decodeSnappy(value, maxBytes) : RemoteWriteDecoder.parse(value);
    }
    if (!type.isEmpty()) {
      throw new MalformedPayloadException("unsupported content-type header '" + contentType
          + "' (want application/json or application/x-protobuf)");
    }
    return sniff(value, maxBytes);
  }

  private static List<RawSeries> sniff(byte[] value, int maxBytes) throws MalformedPayloadException {
    MalformedPayloadException jsonError = null;
    if (value[0] == '{') {
      try {
        return JsonLinesDecoder.decode(value);
      } catch (MalformedPayloadException e) {
        jsonError = e;
      }
    }
    MalformedPayloadException snappyError = null;
    boolean looksSnappy;
    try {
      looksSnappy = Snappy.isValidCompressedBuffer(value);
    } catch (IOException | RuntimeException e) {
      looksSnappy = false;
    }
    if (looksSnappy) {
      try {
        return RemoteWriteDecoder.decodeSnappy(value, maxBytes);
      } catch (MalformedPayloadException e) {
        snappyError = e;
      }
    }
    try {
      return RemoteWriteDecoder.parse(value);
    } catch (MalformedPayloadException e) {
      throw new MalformedPayloadException("Kafka record is neither JSON lines nor a (snappy) protobuf WriteRequest"
          + (jsonError == null ? "" : "; as JSON: " + jsonError.getMessage())
          + (snappyError == null ? "" : "; as snappy: " + snappyError.getMessage())
          + "; as protobuf: " + e.getMessage(), e);
    }
  }
}
