package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pod whose container is an HTTP client of a Service, as the seeds load their workloads: a shell loop of
 * {@code wget} ({@link RequestLoop}, seeds 000 and 001) or a {@code hey} run ({@link HeyRun}, seed 004). The simulated
 * kubelet turns it into request load on the Service's ready pods, and the embedded cluster streams what each serving
 * pod sees ({@code rps}, {@code concurrency}) as a scrape would.
 */
sealed interface ClientLoad permits RequestLoop, HeyRun {

  /** How long a request takes where the URL does not say ({@code ?sleep=MS} of autoscale-go does). */
  Duration DEFAULT_SERVICE_TIME = Duration.ofMillis(10);

  /** A name a URL may give instead of a Service's: its ClusterIP. */
  Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** The client load a pod's first container runs, if it runs one. */
  static Optional<ClientLoad> of(JsonObject pod) {
    return Command.of(pod).flatMap(command -> RequestLoop.of(command).<ClientLoad>map(ClientLoad.class::cast)
        .or(() -> HeyRun.of(command)));
  }

  /**
   * What the parsers read of a pod, once for both: its first container's command and args, in order, its image and
   * its namespace.
   */
  record Command(List<String> parts, String image, String podNamespace) {

    static Optional<Command> of(JsonObject pod) {
      JsonArray containers = pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers",
          new JsonArray());
      if (containers.isEmpty()) {
        return Optional.empty();
      }
      JsonObject container = containers.getJsonObject(0);
      List<String> parts = new ArrayList<>();
      for (String field : new String[] {"command", "args"}) {
        container.getJsonArray(field, new JsonArray()).forEach(part -> parts.add(String.valueOf(part)));
      }
      return Optional.of(new Command(parts, container.getString("image", ""),
          pod.getJsonObject("metadata", new JsonObject()).getString("namespace", "default")));
    }
  }

  /** Requests per second the client sends. */
  double requestsPerSecond();

  /** Requests it keeps in flight on average. */
  double concurrency();

  /** How long the client runs once started; empty for a loop that runs until stopped. */
  Optional<Duration> runsFor();

  /** The host it addresses: a Service name ({@code php-apache}, {@code php-apache.shop.svc...}) or a ClusterIP. */
  String host();

  /** The namespace of the pod running the client, where a bare Service name is looked up. */
  String podNamespace();

  /** Whether it prints the responses (a terminal attached to it shows them). */
  boolean printsResponses();

  /** Whether {@link #host()} names the Service by its ClusterIP rather than by name. */
  default boolean byClusterIp() {
    return IPV4.matcher(host()).matches();
  }

  /** The Service a name resolves to: the host's first label. */
  default String serviceName() {
    return host().split("\\.")[0];
  }

  /** Its namespace: the host's second label ({@code php-apache.shop.svc}), else the pod's own. */
  default String serviceNamespace() {
    String[] labels = host().split("\\.");
    return labels.length > 1 ? labels[1] : podNamespace();
  }
}
