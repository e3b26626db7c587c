package dev.reflex.objects;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * metav1.Time as JSON carries it: RFC 3339, written in UTC to the second. Every stored object holds several
 * (creationTimestamp, one per managedFields entry), the embedded API server reads them back on each write and the
 * controllers on each pass over a pod, so the form Kubernetes writes is read without the general date-time parser;
 * any other RFC 3339 form (fractions, offsets) takes the general one.
 */
public final class Timestamps {

  private static final int CANONICAL_LENGTH = "2026-12-03T09:00:00Z".length();

  private Timestamps() {
  }

  /** RFC 3339 in UTC, whole seconds: how metav1.Time is written. */
  public static String format(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The instant of an RFC 3339 timestamp, or null when it is absent, empty or malformed. */
  public static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return null;
    }
    Instant canonical = parseCanonical(timestamp);
    if (canonical != null) {
      return canonical;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ssZ} read digit by digit; null for anything else, left to the general parser. */
  private static Instant parseCanonical(String s) {
    if (s.length() != CANONICAL_LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return null;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
