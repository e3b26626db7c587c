package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod whose container loops HTTP requests to a Service, as seed 001's load generator does:
 * {@code /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"}. The simulated kubelet turns such
 * a pod into request load on the Service's ready pods: one request per loop, a loop per sleep interval.
 *
 * @param requestsPerSecond one request per {@code sleep} interval
 * @param service the Service the URL names
 * @param namespace its namespace: the URL's second label ({@code php-apache.shop.svc}), else the pod's
 */
record RequestLoop(double requestsPerSecond, String service, String namespace) {

  /** {@code while sleep N; do wget|curl ... http://host[:port][/path]; done}, with any options in between. */
  private static final Pattern LOOP = Pattern.compile(
      "while\\s+sleep\\s+([0-9]*\\.?[0-9]+)\\s*;\\s*do\\s+(?:wget|curl)\\b[^;]*?\\bhttps?://([A-Za-z0-9.-]+)"
          + "[^\\s;]*[^;]*;\\s*done");
  /** Faster than this is not a request loop a shell runs; it bounds the load one pod can make. */
  private static final double MIN_INTERVAL_SECONDS = 0.001;

  /** The request loop a pod's first container runs, if it runs one. */
  static Optional<RequestLoop> of(JsonObject pod) {
    JsonArray containers = pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray());
    if (containers.isEmpty()) {
      return Optional.empty();
    }
    JsonObject container = containers.getJsonObject(0);
    StringBuilder script = new StringBuilder();
    for (String field : new String[] {"command", "args"}) {
      container.getJsonArray(field, new JsonArray()).forEach(part -> script.append(part).append(' '));
    }
    // Checked once a second for every running pod: most run no shell loop at all.
    if (script.indexOf("while") < 0) {
      return Optional.empty();
    }
    Matcher matcher = LOOP.matcher(script);
    if (!matcher.find()) {
      return Optional.empty();
    }
    double interval = Math.max(MIN_INTERVAL_SECONDS, Double.parseDouble(matcher.group(1)));
    String[] labels = matcher.group(2).split("\\.");
    String namespace = labels.length > 1 ? labels[1]
        : pod.getJsonObject("metadata", new JsonObject()).getString("namespace", "default");
    return Optional.of(new RequestLoop(1 / interval, labels[0], namespace));
  }
}
