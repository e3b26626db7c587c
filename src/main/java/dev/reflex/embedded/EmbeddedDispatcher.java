package dev.reflex.embedded;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fronts the mock server's CRUD store and fills the gaps where it differs from a real API server:
 * <ul>
 *   <li>discovery documents, so kubectl can map kinds to paths;</li>
 *   <li>the {@code /scale} subresource of Deployments, StatefulSets and ReplicaSets answers an
 *       {@code autoscaling/v1 Scale} for GET, merge/JSON/strategic patches and PUT, and only ever changes
 *       {@code spec.replicas} (the store alone would return or even overwrite the whole workload);</li>
 *   <li>field selectors on lists (the store ignores them, so {@code kubectl describe} would show no events);</li>
 *   <li>strategic-merge patches, which the store rejects, are applied as merge patches (exact for the maps kubectl
 *       apply changes; lists are replaced whole);</li>
 *   <li>{@code metrics.k8s.io} answered from the simulator's {@link PodMetricsStore}.</li>
 * </ul>
 * Everything else goes to the store unchanged.
 */
final class EmbeddedDispatcher extends Dispatcher {

  private static final Pattern SCALE = Pattern.compile(
      "^/apis/apps/v1/namespaces/([^/]+)/(deployments|statefulsets|replicasets)/([^/]+)/scale$");
  private static final Pattern METRICS = Pattern.compile(
      "^/apis/metrics\\.k8s\\.io/v1beta1(?:/namespaces/([^/]+))?/pods(?:/([^/]+))?$");
  private static final Pattern GROUP_VERSION = Pattern.compile("^/apis/([^/]+)/([^/]+)$");
  private static final Pattern GROUP = Pattern.compile("^/apis/([^/]+)$");
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String SMP = "application/strategic-merge-patch+json";
  private static final String MERGE = "application/merge-patch+json";

  private final KubernetesCrudDispatcher store;
  private final PodMetricsStore metrics;
  private final Supplier<String> serverAddress;
  private final ApiFaults faults;

