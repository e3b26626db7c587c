package dev.reflex.core;

/** Go's {@code %q} of a string, which kube's and Go libraries' error messages use for bad values. */
public final class GoText {

  private GoText() {
  }

  /**
   * The string double-quoted with Go's escapes: backslash and quote, the named control escapes, {@code \xNN} for
   * other ASCII controls and {@code \\uNNNN} for unprintable non-ASCII; printable Unicode stays as it is.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0b -> out.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else if (c < 0x80 || printable(c)) {
            out.appendCodePoint(c);
          } else if (c <= 0xffff) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.append(String.format("\\U%08x", c));
          }
        }
      }
    });
    return out.append('"').toString();
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation and symbols; of the spaces only ASCII's.
  private static boolean printable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
