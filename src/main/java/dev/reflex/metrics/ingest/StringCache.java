package dev.reflex.metrics.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A direct-mapped cache from UTF-8 bytes to the String they decode to. Label names and most label values repeat in
 * every remote-write request ({@code __name__}, {@code namespace}, metric names), so reusing the String saves the
 * decoding and keeps its hash code computed for the map lookups routing makes. Fixed size: a miss replaces the slot,
 * so memory stays bounded whatever arrives. Thread-safe: slots hold immutable entries, and a racing reader sees
 * either an old or a new entry, both correct.
 */
final class StringCache {

  private record Entry(byte[] bytes, String text) {
  }

  private final Entry[] slots;
  private final int mask;
  private final int maxLength;

  /**
   * @param sizePowerOfTwo number of slots, a power of two
   * @param maxLength longer strings are decoded but not cached
   */
  StringCache(int sizePowerOfTwo, int maxLength) {
    if (Integer.bitCount(sizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("size must be a power of two");
    }
    this.slots = new Entry[sizePowerOfTwo];
    this.mask = sizePowerOfTwo - 1;
    this.maxLength = maxLength;
  }

  String get(byte[] buf, int off, int len) {
    if (len > maxLength) {
      return new String(buf, off, len, StandardCharsets.UTF_8);
    }
    int h = 0x811c9dc5;
    for (int i = off; i < off + len; i++) {
      h = (h ^ buf[i]) * 0x01000193;
    }
    int slot = (h ^ (h >>> 16)) & mask;
    Entry e = slots[slot];
    if (e != null && Arrays.equals(e.bytes, 0, e.bytes.length, buf, off, off + len)) {
      return e.text;
    }
    String text = new String(buf, off, len, StandardCharsets.UTF_8);
    slots[slot] = new Entry(Arrays.copyOfRange(buf, off, off + len), text);
    return text;
  }
}
