package dev.reflex.embedded;

import dev.reflex.core.GoDuration;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pod running the {@code hey} load generator, as seed 004 loads its Knative service:
 * {@code hey -z 30s -c 50 -host "autoscale-go.default.example.com" "http://IP?sleep=100&prime=10000&bloat=5"}.
 * {@code -c} workers each keep one request in flight (a closed loop), so the load is {@code c} concurrent requests;
 * a request takes the URL's {@code sleep} milliseconds (autoscale-go's parameter) or
 * {@link ClientLoad#DEFAULT_SERVICE_TIME}, which with {@code -q} (requests per second per worker) gives the rate.
 * The run ends after {@code -z}, or once {@code -n} requests are sent. The Service is the one {@code -host} names
 * ({@code name.namespace.domain}, Knative's route host) or else the URL's host.
 *
 * @param workers {@code -c}, default 50
 * @param duration {@code -z}, when given
 * @param requests {@code -n}, default 200 (ignored with {@code -z})
 * @param ratePerWorker {@code -q}, 0 for no limit
 * @param host the Service's host
 * @param podNamespace the pod's namespace
 * @param serviceTime how long one request takes
 */
record HeyRun(int workers, Optional<Duration> duration, int requests, double ratePerWorker, String host,
    String podNamespace, Duration serviceTime) implements ClientLoad {

  private static final Set<String> WITH_VALUE = Set.of("-n", "-c", "-q", "-z", "-o", "-m", "-H", "-t", "-A", "-d",
      "-D", "-T", "-a", "-x", "-host", "-cpus");

  /** The hey run a pod's first container is, if it is one. */
  static Optional<HeyRun> of(JsonObject pod) {
    return Command.of(pod).flatMap(HeyRun::of);
  }

  static Optional<HeyRun> of(Command command) {
    boolean heyImage = isHeyImage(command.image());
    // Checked once a second for every running pod: most name no hey anywhere.
    if (!heyImage && command.parts().stream().noneMatch(part -> part.contains("hey"))) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (String part : command.parts()) {
      // A shell's -c script is one argument: its words, quotes dropped.
      for (String word : part.trim().split("\\s+")) {
        if (!word.isEmpty()) {
          words.add(word.replaceAll("^[\"']|[\"']$", ""));
        }
      }
    }
    int hey = words.indexOf("hey");
    for (int i = 0; i < words.size() && hey < 0; i++) {
      if (words.get(i).endsWith("/hey")) {
        hey = i;
      }
    }
    if (hey < 0 && !heyImage) {
      return Optional.empty();
    }
    return parse(words.subList(hey + 1, words.size()), command.podNamespace());
  }

  private static boolean isHeyImage(String image) {
    String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = repository.lastIndexOf('/');
    String name = repository.substring(slash + 1);
    return name.equals("hey") || name.startsWith("hey:");
  }

  /** hey's options and URL; empty when they are not a run this model can follow (no URL, a bad number). */
  static Optional<HeyRun> parse(List<String> arguments, String podNamespace) {
    int workers = 50;
    int requests = 200;
    double rate = 0;
    Optional<Duration> duration = Optional.empty();
    String routeHost = null;
    String url = null;
    try {
      for (int i = 0; i < arguments.size(); i++) {
        String word = arguments.get(i);
        String option = word.startsWith("--") ? word.substring(1) : word;
        if (WITH_VALUE.contains(option) && i + 1 < arguments.size()) {
          String value = arguments.get(++i);
          switch (option) {
            case "-c" -> workers = Integer.parseInt(value);
            case "-n" -> requests = Integer.parseInt(value);
            case "-q" -> rate = Double.parseDouble(value);
            case "-z" -> duration = Optional.of(GoDuration.parse(value));
            case "-host" -> routeHost = value;
            default -> {
              // Headers, method, body, timeouts: they do not change the load's size.
            }
          }
        } else if (!word.startsWith("-")) {
          url = word;
        }
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (url == null || workers < 1 || requests < 1 || rate < 0) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getHost() == null) {
      return Optional.empty();
    }
    String host = routeHost != null ? routeHost.split(":")[0] : uri.getHost();
    return Optional.of(new HeyRun(workers, duration, requests, rate, host, podNamespace, serviceTime(uri)));
  }

  /** autoscale-go's {@code ?sleep=MS}, else the default. */
  private static Duration serviceTime(URI uri) {
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("sleep=")) {
          try {
            long millis = Long.parseLong(pair.substring("sleep=".length()));
            if (millis > 0) {
              return Duration.ofMillis(millis);
            }
          } catch (NumberFormatException e) {
            break;
          }
        }
      }
    }
    return DEFAULT_SERVICE_TIME;
  }

  @Override
  public double requestsPerSecond() {
    double perWorker = 1e9 / serviceTime.toNanos();
    return workers * (ratePerWorker > 0 ? Math.min(ratePerWorker, perWorker) : perWorker);
  }

  @Override
  public double concurrency() {
    return requestsPerSecond() * serviceTime.toNanos() / 1e9;
  }

  @Override
  public Optional<Duration> runsFor() {
    return duration.or(() -> Optional.of(Duration.ofNanos((long) (requests / requestsPerSecond() * 1e9))));
  }

  /** hey prints a summary when it is done, not the responses. */
  @Override
  public boolean printsResponses() {
    return false;
  }
}
