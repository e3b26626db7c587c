package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * Ages as kube-apiserver prints them in tables ({@code duration.HumanDuration}): about two significant figures,
 * {@code 45s}, {@code 5m30s}, {@code 12m}, {@code 3h20m}, {@code 10h}, {@code 2d5h}, {@code 30d}, {@code 2y100d},
 * {@code 9y}. Up to two seconds in the future still reads {@code 0s} (clock skew); further is {@code <invalid>}.
 */
public final class HumanDuration {

  private HumanDuration() {
  }

  /** The age of {@code timestamp} at {@code now}; {@code <unknown>} when there is no timestamp. */
  public static String since(Instant timestamp, Instant now) {
    return timestamp == null ? "<unknown>" : of(Duration.between(timestamp, now));
  }

  /** {@link #since} of an RFC 3339 string ({@code 2024-05-01T10:00:00Z}); unparsable or absent is {@code <unknown>}. */
  public static String since(String timestamp, Instant now) {
    return since(Timestamps.parse(timestamp), now);
  }

  public static String of(Duration d) {
    // Go truncates every unit division toward zero; Duration.getSeconds() floors, so adjust negative fractions.
    long seconds = d.getSeconds();
    if (seconds < 0 && d.getNano() > 0) {
      seconds++;
    }
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = seconds / 3600;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      long days = (hours / 24) % 365;
      return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }
    return hours / 24 / 365 + "y";
  }

}
