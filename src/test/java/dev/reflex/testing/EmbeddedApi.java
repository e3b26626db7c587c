package dev.reflex.testing;

import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The embedded cluster without Reflex, and a client of it as Reflex's own code makes one: for tests of one component
 * against the real API contract (and its fault injection) on a Vert.x the test owns.
 */
public final class EmbeddedApi implements AutoCloseable {

  public final EmbeddedCluster cluster;
  public final KubeRest rest;
  private final KubeOps ops;

  private EmbeddedApi(EmbeddedCluster cluster, KubeRest rest, KubeOps ops) {
    this.cluster = cluster;
    this.rest = rest;
    this.ops = ops;
  }

  /** Starts a cluster with no sample workloads; its kubeconfig goes to {@code dir}. */
  public static Future<EmbeddedApi> start(Vertx vertx, Path dir) {
    ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_EMBEDDED_WORKLOADS", "",
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString()));
    KubeOps ops = new KubeOps(vertx, 2, Duration.ofSeconds(10));
    return EmbeddedCluster.start(vertx, config, ops, Clock.systemUTC()).map(cluster -> new EmbeddedApi(cluster,
        new KubeRest(KubeClients.forRun(vertx, dir.resolve("kubeconfig").toString(), Duration.ofSeconds(10)), vertx,
            Duration.ofSeconds(10)), ops));
  }

  @Override
  public void close() {
    cluster.close();
    ops.close();
  }
}
