package dev.reflex.embedded;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod whose container loops HTTP requests to a Service, as seed 001's load generator does:
 * {@code /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"}, or seed 000's, by the Service's
 * ClusterIP and port ({@code wget -q -O- http://10.96.0.12:80 > /dev/null}). The simulated kubelet turns such a pod
 * into request load on the Service's ready pods: one request per loop, a loop per sleep interval.
 *
 * @param requestsPerSecond one request per {@code sleep} interval
 * @param host the URL's host: a Service name ({@code php-apache}, {@code php-apache.shop.svc...}) or a ClusterIP
 * @param podNamespace the namespace of the pod running the loop, where a bare Service name is looked up
 * @param discardsOutput whether the loop sends the responses elsewhere ({@code > /dev/null}) instead of printing them
 */
record RequestLoop(double requestsPerSecond, String host, String podNamespace, boolean discardsOutput)
    implements ClientLoad {

  /** {@code while sleep N; do wget|curl ... http://host[:port][/path] [> file]; done}, with any options between. */
  private static final Pattern LOOP = Pattern.compile(
      "while\\s+sleep\\s+([0-9]*\\.?[0-9]+)\\s*;\\s*do\\s+(?:wget|curl)\\b[^;]*?\\bhttps?://([A-Za-z0-9.-]+)"
          + "[^\\s;]*([^;]*);\\s*done");
  /** Faster than this is not a request loop a shell runs; it bounds the load one pod can make. */
  private static final double MIN_INTERVAL_SECONDS = 0.001;

  /** The request loop a pod's first container runs, if it runs one. */
  static Optional<RequestLoop> of(JsonObject pod) {
    return Command.of(pod).flatMap(RequestLoop::of);
  }

  static Optional<RequestLoop> of(Command command) {
    String script = String.join(" ", command.parts());
    // Checked once a second for every running pod: most run no shell loop at all.
    if (!script.contains("while")) {
      return Optional.empty();
    }
    Matcher matcher = LOOP.matcher(script);
    if (!matcher.find()) {
      return Optional.empty();
    }
    double interval = Math.max(MIN_INTERVAL_SECONDS, Double.parseDouble(matcher.group(1)));
    return Optional.of(new RequestLoop(1 / interval, matcher.group(2), command.podNamespace(),
        matcher.group(3).contains(">")));
  }

  /** One request in flight for its service time, then the sleep: at most one. */
  @Override
  public double concurrency() {
    return Math.min(1, requestsPerSecond * DEFAULT_SERVICE_TIME.toNanos() / 1e9);
  }

  @Override
  public Optional<Duration> runsFor() {
    return Optional.empty();
  }

  @Override
  public boolean printsResponses() {
    return !discardsOutput;
  }
}
