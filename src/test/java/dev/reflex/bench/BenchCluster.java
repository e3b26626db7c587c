package dev.reflex.bench;

import dev.reflex.testing.EmbeddedReflex;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The shared harness of the process-level control-plane benchmarks: Reflex and the embedded cluster in this JVM
 * (through {@link EmbeddedReflex}, real time), many small StatefulSets with one IHPA each, and the small tools the
 * benchmarks need (polling with a deadline, heap after GC, percentiles, the final JSON line).
 */
final class BenchCluster implements AutoCloseable {

  static final ResourceDefinitionContext IHPA = context("intelligenthorizontalpodautoscalers",
      "IntelligentHorizontalPodAutoscaler");
  static final ResourceDefinitionContext RP = context("replicaprofiles", "ReplicaProfile");
  static final ResourceDefinitionContext HP = context("horizontalportraits", "HorizontalPortrait");

  final EmbeddedReflex reflex;
  private final Path dir;

  private BenchCluster(EmbeddedReflex reflex, Path dir) {
    this.reflex = reflex;
    this.dir = dir;
  }

  /** Starts Reflex and the embedded cluster with extra {@code REFLEX_*} settings. */
  static BenchCluster start(Map<String, String> env) throws Exception {
    Path dir = Files.createTempDirectory("reflex-bench");
    // REFLEX_* variables of the benchmark's own environment reach Reflex too, e.g. REFLEX_KUBE_RESYNC_PERIOD=5m.
    Map<String, String> settings = new java.util.HashMap<>(env);
    System.getenv().forEach((name, value) -> {
      if (name.startsWith("REFLEX_")) {
        settings.put(name, value);
      }
    });
    return new BenchCluster(EmbeddedReflex.start(dir, Clock.systemUTC(), settings), dir);
  }

  /**
   * Namespaces the workloads are spread over ({@code BENCH_NAMESPACES}, default 50): the embedded simulator and the
   * controllers look up pods and profiles per namespace, so one namespace of 1,000 workloads would make every lookup
   * scan all of them; real clusters spread workloads too.
   */
  static final int NAMESPACES = intEnv("BENCH_NAMESPACES", 50);

  /** Workload {@code i}'s namespace, e.g. {@code bench-07}. */
  static String namespace(int i) {
    return "bench-%02d".formatted(i % NAMESPACES);
  }

  /** Workload {@code i}'s name, e.g. {@code bw-0042}. */
  static String workload(int i) {
    return "bw-%04d".formatted(i);
  }

  /**
   * Creates StatefulSets {@code 0..n-1} (in their namespaces) of one replica; no Service and no readiness gate, for
   * the least pod churn.
   */
  void createStatefulSets(int n, int threads) throws Exception {
    createNamespaces(Math.min(n, NAMESPACES));
    parallel(n, threads, i -> () -> reflex.client.apps().statefulSets().inNamespace(namespace(i))
        .resource(statefulSet(namespace(i), workload(i))).create());
  }

  /**
   * Creates the namespaces {@code bench-00 ..} the first {@code count} workloads go to: the API server, as
   * kube-apiserver does, refuses objects in a namespace that does not exist. One that exists already is kept.
   */
  void createNamespaces(int count) {
    for (int i = 0; i < count; i++) {
      try {
        reflex.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
            .withName(namespace(i)).endMetadata().build()).create();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  /** Creates one IHPA per workload, named after it, with the given {@code portraitProviders} YAML block. */
  void createIhpas(int n, int threads, int maxReplicas, IntFunction<String> providers) throws Exception {
    parallel(n, threads, i -> () -> {
      String yaml = """
          apiVersion: autoscaling.kapacitystack.io/v1alpha1
          kind: IntelligentHorizontalPodAutoscaler
          metadata: {name: %1$s, namespace: %4$s}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: %1$s}
            minReplicas: 1
            maxReplicas: %2$d
            portraitProviders:
          %3$s""".formatted(workload(i), maxReplicas, providers.apply(i), namespace(i));
      GenericKubernetesResource ihpa = reflex.client.getKubernetesSerialization()
          .unmarshal(yaml, GenericKubernetesResource.class);
      return reflex.client.genericKubernetesResources(IHPA).inNamespace(namespace(i)).resource(ihpa).create();
    });
  }

  /** Ready pods in all namespaces. */
  long readyPods() {
    return reflex.client.pods().inAnyNamespace().list().getItems().stream().filter(BenchCluster::ready)
        .count();
  }

  /** Custom resources of a kind in all namespaces. */
  List<GenericKubernetesResource> list(ResourceDefinitionContext kind) {
    return reflex.client.genericKubernetesResources(kind).inAnyNamespace().list().getItems();
  }

  /** Waits until the controllers have nothing queued or running, twice, 300 ms apart (informer echoes settle). */
  void settle(Duration timeout) {
    waitFor(timeout, "controllers idle", 20, () -> reflex.app.controllers().idle());
    sleep(300);
    waitFor(timeout, "controllers idle", 20, () -> reflex.app.controllers().idle());
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Polls until the condition holds (every 500 ms: the conditions list hundreds of objects, and a tighter loop
   * would load the API server it is measuring); fails with a message after the timeout.
   */
  static void waitFor(Duration timeout, String what, Supplier<Boolean> condition) {
    waitFor(timeout, what, 500, condition);
  }

  /** Polls every {@code pollMillis} until the condition holds; fails with a message after the timeout. */
  static void waitFor(Duration timeout, String what, long pollMillis, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Boolean.TRUE.equals(condition.get())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      sleep(pollMillis);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Heap in use after a full collection, in bytes (the whole JVM: Reflex, the embedded API server, clients). */
  static long heapUsedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The value at quantile {@code q} (nearest rank) of sorted values. */
  static double percentile(List<Double> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** Writes the figures as one JSON line to the file the script prints last. */
  static void writeFigures(JsonObject figures) throws Exception {
    String out = System.getProperty("bench.out");
    if (out != null) {
      Files.writeString(Path.of(out), figures.encode() + "\n");
    }
    System.err.println(figures.encode());
  }

  private static void parallel(int n, int threads, IntFunction<java.util.concurrent.Callable<?>> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(task.apply(i)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static StatefulSet statefulSet(String namespace, String name) {
    return new StatefulSetBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().withReplicas(1).withServiceName(name)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("nginx:stable").endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  private static ResourceDefinitionContext context(String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup("autoscaling.kapacitystack.io").withVersion("v1alpha1")
        .withPlural(plural).withKind(kind).withNamespaced(true).build();
  }

  @Override
  public void close() {
    reflex.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a leftover temporary kubeconfig is harmless
    }
  }
}
