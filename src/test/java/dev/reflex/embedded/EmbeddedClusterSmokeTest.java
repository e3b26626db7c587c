package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.app.ReflexApp;
import dev.reflex.app.Runtime;
import dev.reflex.bus.Addresses;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeClients;
import dev.reflex.kube.KubeOps;
import dev.reflex.kube.KubeRest;
import dev.reflex.testing.Eventually;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end, in one JVM: API server, simulator and Reflex. The simulator is given a short
 * start-up delay; waits poll for outcomes and assert nothing about timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedClusterSmokeTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;

  static Runtime runtime;
  static KubeOps ops;
  static EmbeddedCluster cluster;
  static ReflexApp app;
  static KubernetesClient client;
  static KubeRest rest;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    ReflexConfig config = ConfigLoader.load(null, Map.of(
        "REFLEX_HTTP_PORT", "0",
        "REFLEX_GRPC_PORT", "0",
        "REFLEX_CUSTOM_METRICS_PORT", "0",
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "300ms",
        "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString()));
    runtime = Runtime.create();
    ops = new KubeOps(runtime.vertx(), 4, Duration.ofSeconds(10));
    cluster = await(EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC()));
    client = KubeClients.forRun(runtime.vertx(), dir.resolve("kubeconfig").toString(), Duration.ofSeconds(10));
    app = await(new ReflexApp(runtime, config, client, "127.0.0.1", List.of(cluster::mount)).start());
    rest = new KubeRest(client, runtime.vertx(), Duration.ofSeconds(10));
    http = runtime.vertx().createHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    await(app.stop());
    client.close();
    cluster.close();
    ops.close();
    await(runtime.vertx().close());
  }

  @Test
  @Order(1)
  void readyzAnswersOnceInformersHaveSynced() {
    Eventually.until(WAIT, "/readyz 200", () -> get("/readyz").statusCode == 200);
    assertEquals(200, get("/healthz").statusCode);
  }

  @Test
  @Order(2)
  void sampleWorkloadFromDeployIsRunningAndServed() {
    Eventually.until(WAIT, "nginx-0 ready", () -> ready(client.pods().inNamespace("default").withName("nginx-0")
        .get()));
    Eventually.until(WAIT, "nginx endpoints", () -> readyAddresses("nginx") == 1);
  }

  @Test
  @Order(3)
  void scalingThroughTheScaleSubresourceCreatesPodsThatTurnReady() throws Exception {
    List<String> tapped = new CopyOnWriteArrayList<>();
    openTap("/taps/" + Addresses.KUBE_POD + "?target=default/web-2", tapped);
    client.resource(statefulSet("web")).create();
    client.resource(service("web")).create();
    Eventually.until(WAIT, "web-0 exists", () -> client.pods().inNamespace("default").withName("web-0").get()
        != null);

    JsonObject scale = await(rest.mergePatch("/apis/apps/v1/namespaces/default/statefulsets/web/scale",
        new JsonObject().put("spec", new JsonObject().put("replicas", 3))));
    assertEquals("Scale", scale.getString("kind"));
    assertEquals("autoscaling/v1", scale.getString("apiVersion"));
    assertEquals(3, scale.getJsonObject("spec").getInteger("replicas"));
    assertEquals("app=web", scale.getJsonObject("status").getString("selector"));
    StatefulSet sts = client.apps().statefulSets().inNamespace("default").withName("web").get();
    assertEquals(3, sts.getSpec().getReplicas());
    assertEquals("nginx:stable", sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
        "the scale subresource must not touch the rest of the workload");

    Eventually.until(WAIT, "3 web pods", () -> client.pods().inNamespace("default").withLabel("app", "web").list()
        .getItems().size() == 3);
    Eventually.until(WAIT, "all web pods ready", () -> client.pods().inNamespace("default").withLabel("app", "web")
        .list().getItems().stream().filter(EmbeddedClusterSmokeTest::ready).count() == 3);
    Eventually.until(WAIT, "web endpoints", () -> readyAddresses("web") == 3);
    Eventually.until(WAIT, "status.readyReplicas 3", () -> Integer.valueOf(3).equals(client.apps().statefulSets()
        .inNamespace("default").withName("web").get().getStatus().getReadyReplicas()));
    Eventually.until(WAIT, "tap saw web-2", () -> tapped.stream().anyMatch(l -> l.contains("\"default/web-2\"")));
    assertTrue(tapped.stream().noneMatch(l -> l.contains("\"default/web-0\"")), "target filter: " + tapped);
  }

  @Test
  @Order(4)
  void scaleRequestOnTheBusIsPatchedAndHighestOrdinalGoesFirst() {
    List<ScaleMessage> results = new CopyOnWriteArrayList<>();
    runtime.vertx().eventBus().<ScaleMessage>localConsumer(Addresses.ACTUATOR_SCALE_RESULT,
        m -> results.add(m.body()));
    runtime.vertx().eventBus().send(Addresses.ACTUATOR_SCALE,
        new ScaleMessage.ScaleRequest("StatefulSet", new TargetKey("default", "web"), 1, "test"));
    Eventually.until(WAIT, "ScaleApplied", () -> results.stream().anyMatch(r -> r instanceof ScaleMessage.ScaleApplied
        a && a.replicas() == 1));
    Eventually.until(WAIT, "only web-0 left", () -> client.pods().inNamespace("default").withLabel("app", "web")
        .list().getItems().stream().map(p -> p.getMetadata().getName()).toList().equals(List.of("web-0")));
    Eventually.until(WAIT, "web endpoints shrink", () -> readyAddresses("web") == 1);
  }

  @Test
  @Order(5)
  void cutOffPodLeavesTheEndpointsThroughItsReadinessGate() {
    assertTrue(client.pods().inNamespace("default").withName("web-0").get().getSpec().getReadinessGates().stream()
        .anyMatch(g -> "kapacitystack.io/online".equals(g.getConditionType())), "gate injected");
    await(rest.mergePatch("/api/v1/namespaces/default/pods/web-0/status", new JsonObject().put("status",
        new JsonObject().put("conditions", List.of(new JsonObject().put("type", "kapacitystack.io/online")
            .put("status", "False"))))));
    Eventually.until(WAIT, "web-0 not ready", () -> !ready(client.pods().inNamespace("default").withName("web-0")
        .get()));
    Eventually.until(WAIT, "web endpoints empty", () -> readyAddresses("web") == 0);
  }

  @Test
  @Order(6)
  void deploymentScaleDownRemovesThePodWithTheLowestDeletionCost() {
    client.resource(deployment("api")).create();
    Eventually.until(WAIT, "3 api pods ready", () -> client.pods().inNamespace("default").withLabel("app", "api")
        .list().getItems().stream().filter(EmbeddedClusterSmokeTest::ready).count() == 3);
    List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "api").list().getItems();
    String chosen = pods.get(1).getMetadata().getName();
    client.pods().inNamespace("default").withName(chosen).edit(p -> {
      p.getMetadata().getAnnotations().put("controller.kubernetes.io/pod-deletion-cost", "-100");
      return p;
    });
    await(rest.mergePatch("/apis/apps/v1/namespaces/default/deployments/api/scale",
        new JsonObject().put("spec", new JsonObject().put("replicas", 2))));
    Eventually.until(WAIT, "api shrinks to 2", () -> client.pods().inNamespace("default").withLabel("app", "api")
        .list().getItems().size() == 2);
    assertTrue(client.pods().inNamespace("default").withLabel("app", "api").list().getItems().stream()
        .noneMatch(p -> p.getMetadata().getName().equals(chosen)), chosen + " should have been removed");
    Eventually.until(WAIT, "deployment status", () -> Integer.valueOf(2).equals(client.apps().deployments()
        .inNamespace("default").withName("api").get().getStatus().getReadyReplicas()));
    String replicaSet = client.apps().replicaSets().inNamespace("default").withLabel("app", "api").list().getItems()
        .get(0).getMetadata().getName();
    Eventually.until(WAIT, "the Deployment controller's events", () -> scalingEvents("api").containsAll(List.of(
        "Scaled up replica set " + replicaSet + " to 3", "Scaled down replica set " + replicaSet + " to 2 from 3")));
  }

  /** The ScalingReplicaSet messages recorded for a Deployment, as {@code kubectl describe deployment} lists them. */
  private static List<String> scalingEvents(String deployment) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "Deployment".equals(e.getInvolvedObject().getKind())
            && deployment.equals(e.getInvolvedObject().getName()) && "ScalingReplicaSet".equals(e.getReason()))
        .map(io.fabric8.kubernetes.api.model.Event::getMessage).toList();
  }

  @Test
  @Order(7)
  void scaleSubresourceRejectsWhatARealServerRejects() {
    Throwable negative = awaitFailure(rest.mergePatch("/apis/apps/v1/namespaces/default/statefulsets/web/scale",
        new JsonObject().put("spec", new JsonObject().put("replicas", -1))));
    assertEquals(422, ((KubeApiException) negative).status());
    Throwable stale = awaitFailure(rest.send("PUT", "/apis/apps/v1/namespaces/default/statefulsets/web/scale",
        "application/json", new JsonObject().put("apiVersion", "autoscaling/v1").put("kind", "Scale")
            .put("metadata", new JsonObject().put("name", "web").put("resourceVersion", "1"))
            .put("spec", new JsonObject().put("replicas", 5)).encode()));
    assertEquals(409, ((KubeApiException) stale).status());
    Throwable missing = awaitFailure(rest.get("/apis/apps/v1/namespaces/default/statefulsets/nope/scale"));
    assertTrue(((KubeApiException) missing).notFound());
    assertNotNull(client.apps().statefulSets().inNamespace("default").withName("web").get(), "workload intact");
  }

  @Test
  @Order(8)
  void metricsExposeVertxJvmAndReflexMeters() {
    String body = get("/metrics").body;
    assertTrue(body.contains("reflex_bus_messages_total"), "bus counter");
    assertTrue(body.contains("reflex_scale_patch_latency_seconds"), "scale latency histogram");
    assertTrue(body.contains("vertx_http_server"), "vert.x meters");
    assertTrue(body.contains("jvm_memory_used_bytes"), "jvm meters");
    String taps = get("/taps").body;
    assertTrue(taps.contains(Addresses.EMBEDDED_SIMULATOR), taps);
    assertFalse(new JsonObject(taps).getJsonArray("addresses").isEmpty());
  }

  @Test
  @Order(9)
  void podMetricsFollowTheLoadKnob() {
    cluster.load().set("default/StatefulSet/nginx", 400);
    Eventually.until(WAIT, "nginx-0 at ~401m", () -> client.top().pods().metrics("default").getItems().stream()
        .anyMatch(m -> m.getMetadata().getName().equals("nginx-0")
            && m.getContainers().get(0).getUsage().get("cpu").toString().equals("401m")));
  }

  @Test
  @Order(10)
  void tapCommandListsTheAddressesOfARunningReflex() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int code = dev.reflex.cli.ReflexCli.run(new String[] {"tap", "--list", "--url",
        "http://127.0.0.1:" + app.httpPort()}, Map.of(), new java.io.PrintStream(out, true), System.err);
    assertEquals(0, code);
    assertTrue(out.toString().contains("\"address\" : \"" + Addresses.KUBE_POD + "\""), out.toString());
  }

  /**
   * A pod on the simulated node is deleted gracefully: the API server marks it for its 30 s grace period, and the
   * simulated kubelet, which has no containers to stop, deletes it for good at once.
   */
  @Test
  @Order(11)
  void aDeletedPodIsMarkedThenRemovedByTheSimulatedKubelet() throws Exception {
    Pod pod = new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("graceful")
        .withNamespace("default").endMetadata().withNewSpec().withNodeName(SimulatedNode.NAME)
        .addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec().build();
    client.resource(pod).create();
    List<String> seen = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
    try (io.fabric8.kubernetes.client.Watch watch = client.pods().inNamespace("default").withName("graceful")
        .watch(new io.fabric8.kubernetes.client.Watcher<Pod>() {
          @Override
          public void eventReceived(Action action, Pod changed) {
            seen.add(action + (changed.getMetadata().getDeletionTimestamp() == null ? "" : " terminating "
                + changed.getMetadata().getDeletionGracePeriodSeconds()));
            if (action == Action.DELETED) {
              gone.countDown();
            }
          }

          @Override
          public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
          }
        })) {
      client.pods().inNamespace("default").withName("graceful").delete();
      assertTrue(gone.await(WAIT.toSeconds(), TimeUnit.SECONDS), "deleted for good: " + seen + " (watch "
          + watch + ")");
    }
    assertTrue(seen.contains("MODIFIED terminating 30"), "marked for its grace period first: " + seen);
    assertEquals(null, client.pods().inNamespace("default").withName("graceful").get());
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  record Response(int statusCode, String body) {
  }

  private static Response get(String path) {
    return await(http.request(HttpMethod.GET, app.httpPort(), "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> new Response(resp.statusCode(),
            b.toString())))));
  }

  private static void openTap(String path, List<String> lines) {
    await(http.request(HttpMethod.GET, app.httpPort(), "127.0.0.1", path).compose(req -> req.send())
        .map(resp -> {
          resp.handler(RecordParser.newDelimited("\n", line -> lines.add(line.toString())));
          return null;
        }));
    // The subscription is what matters; the opening line can race the handler being set under load.
    String address = path.substring("/taps/".length(), path.indexOf('?') < 0 ? path.length() : path.indexOf('?'));
    Eventually.until(WAIT, "tap subscribed", () -> !lines.isEmpty() || new JsonObject(get("/taps").body)
        .getJsonArray("addresses").stream().map(JsonObject.class::cast)
        .anyMatch(a -> address.equals(a.getString("address")) && a.getInteger("clients") > 0));
  }

  private static int readyAddresses(String service) {
    Endpoints endpoints = client.endpoints().inNamespace("default").withName(service).get();
    if (endpoints == null || endpoints.getSubsets() == null || endpoints.getSubsets().isEmpty()) {
      return 0;
    }
    return endpoints.getSubsets().stream().mapToInt(s -> s.getAddresses() == null ? 0 : s.getAddresses().size())
        .sum();
  }

  static boolean ready(Pod pod) {
    return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static StatefulSet statefulSet(String name) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: %1$s, namespace: default}
        spec:
          replicas: 1
          serviceName: %1$s
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata:
              labels: {app: %1$s, kapacitystack.io/inject-pod-readiness-gate: "true"}
            spec:
              containers:
              - name: main
                image: nginx:stable
                ports: [{name: http, containerPort: 8080}]
        """.formatted(name), StatefulSet.class);
  }

  private static io.fabric8.kubernetes.api.model.Service service(String name) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s, namespace: default}
        spec:
          selector: {app: %1$s}
          ports: [{name: http, port: 80, targetPort: http}]
        """.formatted(name), io.fabric8.kubernetes.api.model.Service.class);
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: default}
        spec:
          replicas: 3
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata:
              labels: {app: %1$s}
            spec:
              containers:
              - name: main
                image: busybox
        """.formatted(name), io.fabric8.kubernetes.api.model.apps.Deployment.class);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }
}
