package dev.reflex.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration, immutable and already validated.
 *
 * @param http the HTTP server
 * @param kube the Kubernetes client
 * @param shutdown graceful shutdown
 * @param taps event-bus taps
 * @param logLevel the log level
 * @param embedded the embedded cluster of {@code reflex embedded}
 * @param prometheus the Prometheus metrics source
 * @param grpc the gRPC metric ProviderService
 * @param leaderElection leader election
 * @param algorithmJob defaults for ExternalJob CronJobs
 * @param remoteWrite the Prometheus remote-write receiver
 * @param metrics streamed metrics: windows and streamed KPA decisions
 * @param kafka the Kafka sample consumer
 * @param customMetrics the custom and external metrics APIs Reflex serves
 */
public record ReflexConfig(Http http, Kube kube, Shutdown shutdown, Taps taps, String logLevel, Embedded embedded,
    Prometheus prometheus, Grpc grpc, LeaderElection leaderElection, AlgorithmJob algorithmJob,
    RemoteWrite remoteWrite, Metrics metrics, Kafka kafka, CustomMetrics customMetrics) {

  /** HTTP server; an empty host means "pick by mode". */
  public record Http(String host, int port, String auth, boolean allowUnauthenticated, Duration tokenCacheTtl,
      int tokenCacheSize) {
    public String hostOr(String modeDefault) {
      return host.isBlank() ? modeDefault : host;
    }

    /**
     * Whether bearer tokens are checked: {@code http.auth}, or the mode's default when it is empty.
     *
     * @throws ConfigException for a value other than {@code kubernetes}, {@code none} or empty
     */
    public boolean checksTokens(boolean modeDefault) {
      return switch (auth.strip()) {
        case "" -> modeDefault;
        case "kubernetes" -> true;
        case "none" -> false;
        default -> throw new ConfigException("invalid value '" + auth + "' for configuration key 'http.auth':"
            + " want kubernetes, none, or empty for the mode's default");
      };
    }
  }

  /** Kubernetes client. */
  public record Kube(String kubeconfig, int workerPoolSize, Duration requestTimeout, Duration resyncPeriod) {
  }

  /** Graceful shutdown. */
  public record Shutdown(Duration drainTimeout) {
  }

  /** Event-bus taps. */
  public record Taps(int bufferSize) {
  }

  /** The embedded cluster. */
  public record Embedded(int apiPort, String kubeconfig, List<String> workloads, Duration podStartupDelay,
      int loadMillicores, int idleMillicores, int podMemoryMib, double cpuMillicoresPerRequest,
      HpaController hpaController, Optional<Duration> cronClockStart, double loadSpeed, String loadFiguresFile,
      double podCapacityRps) {
    public Embedded {
      workloads = List.copyOf(workloads);
    }

    /**
     * How far ahead of the clock cron rules are read for {@code cronClockStart} to be the minute of the hour they
     * read at {@code startedAt}: zero without one.
     */
    public Duration cronClockOffset(Instant startedAt) {
      if (cronClockStart.isEmpty()) {
        return Duration.ZERO;
      }
      long hour = Duration.ofHours(1).toSeconds();
      long offset = Math.floorMod(cronClockStart.get().toSeconds() - Math.floorMod(startedAt.getEpochSecond(), hour),
          hour);
      return Duration.ofSeconds(offset);
    }
  }

  /**
   * The embedded kube-controller-manager's HorizontalPodAutoscaler controller, each setting named after its flag
   * ({@code --horizontal-pod-autoscaler-sync-period} and so on).
   */
  public record HpaController(Duration syncPeriod, double tolerance, Duration downscaleStabilization,
      Duration cpuInitializationPeriod, Duration initialReadinessDelay) {
  }

  /** The remote-write receiver. */
  public record RemoteWrite(int maxBodyBytes, int maxPendingBatches, int clientRateLimit) {
  }

  /** Streamed metrics. */
  public record Metrics(Duration staleAfter, Duration decisionInterval, int maxSeriesPerTarget,
      List<String> labelOverrides, List<String> resourceSeries) {
    public Metrics {
      labelOverrides = List.copyOf(labelOverrides);
      resourceSeries = List.copyOf(resourceSeries);
    }
  }

  /** The Kafka consumer; an empty {@code bootstrapServers} turns it off. */
  /**
   * The custom.metrics.k8s.io and external.metrics.k8s.io server (HTTPS, behind APIService objects).
   *
   * @param enabled whether {@code reflex run} serves them ({@code reflex embedded} always does)
   * @param tlsCert the serving certificate (PEM); with {@code tlsKey} empty both, a self-signed one is made
   * @param maxSeries the most streamed series held for these APIs
   */
  public record CustomMetrics(boolean enabled, int port, String tlsCert, String tlsKey, int maxSeries) {
  }

  public record Kafka(String bootstrapServers, List<String> topics, String groupId) {
    public Kafka {
      topics = List.copyOf(topics);
    }

    /** Whether a consumer should run. */
    public boolean enabled() {
      return !bootstrapServers.isBlank();
    }
  }

  /** Leader election through a coordination.k8s.io Lease. */
  public record LeaderElection(boolean enabled, String leaseName, String namespace, Duration leaseDuration) {
  }

  /** Defaults for the CronJobs of ExternalJob portraits. */
  public record AlgorithmJob(String namespace, String defaultImage, String metricsServerAddr, String serviceAccount) {
  }

  /** Prometheus as a metrics source; an empty address turns it off. */
  public record Prometheus(String address, String metricsConfig, Duration timeout) {
    public boolean enabled() {
      return !address.isBlank();
    }
  }

  /** The gRPC metric ProviderService; TLS when both paths are set. */
  public record Grpc(int port, String tlsCert, String tlsKey) {
  }

  /** The configuration made of the defaults alone. */
  public static ReflexConfig defaults() {
    return ConfigLoader.fromValues(Settings.defaults());
  }

  @SuppressWarnings("unchecked")
  static ReflexConfig fromTyped(Map<String, Object> v) {
    return new ReflexConfig(
        new Http((String) v.get("http.host"), (Integer) v.get("http.port"), (String) v.get("http.auth"),
            (Boolean) v.get("http.allow-unauthenticated"), (Duration) v.get("http.token-cache-ttl"),
            (Integer) v.get("http.token-cache-size")),
        new Kube((String) v.get("kube.kubeconfig"), (Integer) v.get("kube.worker-pool-size"),
            (Duration) v.get("kube.request-timeout"), (Duration) v.get("kube.resync-period")),
        new Shutdown((Duration) v.get("shutdown.drain-timeout")),
        new Taps((Integer) v.get("taps.buffer-size")),
        (String) v.get("log.level"),
        new Embedded((Integer) v.get("embedded.api-port"), (String) v.get("embedded.kubeconfig"),
            (List<String>) v.get("embedded.workloads"), (Duration) v.get("embedded.pod-startup-delay"),
            (Integer) v.get("embedded.load-millicores"), (Integer) v.get("embedded.idle-millicores"),
            (Integer) v.get("embedded.pod-memory-mib"), (Double) v.get("embedded.cpu-millicores-per-request"),
            new HpaController((Duration) v.get("embedded.horizontal-pod-autoscaler-sync-period"),
                (Double) v.get("embedded.horizontal-pod-autoscaler-tolerance"),
                (Duration) v.get("embedded.horizontal-pod-autoscaler-downscale-stabilization"),
                (Duration) v.get("embedded.horizontal-pod-autoscaler-cpu-initialization-period"),
                (Duration) v.get("embedded.horizontal-pod-autoscaler-initial-readiness-delay")),
            (Optional<Duration>) v.get("embedded.cron-clock-start"), (Double) v.get("embedded.load-speed"),
            (String) v.get("embedded.load-figures-file"), (Double) v.get("embedded.pod-capacity-rps")),
        new Prometheus((String) v.get("prometheus.address"), (String) v.get("prometheus.metrics-config"),
            (Duration) v.get("prometheus.timeout")),
        new Grpc((Integer) v.get("grpc.port"), (String) v.get("grpc.tls-cert"), (String) v.get("grpc.tls-key")),
        new LeaderElection((Boolean) v.get("leader-election.enabled"), (String) v.get("leader-election.lease-name"),
            (String) v.get("leader-election.namespace"), (Duration) v.get("leader-election.lease-duration")),
        new AlgorithmJob((String) v.get("algorithm-job.namespace"), (String) v.get("algorithm-job.default-image"),
            (String) v.get("algorithm-job.metrics-server-addr"), (String) v.get("algorithm-job.service-account")),
        new RemoteWrite((Integer) v.get("remote-write.max-body-bytes"),
            (Integer) v.get("remote-write.max-pending-batches"), (Integer) v.get("remote-write.client-rate-limit")),
        new Metrics((Duration) v.get("metrics.stale-after"), (Duration) v.get("metrics.decision-interval"),
            (Integer) v.get("metrics.max-series-per-target"), (List<String>) v.get("metrics.label-overrides"),
            (List<String>) v.get("metrics.resource-series")),
        new Kafka((String) v.get("kafka.bootstrap-servers"), (List<String>) v.get("kafka.topics"),
            (String) v.get("kafka.group-id")),
        new CustomMetrics((Boolean) v.get("custom-metrics.enabled"), (Integer) v.get("custom-metrics.port"),
            (String) v.get("custom-metrics.tls-cert"), (String) v.get("custom-metrics.tls-key"),
            (Integer) v.get("custom-metrics.max-series")));
  }
}
