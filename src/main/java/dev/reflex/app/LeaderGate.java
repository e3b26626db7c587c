package dev.reflex.app;

import dev.reflex.config.ReflexConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election through a coordination.k8s.io Lease, so several Reflex replicas can run with one active: the
 * controllers run only while this replica holds the Lease. fabric8's elector makes blocking API calls, so it gets
 * one dedicated thread of its own; its callbacks hop onto the given Vert.x context.
 */
final class LeaderGate {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderGate.class);

  private final KubernetesClient client;
  private final ReflexConfig.LeaderElection config;
  private final Context context;
  private final Runnable onLead;
  private final Runnable onLose;
  private final String identity = "reflex-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicBoolean leading = new AtomicBoolean();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reflex-leader-election");
    t.setDaemon(true);
    return t;
  });
  private CompletableFuture<?> running;
  private LeaderElector elector;

  LeaderGate(KubernetesClient client, ReflexConfig.LeaderElection config, Context context, Runnable onLead,
      Runnable onLose) {
    this.client = client;
    this.config = config;
    this.context = context;
    this.onLead = onLead;
    this.onLose = onLose;
  }

  void start() {
    String namespace = config.namespace().isBlank()
        ? (client.getNamespace() == null ? "default" : client.getNamespace()) : config.namespace();
    Duration lease = config.leaseDuration();
    elector = new LeaderElector(client, new LeaderElectionConfigBuilder().withName("reflex")
        .withLock(new LeaseLock(namespace, config.leaseName(), identity))
        .withLeaseDuration(lease).withRenewDeadline(lease.multipliedBy(2).dividedBy(3))
        .withRetryPeriod(Duration.ofSeconds(2)).withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(
            () -> {
              LOG.info("[{}/{}] {} is now the leader", namespace, config.leaseName(), identity);
              leading.set(true);
              context.runOnContext(v -> onLead.run());
            },
            () -> {
              LOG.info("[{}/{}] {} stopped leading", namespace, config.leaseName(), identity);
              leading.set(false);
              context.runOnContext(v -> onLose.run());
            },
            leader -> LOG.info("[{}/{}] leader is {}", namespace, config.leaseName(), leader)))
        .build(), thread);
    running = elector.start();
  }

  boolean leading() {
    return leading.get();
  }

  String identity() {
    return identity;
  }

  /** Gives the Lease up, so a standby takes over at once rather than after the lease duration. */
  void stop() {
    if (running != null) {
      running.cancel(true);
    }
    thread.shutdown();
  }
}