  EmbeddedDispatcher(KubernetesCrudDispatcher store, PodMetricsStore metrics, Supplier<String> serverAddress,
      ApiFaults faults) {
    this.store = store;
    this.metrics = metrics;
    this.serverAddress = serverAddress;
    this.faults = faults;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String fullPath = request.getPath();
    int q = fullPath.indexOf('?');
    String path = q < 0 ? fullPath : fullPath.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : query(fullPath.substring(q + 1));
    String method = request.getMethod();
    int injected = faults.onRequest(method, path, request.getHeader("User-Agent"));
    if (injected == 409) {
      return status(409, "Conflict", "Operation cannot be fulfilled on " + path
          + ": the object has been modified; please apply your changes to the latest version and try again");
    }
    if (injected > 0) {
      return status(injected, "InternalError", "injected fault on " + path);
    }
    try {
      if ("GET".equals(method)) {
        Optional<MockResponse> discovery = discovery(path);
        if (discovery.isPresent()) {
          return discovery.get();
        }
        Matcher m = METRICS.matcher(path);
        if (m.matches()) {
          return podMetrics(m.group(1), m.group(2), query.get("labelSelector"));
        }
      }
      Matcher scale = SCALE.matcher(path);
      if (scale.matches()) {
        return scale(request, method, scale.group(1), scale.group(2), scale.group(3));
      }
      if ("GET".equals(method) && query.containsKey("fieldSelector") && !"true".equals(query.get("watch"))) {
        return fieldSelected(fullPath, query.get("fieldSelector"));
      }
      String contentType = String.valueOf(request.getHeader("Content-Type"));
      if ("PATCH".equals(method) && (contentType.startsWith(SMP) || contentType.startsWith(MERGE))) {
        return patch(request, path, contentType.startsWith(SMP));
      }
      MockResponse response = withJsonType(store.dispatch(request));
      return "GET".equals(method) && !"true".equals(query.get("watch")) ? typedList(response) : response;
    } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
      return status(400, "BadRequest", e.getMessage());
    }
  }

  // --- discovery ------------------------------------------------------------------------------------------------

  private Optional<MockResponse> discovery(String path) {
    if (path.equals("/version")) {
      return Optional.of(json(200, Discovery.version()));
    }
    if (path.equals("/api")) {
      return Optional.of(json(200, Discovery.coreVersions(serverAddress.get())));
    }
    if (path.equals("/api/v1")) {
      return Discovery.resources("v1", List.of()).map(r -> json(200, r));
    }
    if (path.equals("/apis")) {
      return Optional.of(json(200, Discovery.groups(crds())));
    }
    if (path.equals("/openapi/v3")) {
      // An empty index: kubectl's client-side validation then has no schema to check against and goes on.
      return Optional.of(json(200, new JsonObject().put("paths", new JsonObject())));
    }
    if (path.startsWith("/openapi/")) {
      return Optional.of(status(404, "NotFound", "the embedded API server publishes no OpenAPI documents"));
    }
    Matcher gv = GROUP_VERSION.matcher(path);
    if (gv.matches()) {
      return Discovery.resources(gv.group(1) + "/" + gv.group(2), crds()).map(r -> json(200, r));
    }
    Matcher g = GROUP.matcher(path);
    if (g.matches()) {
      return Discovery.group(g.group(1), crds()).map(r -> json(200, r));
    }
    return Optional.empty();
  }

  private List<JsonObject> crds() {
    MockResponse response = store.handleGet(CRDS);
    if (response.code() != 200) {
      return List.of();
    }
    JsonArray items = new JsonObject(response.getBody().readUtf8()).getJsonArray("items", new JsonArray());
    List<JsonObject> result = new ArrayList<>();
    items.forEach(i -> result.add((JsonObject) i));
    return result;
  }

  // --- /scale ---------------------------------------------------------------------------------------------------

  private MockResponse scale(RecordedRequest request, String method, String namespace, String plural, String name) {
    String workloadPath = "/apis/apps/v1/namespaces/" + namespace + "/" + plural + "/" + name;
    MockResponse current = store.handleGet(workloadPath);
    if (current.code() != 200) {
      return current;
    }
    JsonObject workload = new JsonObject(current.getBody().readUtf8());
    if ("GET".equals(method)) {
      return json(200, ScaleSubresource.toScale(workload));
    }
    if (!"PATCH".equals(method) && !"PUT".equals(method)) {
      return status(405, "MethodNotAllowed", method + " is not supported on the scale subresource");
    }
    String body = request.getBody() == null ? "" : request.getBody().readUtf8();
    JsonObject scale = ScaleSubresource.toScale(workload);
    JsonObject updated = "PUT".equals(method)
        ? new JsonObject(body)
        : ScaleSubresource.applyPatch(scale, String.valueOf(request.getHeader("Content-Type")), body);
    String expectedVersion = updated.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
    if ("PUT".equals(method) && expectedVersion != null && !expectedVersion.equals(
        workload.getJsonObject("metadata").getString("resourceVersion"))) {
      return status(409, "Conflict", "Operation cannot be fulfilled on " + plural + ".apps \"" + name
          + "\": the object has been modified; please apply your changes to the latest version and try again");
    }
    Object replicas = updated.getJsonObject("spec", new JsonObject()).getValue("replicas");
    if (!(replicas instanceof Integer || replicas instanceof Long) || ((Number) replicas).intValue() < 0) {
      return status(422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: Invalid value: "
          + replicas + ": must be greater than or equal to 0");
    }
    JsonObject patch = new JsonObject().put("spec", new JsonObject().put("replicas", ((Number) replicas).intValue()));
    MockResponse patched = store.handlePatch(synthetic(HttpMethod.PATCH, workloadPath, patch.encode(),
        "application/merge-patch+json"));
    if (patched.code() >= 300) {
      return patched;
    }
    return json(200, ScaleSubresource.toScale(new JsonObject(patched.getBody().readUtf8())));
  }

  // --- field selectors ------------------------------------------------------------------------------------------

  private MockResponse fieldSelected(String fullPath, String fieldSelector) {
    String withoutSelector = fullPath.replaceAll("([?&])fieldSelector=[^&]*&?", "$1").replaceAll("[?&]$", "");
    MockResponse response = store.handleGet(withoutSelector);
    if (response.code() != 200) {
      return response;
    }
    JsonObject list = new JsonObject(response.getBody().readUtf8());
    if (!list.containsKey("items")) {
      return json(200, list);
    }
    List<String[]> clauses = new ArrayList<>();
    for (String clause : fieldSelector.split(",")) {
      boolean negated = clause.contains("!=");
      String[] kv = clause.split(negated ? "!=" : "==?", 2);
      clauses.add(new String[] {kv[0].trim(), kv.length > 1 ? kv[1].trim() : "", negated ? "!" : "="});
    }
    JsonArray kept = new JsonArray();
    for (Object item : list.getJsonArray("items")) {
      JsonObject obj = (JsonObject) item;
      boolean match = clauses.stream().allMatch(c -> {
        boolean equal = c[1].equals(fieldValue(obj, c[0]));
        return "=".equals(c[2]) == equal;
      });
      if (match) {
        kept.add(obj);
      }
    }
    return typedList(json(200, list.put("items", kept)));
  }

  /**
   * The store answers every collection as {@code kind: List}; a real server says {@code PodList},
   * {@code EventList}, … and kubectl describe drops an events list of the wrong kind without a word.
   */
  private static MockResponse typedList(MockResponse response) {
    if (response.code() != 200 || response.getWebSocketListener() != null) {
      return response;
    }
    String body = response.getBody().readUtf8();
    JsonObject list;
    try {
      list = new JsonObject(body);
    } catch (DecodeException e) {
      return response.setBody(body);
    }
    JsonArray items = list.getJsonArray("items");
    if ("List".equals(list.getString("kind")) && items != null && !items.isEmpty()
        && items.getValue(0) instanceof JsonObject first && first.getString("kind") != null) {
      list.put("kind", first.getString("kind") + "List");
      return json(200, list);
    }
    return response.setBody(body);
  }

  private static String fieldValue(JsonObject obj, String dottedPath) {
    Object current = obj;
    for (String part : dottedPath.split("\\.")) {
      if (!(current instanceof JsonObject o)) {
        return "";
      }
      current = o.getValue(part);
    }
    return current == null ? "" : String.valueOf(current);
  }

  // --- merge patches -------------------------------------------------------------------------------------------

  /**
   * Applies a merge or strategic-merge patch ourselves and stores the result with a PUT, honouring a
   * {@code metadata.resourceVersion} precondition in the patch as the real server does.
   */
  private MockResponse patch(RecordedRequest request, String path, boolean strategic) {
    boolean statusSubresource = path.endsWith("/status");
    String objectPath = statusSubresource ? path.substring(0, path.length() - "/status".length()) : path;
    MockResponse current = store.handleGet(objectPath);
    if (current.code() != 200) {
      return current;
    }
    JsonObject stored = new JsonObject(current.getBody().readUtf8());
    JsonObject patch = new JsonObject(request.getBody().readUtf8());
    String storedVersion = stored.getJsonObject("metadata").getString("resourceVersion");
    String expected = patch.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
    if (expected != null && !expected.equals(storedVersion)) {
      return status(409, "Conflict", "Operation cannot be fulfilled on " + objectPath
          + ": the object has been modified; please apply your changes to the latest version and try again");
    }
    JsonObject updated = strategic ? JsonMerge.strategicMerge(stored, patch) : JsonMerge.mergePatch(stored, patch);
    updated.getJsonObject("metadata").put("resourceVersion", storedVersion);
    return store.handleUpdate(synthetic(HttpMethod.PUT, path, updated.encode(), "application/json"));
  }

  // --- metrics.k8s.io -------------------------------------------------------------------------------------------

  private MockResponse podMetrics(String namespace, String pod, String labelSelector) {
    if (pod == null) {
      return json(200, metrics.list(namespace, labelSelector));
    }
    JsonObject one = metrics.get(namespace, pod);
    return one == null ? status(404, "NotFound", "podmetrics.metrics.k8s.io \"" + pod + "\" not found")
        : json(200, one);
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private static RecordedRequest synthetic(HttpMethod method, String path, String body, String contentType) {
    Headers headers = Headers.builder().add("Content-Type", contentType).build();
    return new RecordedRequest("HTTP/1.1", method, path, headers,
        new Buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> query(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  /** The store leaves out Content-Type; without it kubectl takes a JSON body for protobuf. */
  private static MockResponse withJsonType(MockResponse response) {
    if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  static MockResponse json(int code, JsonObject body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(body.encode());
  }

  static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject().put("kind", "Status").put("apiVersion", "v1")
        .put("metadata", new JsonObject()).put("status", "Failure").put("message", message).put("reason", reason)
        .put("code", code);
    return json(code, status);
  }
}
