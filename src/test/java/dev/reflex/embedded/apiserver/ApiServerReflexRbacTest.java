package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.MERGE_PATCH;
import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployment;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployments;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.RbacFixtures.SELF_SUBJECT_ACCESS_REVIEWS;
import static dev.reflex.embedded.apiserver.RbacFixtures.impersonating;
import static dev.reflex.embedded.apiserver.RbacFixtures.resourceAttributes;
import static dev.reflex.embedded.apiserver.RbacFixtures.selfSubjectAccessReview;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our RBAC manifests checked against the embedded server: {@code deploy/namespace.yaml},
 * {@code deploy/service-account.yaml} and {@code deploy/rbac.yaml} are applied as they are, then every request
 * Reflex makes is asked about as Reflex's ServiceAccount ({@code kubectl auth can-i --as}), and a few are made for
 * real. The table names the code that makes each request: a row that fails is a permission the manifests lack.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerReflexRbacTest {

  private static final String REFLEX = "system:serviceaccount:reflex-system:reflex";
  private static final String ALGORITHM_JOB = "system:serviceaccount:reflex-system:reflex-algorithm-job";
  private static final String CRD_GROUP = "autoscaling.kapacitystack.io";
  /** A namespace of workloads Reflex scales: Reflex's rights there come from its ClusterRole. */
  private static final String WORKLOADS = "team-a";
  private static final String ALL = "";

  private ApiServerFixture api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    ApiServerFixture.start(vertx, ApiServerOptions.loopback(0))
        .compose(fixture -> {
          api = fixture;
          return applyAll(Stream.of("namespace.yaml", "service-account.yaml", "rbac.yaml")
              .flatMap(file -> documents(Path.of("deploy", file)).stream()).toList(), 0);
        })
        .compose(v -> api.namespace(WORKLOADS))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // --- the manifests --------------------------------------------------------------------------------------------

  /** The YAML documents of a manifest file; a document of comments only is no object. */
  private static List<String> documents(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> documents = new ArrayList<>();
    for (String document : text.split("(?m)^---\\s*$")) {
      boolean hasContent = document.lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#"));
      if (hasContent) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** Creates the documents in order, as {@code kubectl apply -f} does, each POSTed as YAML. */
  private Future<Void> applyAll(List<String> documents, int index) {
    if (index == documents.size()) {
      return Future.succeededFuture();
    }
    String document = documents.get(index);
    return expect(201, api.send(HttpMethod.POST, collectionOf(document), "application/yaml",
        Buffer.buffer(document), Map.of()))
        .compose(v -> applyAll(documents, index + 1));
  }

  /** Where an object of the kinds the manifests hold is created. */
  private static String collectionOf(String document) {
    String kind = field(document, "kind");
    String namespace = document.lines().filter(line -> line.startsWith("  namespace:")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("");
    String rbac = "/apis/rbac.authorization.k8s.io/v1/";
    return switch (kind) {
      case "Namespace" -> "/api/v1/namespaces";
      case "ServiceAccount" -> "/api/v1/namespaces/" + namespace + "/serviceaccounts";
      case "ClusterRole" -> rbac + "clusterroles";
      case "ClusterRoleBinding" -> rbac + "clusterrolebindings";
      case "Role" -> rbac + "namespaces/" + namespace + "/roles";
      case "RoleBinding" -> rbac + "namespaces/" + namespace + "/rolebindings";
      default -> throw new IllegalArgumentException("no collection known for kind " + kind);
    };
  }

  private static String field(String document, String name) {
    return document.lines().filter(line -> line.startsWith(name + ":")).findFirst()
        .map(line -> line.substring(name.length() + 1).trim())
        .orElseThrow(() -> new IllegalArgumentException("no " + name + " in " + document));
  }

  // --- what Reflex asks of the API server -----------------------------------------------------------------------

  /**
   * Every request of Reflex's controller, by verb, group, resource, subresource and namespace ("" for all
   * namespaces or a cluster-scoped resource), with the code that makes it.
   */
  static Stream<Arguments> reflexNeeds() {
    return Stream.of(
        // Informers: list then watch, in every namespace.
        need("list", CRD_GROUP, "intelligenthorizontalpodautoscalers", "", ALL, "ResourceCache informer"),
        need("watch", CRD_GROUP, "intelligenthorizontalpodautoscalers", "", ALL, "ResourceCache informer"),
        need("list", CRD_GROUP, "horizontalportraits", "", ALL, "ResourceCache informer"),
        need("watch", CRD_GROUP, "horizontalportraits", "", ALL, "ResourceCache informer"),
        need("list", CRD_GROUP, "replicaprofiles", "", ALL, "ResourceCache informer"),
        need("watch", CRD_GROUP, "replicaprofiles", "", ALL, "ResourceCache informer"),
        need("list", "", "pods", "", ALL, "ResourceCache informer (controllers, pod directory, taps)"),
        need("watch", "", "pods", "", ALL, "ResourceCache informer (controllers, pod directory, taps)"),
        need("list", "", "configmaps", "", ALL, "ResourceCache informer (algorithm results)"),
        need("watch", "", "configmaps", "", ALL, "ResourceCache informer (algorithm results)"),
        need("list", "apps", "deployments", "", ALL, "ResourceCache informer (controllers, taps)"),
        need("watch", "apps", "deployments", "", ALL, "ResourceCache informer (controllers, taps)"),
        need("list", "apps", "statefulsets", "", ALL, "ResourceCache informer (controllers, taps)"),
        need("watch", "apps", "statefulsets", "", ALL, "ResourceCache informer (controllers, taps)"),
        need("list", "apps", "replicasets", "", ALL, "ResourceCache informer (controllers, pod directory, taps)"),
        need("watch", "apps", "replicasets", "", ALL, "ResourceCache informer (controllers, pod directory, taps)"),
        // Owned objects of an IHPA, written through KubeRest.
        need("create", CRD_GROUP, "replicaprofiles", "", WORKLOADS, "IhpaReconciler creates the ReplicaProfile"),
        need("patch", CRD_GROUP, "replicaprofiles", "", WORKLOADS, "IhpaReconciler merge-patches it"),
        need("delete", CRD_GROUP, "replicaprofiles", "", WORKLOADS, "IhpaReconciler, ControllerVerticle cleanUp"),
        need("create", CRD_GROUP, "horizontalportraits", "", WORKLOADS, "IhpaReconciler creates portraits"),
        need("patch", CRD_GROUP, "horizontalportraits", "", WORKLOADS, "IhpaReconciler merge-patches specs"),
        need("delete", CRD_GROUP, "horizontalportraits", "", WORKLOADS, "ControllerVerticle cleanUp"),
        need("update", CRD_GROUP, "intelligenthorizontalpodautoscalers", "finalizers", WORKLOADS,
            "Owners.controllerRef sets blockOwnerDeletion on the IHPA"),
        // Status subresources.
        need("patch", CRD_GROUP, "intelligenthorizontalpodautoscalers", "status", WORKLOADS,
            "IhpaReconciler.writeStatus"),
        need("patch", CRD_GROUP, "horizontalportraits", "status", WORKLOADS, "HpReconciler status"),
        need("patch", CRD_GROUP, "replicaprofiles", "status", WORKLOADS, "RpReconciler status"),
        // Scale targets.
        need("get", "apps", "deployments", "scale", WORKLOADS, "HpReconciler, RpReconciler read /scale"),
        need("get", "apps", "statefulsets", "scale", WORKLOADS, "HpReconciler, RpReconciler read /scale"),
        need("get", "apps", "replicasets", "scale", WORKLOADS, "HpReconciler, RpReconciler read /scale"),
        need("patch", "apps", "deployments", "scale", WORKLOADS, "ScaleActuatorVerticle"),
        need("patch", "apps", "statefulsets", "scale", WORKLOADS, "ScaleActuatorVerticle"),
        need("patch", "apps", "replicasets", "scale", WORKLOADS, "ScaleActuatorVerticle"),
        // Pods: state label, deletion cost, the online condition.
        need("patch", "", "pods", "", WORKLOADS, "RpReconciler.setState and deletion cost"),
        need("patch", "", "pods", "status", WORKLOADS, "RpReconciler.setState online condition"),
        // Events.
        need("create", "", "events", "", WORKLOADS, "EventRecorder"),
        need("patch", "", "events", "", WORKLOADS, "EventRecorder counts a repeated event"),
        // Resource metrics without Prometheus.
        need("list", "metrics.k8s.io", "pods", "", WORKLOADS, "PodMetricsSource.metricsServer"),
        // Object metrics by label selector with Prometheus: the described objects are listed for their names.
        need("list", "", "services", "", WORKLOADS, "KubeObjectLister (Prometheus object metrics)"),
        need("list", "", "nodes", "", ALL, "KubeObjectLister (Prometheus object metrics)"),
        need("list", "", "namespaces", "", ALL, "KubeObjectLister (Prometheus object metrics)"),
        need("list", "networking.k8s.io", "ingresses", "", WORKLOADS, "KubeObjectLister (Prometheus object metrics)"),
        need("list", "apps", "daemonsets", "", WORKLOADS, "KubeObjectLister (Prometheus object metrics)"),
        need("list", "", "pods", "", WORKLOADS, "KubeObjectLister (Prometheus pod queries by selector)"),
        need("list", "apps", "deployments", "", WORKLOADS, "KubeObjectLister (Prometheus object metrics)"),
        // Reflex's own namespace: the leader-election Lease and the algorithm-job CronJobs.
        need("get", "coordination.k8s.io", "leases", "", "reflex-system", "LeaderGate (fabric8 LeaseLock)"),
        need("create", "coordination.k8s.io", "leases", "", "reflex-system", "LeaderGate (fabric8 LeaseLock)"),
        need("update", "coordination.k8s.io", "leases", "", "reflex-system", "LeaderGate (fabric8 LeaseLock)"),
        need("get", "batch", "cronjobs", "", "reflex-system", "AlgorithmJobs.ensure"),
        need("create", "batch", "cronjobs", "", "reflex-system", "AlgorithmJobs.ensure"),
        need("patch", "batch", "cronjobs", "", "reflex-system", "AlgorithmJobs.ensure"),
        need("delete", "batch", "cronjobs", "", "reflex-system", "AlgorithmJobs.remove"));
  }

  private static Arguments need(String verb, String group, String resource, String subresource, String namespace,
      String why) {
    return Arguments.of(verb + " " + (group.isEmpty() ? "" : group + "/") + resource
        + (subresource.isEmpty() ? "" : "/" + subresource) + (namespace.isEmpty() ? " (all)" : " in " + namespace)
        + ": " + why, resourceAttributes(verb, group, resource, subresource, namespace));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reflexNeeds")
  void reflexsServiceAccountMay(String need, JsonObject attributes, VertxTestContext ctx) {
    canI(REFLEX, attributes).onComplete(verified(ctx, status -> assertEquals(true, status.getBoolean("allowed"),
        () -> need + ": " + status.encode())));
  }

  /** What an external algorithm job does with its own ServiceAccount (deploy/rbac.yaml, reflex-algorithm-job). */
  static Stream<Arguments> algorithmJobNeeds() {
    return Stream.of(
        need("get", CRD_GROUP, "horizontalportraits", "", WORKLOADS, "reads its portrait"),
        need("update", CRD_GROUP, "horizontalportraits", "finalizers", WORKLOADS, "owner reference to it"),
        need("get", "", "configmaps", "", WORKLOADS, "reads its result ConfigMap"),
        need("create", "", "configmaps", "", WORKLOADS, "writes its result ConfigMap"),
        need("update", "", "configmaps", "", WORKLOADS, "replaces its result ConfigMap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithmJobNeeds")
  void theAlgorithmJobsServiceAccountMay(String need, JsonObject attributes, VertxTestContext ctx) {
    canI(ALGORITHM_JOB, attributes).onComplete(verified(ctx, status -> assertEquals(true,
        status.getBoolean("allowed"), () -> need + ": " + status.encode())));
  }

  /** Least privilege: what Reflex never does is refused. */
  static Stream<Arguments> reflexNeverDoes() {
    return Stream.of(
        need("delete", "", "pods", "", WORKLOADS, "pods go through /scale, never deleted directly"),
        need("update", "apps", "deployments", "", WORKLOADS, "replicas change through /scale only"),
        need("create", "batch", "cronjobs", "", WORKLOADS, "CronJobs live in reflex-system only"),
        need("create", "coordination.k8s.io", "leases", "", WORKLOADS, "the Lease lives in reflex-system only"),
        need("get", "", "secrets", "", WORKLOADS, "no secrets are read"),
        need("create", "", "configmaps", "", WORKLOADS, "result ConfigMaps are the jobs' to write"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reflexNeverDoes")
  void reflexsServiceAccountMayNot(String need, JsonObject attributes, VertxTestContext ctx) {
    canI(REFLEX, attributes).onComplete(verified(ctx, status -> assertEquals(new JsonObject().put("allowed", false),
        status, need)));
  }

  private Future<JsonObject> canI(String user, JsonObject attributes) {
    return expect(201, api.send(HttpMethod.POST, SELF_SUBJECT_ACCESS_REVIEWS, ApiServerFixture.JSON,
        selfSubjectAccessReview(attributes).toBuffer(), impersonating(user)))
        .map(review -> review.getJsonObject("status"));
  }

  // --- a few requests made for real -----------------------------------------------------------------------------

  @Test
  void asReflexTheRequestsGoThrough(VertxTestContext ctx) {
    Map<String, String> asReflex = impersonating(REFLEX);
    JsonObject event = new JsonObject().put("apiVersion", "v1").put("kind", "Event")
        .put("metadata", new JsonObject().put("name", "web.1"))
        .put("involvedObject", new JsonObject().put("kind", "Deployment").put("namespace", WORKLOADS)
            .put("name", "web"))
        .put("reason", "UpdateScale").put("message", "scaled").put("type", "Normal").put("count", 1);
    JsonObject lease = new JsonObject().put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease")
        .put("metadata", new JsonObject().put("name", "reflex-leader"))
        .put("spec", new JsonObject().put("holderIdentity", "reflex-0").put("leaseDurationSeconds", 15));
    api.create(deployments(WORKLOADS), deployment("web"))
        .compose(v -> expect(200, api.send(HttpMethod.GET, "/api/v1/pods?watch=false", null, null, asReflex)))
        .compose(v -> expect(200, api.send(HttpMethod.GET, "/apis/apps/v1/deployments", null, null, asReflex)))
        .compose(v -> expect(200, api.send(HttpMethod.PATCH, deployments(WORKLOADS) + "/web/scale", MERGE_PATCH,
            Buffer.buffer("{\"spec\":{\"replicas\":3}}"), asReflex)))
        .compose(scale -> {
          ctx.verify(() -> assertEquals(3, scale.getJsonObject("spec").getInteger("replicas")));
          return expect(201, api.send(HttpMethod.POST, "/api/v1/namespaces/" + WORKLOADS + "/events",
              ApiServerFixture.JSON, event.toBuffer(), asReflex));
        })
        .compose(v -> expect(201, api.send(HttpMethod.POST,
            "/apis/coordination.k8s.io/v1/namespaces/reflex-system/leases", ApiServerFixture.JSON, lease.toBuffer(),
            asReflex)))
        .compose(v -> api.send(HttpMethod.DELETE, deployments(WORKLOADS) + "/web", null, null, asReflex))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 403, "Forbidden", "deployments.apps \"web\" is "
            + "forbidden: User \"" + REFLEX + "\" cannot delete resource \"deployments\" in API group \"apps\" in the "
            + "namespace \"" + WORKLOADS + "\"")));
  }

  /** The manifests' objects are stored as written: the ClusterRole keeps every rule. */
  @Test
  void theClusterRoleIsStoredWithEveryRuleOfTheManifest(VertxTestContext ctx) {
    long rulesInManifest = documents(Path.of("deploy", "rbac.yaml")).stream()
        .filter(d -> "ClusterRole".equals(field(d, "kind")) && d.contains("\n  name: reflex\n"))
        .flatMap(d -> d.lines()).filter(line -> line.startsWith("- apiGroups:")).count();
    api.read("/apis/rbac.authorization.k8s.io/v1/clusterroles/reflex")
        .onComplete(verified(ctx, role -> assertEquals(rulesInManifest,
            role.getJsonArray("rules", new JsonArray()).size())));
  }
}
