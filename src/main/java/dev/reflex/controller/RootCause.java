package dev.reflex.controller;

/** The message a condition shows for a failure: its root cause's, first line only (Jackson's run on for lines). */
public final class RootCause {

  private RootCause() {
  }

  public static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
