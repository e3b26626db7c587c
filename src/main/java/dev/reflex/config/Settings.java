package dev.reflex.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of configuration keys. {@code conf/reflex.yaml} documents the same keys with the same defaults, and
 * {@code ShippedConfigTest} keeps the two from drifting apart.
 */
public final class Settings {

  public static final List<Setting> ALL = List.of(
      new Setting("http.host", "", ValueKind.STRING,
          "Address of the HTTP server (health, metrics, taps, remote-write); empty = 127.0.0.1 when embedded,"
              + " 0.0.0.0 otherwise."),
      new Setting("http.port", "8080", ValueKind.PORT, "Port of the HTTP server; 0 picks a free port."),
      new Setting("http.auth", "", ValueKind.STRING,
          "Who may call the HTTP endpoints but the probes (remote-write, taps, /metrics): 'kubernetes' checks"
              + " bearer tokens with the cluster's TokenReview API, 'none' lets anyone in. Empty = 'kubernetes'"
              + " for `reflex run`, 'none' for `reflex embedded` (loopback only)."),
      new Setting("http.allow-unauthenticated", "false", ValueKind.BOOLEAN,
          "Lets `reflex run` start with http.auth 'none' on an address other than loopback."),
      new Setting("http.token-cache-ttl", "2m", ValueKind.DURATION,
          "How long an accepted bearer token is trusted before it is reviewed again (a rejected one: 10 s);"
              + " 0s reviews every request."),
      new Setting("http.token-cache-size", "10000", ValueKind.POSITIVE_INT,
          "The most bearer tokens remembered; the least recently used is forgotten first."),
      new Setting("kube.kubeconfig", "", ValueKind.STRING,
          "Kubeconfig file for `reflex run`; empty = $KUBECONFIG, ~/.kube/config, then the in-cluster account."),
      new Setting("kube.worker-pool-size", "8", ValueKind.POSITIVE_INT,
          "Threads of the one pool that runs blocking Kubernetes client calls."),
      new Setting("kube.request-timeout", "10s", ValueKind.DURATION,
          "Timeout of one Kubernetes API request made by Reflex."),
      new Setting("kube.resync-period", "30s", ValueKind.DURATION,
          "Informer resync period: the safety net that re-delivers every watched object."),
      new Setting("shutdown.drain-timeout", "10s", ValueKind.DURATION,
          "How long SIGTERM waits for in-flight API writes before Reflex exits."),
      new Setting("taps.buffer-size", "1024", ValueKind.POSITIVE_INT,
          "Messages buffered per tap client; beyond that messages are dropped for that client and counted."),
      new Setting("log.level", "info", ValueKind.LOG_LEVEL, "Log level: trace, debug, info, warn or error."),
      new Setting("embedded.api-port", "0", ValueKind.PORT,
          "Port of the embedded Kubernetes API server; 0 picks a free port."),
      new Setting("embedded.kubeconfig", ".reflex/kubeconfig", ValueKind.STRING,
          "Where `reflex embedded` writes the kubeconfig that points kubectl at the embedded API server."),
      new Setting("embedded.workloads", "deploy/samples/nginx-statefulset.yaml", ValueKind.LIST,
          "Manifests applied to the embedded cluster at start, comma-separated."),
      new Setting("embedded.pod-startup-delay", "2s", ValueKind.DURATION,
          "Time a simulated pod takes from creation to Ready, and from a graceful delete to gone."),
      new Setting("embedded.load-millicores", "0", ValueKind.NON_NEGATIVE_INT,
          "Simulated CPU demand of each workload in millicores, shared by its Ready pods."),
      new Setting("embedded.idle-millicores", "1", ValueKind.NON_NEGATIVE_INT,
          "CPU every simulated Running pod uses with no load, in millicores."),
      new Setting("embedded.pod-memory-mib", "32", ValueKind.NON_NEGATIVE_INT,
          "Memory every simulated Running pod uses, in MiB."),
      new Setting("embedded.cpu-millicores-per-request", "6.1", ValueKind.NON_NEGATIVE_NUMBER,
          "CPU one request of a simulated request loop (a pod looping wget or curl to a Service) costs the pod"
              + " serving it, in millicores; 6.1 makes seed 001's load generator 305 % of a 200m request."),
      new Setting("embedded.horizontal-pod-autoscaler-sync-period", "15s", ValueKind.DURATION,
          "How often the embedded HorizontalPodAutoscaler controller decides each HPA (kube-controller-manager's"
              + " --horizontal-pod-autoscaler-sync-period)."),
      new Setting("embedded.horizontal-pod-autoscaler-tolerance", "0.1", ValueKind.NON_NEGATIVE_NUMBER,
          "The ratio around 1 within which the HPA controller leaves the replicas alone"
              + " (--horizontal-pod-autoscaler-tolerance)."),
      new Setting("embedded.horizontal-pod-autoscaler-downscale-stabilization", "5m", ValueKind.DURATION,
          "The window whose highest recommendation an HPA without behavior scales down to"
              + " (--horizontal-pod-autoscaler-downscale-stabilization)."),
      new Setting("embedded.horizontal-pod-autoscaler-cpu-initialization-period", "5m", ValueKind.DURATION,
          "How long after start a pod's CPU sample is only trusted once it is Ready"
              + " (--horizontal-pod-autoscaler-cpu-initialization-period)."),
      new Setting("embedded.horizontal-pod-autoscaler-initial-readiness-delay", "30s", ValueKind.DURATION,
          "How long after start a pod's readiness changes are taken as its first readiness"
              + " (--horizontal-pod-autoscaler-initial-readiness-delay)."),
      new Setting("embedded.cron-clock-start", "", ValueKind.MINUTE_OF_HOUR,
          "The minute of the hour (MM:SS) cron rules read when Reflex starts, their clock then running ahead of the"
              + " real one at its speed: time compression for a walkthrough of an hourly schedule (the embedded mode"
              + " only; events and timestamps keep the real clock). Empty: the real clock."),
      new Setting("embedded.load-speed", "1", ValueKind.NON_NEGATIVE_NUMBER,
          "With --load trace:FILE: how many seconds of the trace each real second replays (2 plays an hour in"
              + " 30 minutes); more than 0."),
      new Setting("embedded.load-figures-file", "", ValueKind.STRING,
          "With --load: where the load's figures (the backtest's: unserved requests, pod-seconds, reaction times)"
              + " are written as one JSON line, refreshed every 5 s and at shutdown, computed from what the"
              + " simulated pods did. Empty: not written."),
      new Setting("embedded.pod-capacity-rps", "50", ValueKind.NON_NEGATIVE_NUMBER,
          "With --load: the requests per second one ready pod serves, for the load's figures; demand beyond the"
              + " ready pods' capacity counts as unserved."),
      new Setting("prometheus.address", "", ValueKind.STRING,
          "Base URL of the Prometheus Reflex queries for metrics and history, e.g."
              + " http://prometheus-server.prometheus:80; empty = no Prometheus."),
      new Setting("prometheus.metrics-config", "conf/prometheus-metrics-config.yaml", ValueKind.STRING,
          "The prometheus-adapter style rules file that maps metrics to PromQL."),
      new Setting("prometheus.timeout", "10s", ValueKind.DURATION, "Timeout of one Prometheus HTTP request."),
      new Setting("grpc.port", "9090", ValueKind.PORT,
          "Port of the gRPC metric ProviderService predictive jobs query; 0 picks a free port."),
      new Setting("grpc.tls-cert", "", ValueKind.STRING,
          "PEM certificate chain for gRPC over TLS; set together with grpc.tls-key; empty = plaintext."),
      new Setting("grpc.tls-key", "", ValueKind.STRING,
          "PEM private key for gRPC over TLS; set together with grpc.tls-cert."),
      new Setting("leader-election.enabled", "true", ValueKind.BOOLEAN,
          "Run the controllers only in the replica that holds the Lease; the others stand by."),
      new Setting("leader-election.lease-name", "reflex-leader", ValueKind.STRING,
          "Name of the coordination.k8s.io Lease."),
      new Setting("leader-election.namespace", "", ValueKind.STRING,
          "Namespace of the Lease; empty = the client's namespace (the pod's own in a cluster)."),
      new Setting("leader-election.lease-duration", "10s", ValueKind.DURATION,
          "How long a Lease stays valid without renewal: a standby takes over at most this long (plus one retry)"
              + " after the leader dies."),
      new Setting("algorithm-job.namespace", "", ValueKind.STRING,
          "Namespace of the CronJobs of ExternalJob portraits; empty = the Lease namespace rule."),
      new Setting("algorithm-job.default-image",
          "ghcr.io/traas-stack/kapacity-algorithm-horizontal-predictive:latest", ValueKind.STRING,
          "Image of the container named 'algorithm' when the template leaves it empty."),
      new Setting("algorithm-job.metrics-server-addr", "reflex-grpc-service.reflex-system:9090", ValueKind.STRING,
          "METRICS_SERVER_ADDR given to algorithm jobs: Reflex's gRPC metric service."),
      new Setting("algorithm-job.service-account", "reflex-algorithm-job", ValueKind.STRING,
          "Service account of algorithm job pods whose template names none."),
      new Setting("remote-write.max-body-bytes", "4194304", ValueKind.POSITIVE_INT,
          "Largest remote-write request body accepted (snappy-compressed bytes); larger ones get 413."),
      new Setting("remote-write.client-rate-limit", "0", ValueKind.NON_NEGATIVE_INT,
          "Samples per second one client (its authenticated name, else its address) may remote-write, a bucket of"
              + " one second of it; a batch beyond it gets 429 with Retry-After. 0 = no limit."),
      new Setting("remote-write.max-pending-batches", "64", ValueKind.POSITIVE_INT,
          "Remote-write requests being decoded at once; beyond that Reflex answers 503 and Prometheus retries."),
      new Setting("metrics.stale-after", "15s", ValueKind.DURATION,
          "A target with no sample for this long is stale (no recommendation, never scaled down); a series silent"
              + " this long is evicted. Must exceed the scrape interval plus the remote-write delay."),
      new Setting("metrics.decision-interval", "1s", ValueKind.DURATION,
          "Stable-mode streamed KPA decisions happen at most this often per target; bursts are decided at once."),
      new Setting("metrics.max-series-per-target", "1000", ValueKind.POSITIVE_INT,
          "Live series kept per target and metric; samples of further series are dropped and counted."),
      new Setting("metrics.label-overrides", "namespace=namespace,pod=pod", ValueKind.LIST,
          "Which series labels name the namespace, pod or workload, as label=resource (resource: namespace, pod,"
              + " deployment, statefulset, replicaset, and ingress or service for the object an Object metric"
              + " describes), like prometheus-adapter's resources.overrides."),
      new Setting("metrics.resource-series", "cpu=cpu_usage_cores", ValueKind.LIST,
          "Streamed per-pod gauges that stand for a Resource metric of KubeHPA portraits, as resource=series (cpu in"
              + " cores, memory in bytes); empty = Resource metrics are always polled."),
      new Setting("kafka.bootstrap-servers", "", ValueKind.STRING,
          "Kafka brokers to read samples from, comma-separated host:port; empty = no Kafka consumer."),
      new Setting("kafka.topics", "reflex-metrics", ValueKind.LIST,
          "Topics with samples: remote-write WriteRequest protobuf (optionally snappy) or JSON lines."),
      new Setting("kafka.group-id", "reflex", ValueKind.STRING,
          "Consumer group of the Kafka consumer; offsets are committed only after samples are accepted."),
      new Setting("custom-metrics.enabled", "false", ValueKind.BOOLEAN,
          "Serve custom.metrics.k8s.io and external.metrics.k8s.io (streamed samples first, then Prometheus through"
              + " prometheus.metrics-config) for plain HPAs, in place of prometheus-adapter; `reflex embedded` always"
              + " does and registers the APIServices."),
      new Setting("custom-metrics.port", "6443", ValueKind.PORT,
          "HTTPS port of the custom and external metrics APIs; 0 picks a free port."),
      new Setting("custom-metrics.tls-cert", "", ValueKind.STRING,
          "PEM serving certificate of the metrics APIs; set together with custom-metrics.tls-key; empty = a"
              + " certificate Reflex issues itself at start for reflex-custom-metrics.reflex-system.svc, signed by"
              + " a CA of its own."),
      new Setting("custom-metrics.tls-key", "", ValueKind.STRING,
          "PEM private key of the metrics APIs; set together with custom-metrics.tls-cert."),
      new Setting("custom-metrics.max-series", "100000", ValueKind.POSITIVE_INT,
          "Streamed series the metrics APIs hold (the newest sample of each); samples of further series are not"
              + " served from the stream."));

  private static final Map<String, Setting> BY_KEY = index();

  private Settings() {
  }

  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Every key with its default value, in documentation order. */
  public static Map<String, String> defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    ALL.forEach(s -> values.put(s.key(), s.defaultValue()));
    return values;
  }

  private static Map<String, Setting> index() {
    Map<String, Setting> map = new LinkedHashMap<>();
    ALL.forEach(s -> map.put(s.key(), s));
    return Map.copyOf(map);
  }
}
