package dev.reflex.cli;

import dev.reflex.core.GoDuration;
import dev.reflex.metrics.ingest.MalformedPayloadException;
import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import dev.reflex.metrics.ingest.TextExpositionDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code reflex write}: samples in Prometheus' text format, typed or piped, remote-written to a running Reflex, once
 * or again every interval with fresh timestamps as a scrape would (until Ctrl+C). What a shell has where a
 * Prometheus would be: the walkthroughs feed a seed's custom metrics with it.
 */
final class WriteCommand {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Waits between two writes; a test passes one that does not sleep. */
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private WriteCommand() {
  }

  static int run(Options options, InputStream in, PrintStream out, PrintStream err) {
    return run(options, in, out, err, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), Integer.MAX_VALUE);
  }

  /**
   * @param writes how many writes {@code --every} makes at most (unbounded but in tests)
   */
  static int run(Options options, InputStream in, PrintStream out, PrintStream err, Clock clock, Pause pause,
      int writes) {
    String page = page(options, in);
    URI url = URI.create(options.get("url", "http://127.0.0.1:8080").replaceAll("/+$", "") + "/api/v1/write");
    String everyText = options.get("every", null);
    Duration every = null;
    if (everyText != null) {
      try {
        every = GoDuration.parse(everyText);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--every: " + e.getMessage());
      }
      if (every.isNegative() || every.isZero()) {
        throw new UsageException("--every: must be more than 0, got " + everyText);
      }
    }
    List<RawSeries> first = decode(page, clock.millis());
    if (first.isEmpty()) {
      throw new UsageException("no samples to write (give them as arguments, with --file, or on stdin)");
    }
    Optional<String> token = BearerToken.of(options, url);
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    if (every == null) {
      return send(http, url, token, first, err) ? 0 : 1;
    }
    err.println("reflex write: " + first.size() + " series to " + url + " every " + everyText
        + " (Ctrl+C to stop)");
    for (int i = 0; i < writes; i++) {
      // Each write restamps the samples that carry no timestamp of their own; a failure is reported and the next
      // write tried, as a scraper would.
      send(http, url, token, i == 0 ? first : decode(page, clock.millis()), err);
      if (i + 1 < writes) {
        try {
          pause.sleep(every);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 130;
        }
      }
    }
    return 0;
  }

  private static String page(Options options, InputStream in) {
    String file = options.get("file", null);
    try {
      if (file != null && !file.equals("-")) {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
      }
      if (file == null && !options.positional().isEmpty()) {
        return String.join("\n", options.positional());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
    }
  }

  private static List<RawSeries> decode(String page, long now) {
    try {
      return TextExpositionDecoder.decode(page, now);
    } catch (MalformedPayloadException e) {
      throw new UsageException("not a sample in Prometheus' text format: " + e.getMessage());
    }
  }

  private static boolean send(HttpClient http, URI url, Optional<String> token, List<RawSeries> series,
      PrintStream err) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("Content-Encoding", "snappy").header("Content-Type", "application/x-protobuf")
        .header("X-Prometheus-Remote-Write-Version", "0.1.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(RemoteWriteEncoder.encode(series)));
    token.ifPresent(t -> builder.header("Authorization", BearerToken.header(t)));
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        err.println("reflex write: " + url + " answered " + response.statusCode() + ": " + response.body().strip());
        return false;
      }
      return true;
    } catch (IOException e) {
      err.println("reflex write: cannot reach Reflex at " + url + ": " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
