package dev.reflex.metrics.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written parser for the protobuf {@code WriteRequest} of remote-write 1.0 (the schema in
 * {@code src/main/proto/prometheus/remote.proto}), the hot path of ingest. Compared with the generated classes it
 * builds no message objects: labels go straight into {@link RawSeries} arrays, repeated label names, metric names
 * and namespaces come from a {@link StringCache}, and the series identity ({@code name=value,…} of every label but
 * {@code __name__}, the same text {@link dev.reflex.metrics.routing.SampleRouter} would build) is assembled from
 * the wire bytes. Unknown fields are skipped, as protobuf requires. Thread-safe.
 */
public final class WriteRequestParser {

  private static final StringCache CACHE = new StringCache(1 << 14, 64);
  private static final byte[] NAME_LABEL = "__name__".getBytes(StandardCharsets.UTF_8);

  private WriteRequestParser() {
  }

  /**
   * Parses an uncompressed {@code WriteRequest}.
   *
   * @throws MalformedPayloadException when the bytes are not valid protobuf of that shape
   */
  public static List<RawSeries> parse(byte[] buf) throws MalformedPayloadException {
    Reader r = new Reader(buf, 0, buf.length);
    List<RawSeries> out = new ArrayList<>();
    Scratch scratch = new Scratch();
    while (r.more()) {
      int tag = r.varint32();
      if (tag == (1 << 3 | 2)) {
        int len = r.length();
        out.add(series(new Reader(buf, r.pos, r.pos + len), scratch));
        r.pos += len;
      } else {
        r.skip(tag);
      }
    }
    return out;
  }

  /** Reusable per-call buffers. */
  private static final class Scratch {
    int[] labelOffsets = new int[64]; // nameOff, nameLen, valueOff, valueLen per label
    long[] times = new long[8];
    double[] values = new double[8];
    byte[] id = new byte[256];
  }

  private static RawSeries series(Reader r, Scratch s) throws MalformedPayloadException {
    int labels = 0;
    int samples = 0;
    while (r.more()) {
      int tag = r.varint32();
      if (tag == (1 << 3 | 2)) {
        int len = r.length();
        if (labels * 4 + 4 > s.labelOffsets.length) {
          s.labelOffsets = Arrays.copyOf(s.labelOffsets, s.labelOffsets.length * 2);
        }
        label(new Reader(r.buf, r.pos, r.pos + len), s.labelOffsets, labels * 4);
        labels++;
        r.pos += len;
      } else if (tag == (2 << 3 | 2)) {
        int len = r.length();
        if (samples == s.times.length) {
          s.times = Arrays.copyOf(s.times, samples * 2);
          s.values = Arrays.copyOf(s.values, samples * 2);
        }
        sample(new Reader(r.buf, r.pos, r.pos + len), s, samples);
        samples++;
        r.pos += len;
      } else {
        r.skip(tag);
      }
    }
    String[] names = new String[labels];
    String[] values = new String[labels];
    int idLength = 0;
    byte[] buf = r.buf;
    int[] o = s.labelOffsets;
    for (int i = 0; i < labels; i++) {
      int no = o[4 * i];
      int nl = o[4 * i + 1];
      int vo = o[4 * i + 2];
      int vl = o[4 * i + 3];
      names[i] = CACHE.get(buf, no, nl);
      boolean isName = Arrays.equals(buf, no, no + nl, NAME_LABEL, 0, NAME_LABEL.length);
      // Metric names and namespaces repeat in every request; pod, instance and most other values are too many
      // to cache (they would only evict each other), so those are decoded directly.
      values[i] = isName || names[i].equals("namespace") ? CACHE.get(buf, vo, vl)
          : new String(buf, vo, vl, StandardCharsets.UTF_8);
      if (isName) {
        continue;
      }
      int need = idLength + nl + vl + 2;
      if (need > s.id.length) {
        s.id = Arrays.copyOf(s.id, Math.max(need, s.id.length * 2));
      }
      if (idLength > 0) {
        s.id[idLength++] = ',';
      }
      System.arraycopy(buf, no, s.id, idLength, nl);
      idLength += nl;
      s.id[idLength++] = '=';
      System.arraycopy(buf, vo, s.id, idLength, vl);
      idLength += vl;
    }
    String id = new String(s.id, 0, idLength, StandardCharsets.UTF_8);
    return new RawSeries(names, values, Arrays.copyOf(s.times, samples), Arrays.copyOf(s.values, samples), id);
  }

  private static void label(Reader r, int[] offsets, int at) throws MalformedPayloadException {
    while (r.more()) {
      int tag = r.varint32();
      if (tag == (1 << 3 | 2) || tag == (2 << 3 | 2)) {
        int len = r.length();
        int slot = tag == (1 << 3 | 2) ? at : at + 2;
        offsets[slot] = r.pos;
        offsets[slot + 1] = len;
        r.pos += len;
      } else {
        r.skip(tag);
      }
    }
  }

  private static void sample(Reader r, Scratch s, int i) throws MalformedPayloadException {
    s.values[i] = 0;
    s.times[i] = 0;
    while (r.more()) {
      int tag = r.varint32();
      if (tag == (1 << 3 | 1)) {
        s.values[i] = Double.longBitsToDouble(r.fixed64());
      } else if (tag == (2 << 3)) {
        s.times[i] = r.varint64();
      } else {
        r.skip(tag);
      }
    }
  }

  /** A bounds-checked cursor over a slice of the buffer. */
  private static final class Reader {
    final byte[] buf;
    int pos;
    final int end;

    Reader(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    int varint32() throws MalformedPayloadException {
      long v = varint64();
      if (v == 0) {
        throw bad("a field tag of 0");
      }
      return (int) v;
    }

    long varint64() throws MalformedPayloadException {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw bad("a truncated varint");
        }
        byte b = buf[pos++];
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return result;
        }
      }
      throw bad("a varint longer than 10 bytes");
    }

    long fixed64() throws MalformedPayloadException {
      if (end - pos < 8) {
        throw bad("a truncated 64-bit field");
      }
      long v = 0;
      for (int i = 7; i >= 0; i--) {
        v = (v << 8) | (buf[pos + i] & 0xffL);
      }
      pos += 8;
      return v;
    }

    int length() throws MalformedPayloadException {
      long len = varint64();
      if (len < 0 || len > end - pos) {
        throw bad("a length of " + len + " past the end of its message");
      }
      return (int) len;
    }

    void skip(int tag) throws MalformedPayloadException {
      switch (tag & 7) {
        case 0 -> varint64();
        case 1 -> {
          if (end - pos < 8) {
            throw bad("a truncated 64-bit field");
          }
          pos += 8;
        }
        case 2 -> {
          int len = length(); // not "pos += length()": that would add to pos as it was before the length's varint
          pos += len;
        }
        case 5 -> {
          if (end - pos < 4) {
            throw bad("a truncated 32-bit field");
          }
          pos += 4;
        }
        default -> throw bad("wire type " + (tag & 7) + " (field " + (tag >>> 3) + ")");
      }
    }

    private static MalformedPayloadException bad(String what) {
      return new MalformedPayloadException("body is not a protobuf WriteRequest: " + what);
    }
  }
}
