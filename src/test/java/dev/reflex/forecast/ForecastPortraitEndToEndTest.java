package dev.reflex.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.app.Runtime;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.controller.ControllerVerticle;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ScaleActuatorVerticle;
import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.testing.Eventually;
import dev.reflex.testing.MutableClock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Forecast} algorithm through the controllers: the shipped sample's HorizontalPortrait gets a TimeSeries
 * fitted on a week of (synthetic) history, and the IHPA scales the workload to the forecast for now.
 */
class ForecastPortraitEndToEndTest {

  @TempDir
  Path dir;

  @Test
  void forecastSampleBecomesATimeSeriesPortraitThatDrivesTheWorkload() throws Exception {
    ReflexConfig config = ConfigLoader.load(null, Map.of(
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString(),
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "100ms"));
    Runtime runtime = Runtime.create();
    KubeOps ops = new KubeOps(runtime.vertx(), 2, Duration.ofSeconds(10));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:04:30Z"));
    EmbeddedCluster cluster = await(EmbeddedCluster.start(runtime.vertx(), config, ops, clock));
    KubernetesClient client = cluster.client();
    List<String> queries = new CopyOnWriteArrayList<>();
    ForecastService forecasts = new ForecastService(runtime.vertx(),
        new ForecastServiceTest.SyntheticHistory(queries), 1);
    KubeRest rest = new KubeRest(client, runtime.vertx(), Duration.ofSeconds(10));
    ResourceCache cache = new ResourceCache(client, Clock.systemUTC());
    ControllerVerticle controllers = new ControllerVerticle(client, cache, rest, clock, Duration.ofSeconds(30),
        forecasts, new ControllerVerticle.Streamed(null, null, ResourceSeries.parse(List.of()), null),
        config.algorithmJob(), Duration.ZERO);
    try {
      // The ReplicaProfile controller scales through the actuator, as in ReflexApp.
      await(runtime.vertx().deployVerticle(new ScaleActuatorVerticle(rest, runtime.registry(), Duration.ofSeconds(5))));
      await(cache.start(runtime.vertx().getOrCreateContext()));
      await(runtime.vertx().deployVerticle(controllers));
      Eventually.until(Duration.ofSeconds(20), "nginx pod running", () -> client.pods().inNamespace("default")
          .withName("nginx-0").get() != null);
      try (InputStream in = Files.newInputStream(Path.of("deploy/samples/forecast-predictive-sample.yaml"))) {
        client.load(in).items().forEach(item -> client.resource(item).inNamespace("default").create());
      }
      Eventually.until(Duration.ofSeconds(30), "TimeSeries portrait", () -> {
        GenericKubernetesResource hp = client.genericKubernetesResources("autoscaling.kapacitystack.io/v1alpha1",
            "HorizontalPortrait").inNamespace("default").withName("forecast-sample-predictive").get();
        return hp != null && String.valueOf(hp.getAdditionalProperties().get("status")).contains("TimeSeries")
            && String.valueOf(hp.getAdditionalProperties().get("status")).contains("SucceededGeneratePortrait");
      });
      assertEquals(3, queries.size(), "usage, ready pods and traffic history were read");
      Eventually.until(Duration.ofSeconds(30), "IHPA follows the forecast", () -> {
        GenericKubernetesResource ihpa = client.genericKubernetesResources("autoscaling.kapacitystack.io/v1alpha1",
            "IntelligentHorizontalPodAutoscaler").inNamespace("default").withName("forecast-sample").get();
        return String.valueOf(ihpa.getAdditionalProperties().get("status")).contains("Dynamic-Predictive");
      });
      // The bucket for 10:00-10:10: 325 rps at 0.0005 cores/rps over nginx's 100m request at 50 % less 0.01 idle,
      // 0.1625 / 0.04 = 4.06, so 5 (ForecastServiceTest works the same series out on a 200m request).
      Eventually.until(Duration.ofSeconds(30), "nginx scaled to the forecast's 5", () -> client.apps().statefulSets()
          .inNamespace("default").withName("nginx").get().getSpec().getReplicas() == 5);
    } finally {
      await(forecasts.close());
      cluster.close();
      ops.close();
      await(runtime.vertx().close());
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
