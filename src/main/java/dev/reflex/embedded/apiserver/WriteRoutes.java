package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.Answers.answer;
import static dev.reflex.embedded.apiserver.Answers.failWith;
import static dev.reflex.embedded.apiserver.Answers.json;
import static dev.reflex.embedded.apiserver.Answers.view;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writes of resources: create, update, the four patch types, delete and deletecollection, the scale
 * subresource, the review kinds answered without storing, and the detour through admission webhooks when any are
 * configured.
 */
final class WriteRoutes {

  private static final java.util.Set<String> CREATE_ONLY_KINDS = java.util.Set.of("TokenReview",
      "SelfSubjectReview", "SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview");
  private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml");
  static final String MUTATING = "admissionregistration.k8s.io/mutatingwebhookconfigurations";
  static final String VALIDATING = "admissionregistration.k8s.io/validatingwebhookconfigurations";

  private final ObjectStore store;
  private final Resources resources;
  private final Security security;
  private final WebhookAdmission webhooks;
  private final ReadRoutes reads;
  private final Clock clock;

  WriteRoutes(ObjectStore store, Resources resources, Security security, WebhookAdmission webhooks,
      ReadRoutes reads, Clock clock) {
    this.store = store;
    this.resources = resources;
    this.security = security;
    this.webhooks = webhooks;
    this.reads = reads;
    this.clock = clock;
  }

  void write(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query,
      Buffer body, UserInfo user) {
    HttpMethod method = request.method();
    if (method == HttpMethod.POST && (CREATE_ONLY_KINDS.contains(type.kind()) || "token".equals(path.subresource()))) {
      json(request.response(), 201, review(type, path, Negotiation.decodeObject(request.getHeader(
          HttpHeaders.CONTENT_TYPE), body), user));
      return;
    }
    WriteOptions writeOptions = WriteOptions.from(query, request.getHeader("User-Agent"));
    List<String> warnings = new ArrayList<>();
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (method == HttpMethod.POST) {
      if (path.name() != null) {
        throw ApiError.methodNotAllowed("POST is not supported on a named " + type.kind());
      }
      JsonObject object = Conversions.toStorage(type, Negotiation.decodeObject(contentType, body));
      if (hooked()) {
        createThroughWebhooks(request, type, path, object, writeOptions, warnings, user);
        return;
      }
      StoredObject created = resources.create(type, path.namespace(), object, writeOptions, warnings);
      answer(request, type, writeOptions.dryRun() ? 201 : 201, created, warnings);
      return;
    }
    if (method == HttpMethod.DELETE) {
      if (path.name() == null) {
        deleteCollection(request, type, path.namespace(), query, body);
      } else {
        delete(request, type, path, query, body, user);
      }
      return;
    }
    if (path.name() == null) {
      throw ApiError.methodNotAllowed(method + " is not supported on a collection");
    }
    if ("scale".equals(path.subresource())) {
      scaleWrite(request, type, path, contentType, body, writeOptions, warnings);
      return;
    }
    String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (method == HttpMethod.PATCH && "application/apply-patch+yaml".equals(patchType)) {
      serverSideApply(request, type, path, body, writeOptions, warnings);
      return;
    }
    StoredObject current = resources.get(type, path.namespace(), path.name());
    JsonObject incoming;
    if (method == HttpMethod.PUT) {
      incoming = Conversions.toStorage(type, Negotiation.decodeObject(contentType, body));
    } else {
      incoming = patched(type, current, contentType, body);
    }
    if (hooked()) {
      updateThroughWebhooks(request, type, path, current, incoming, writeOptions, warnings, user);
      return;
    }
    StoredObject updated = resources.update(type, current, incoming, path.subresource(), writeOptions, warnings);
    answer(request, type, 200, updated, warnings);
  }

  /** Whether any admission webhook is configured: only then does a write leave the synchronous path. */
  boolean hooked() {
    return store.bucket(MUTATING).size() > 0 || store.bucket(VALIDATING).size() > 0;
  }

  /**
   * A create in kube-apiserver's order: defaults, mutating webhooks, the server's own validation (a dry run of the
   * create), validating webhooks on the object as it would be stored, then the create itself.
   */
  void createThroughWebhooks(HttpServerRequest request, ResourceType type, RequestPath path,
      JsonObject object, WriteOptions writeOptions, List<String> warnings, UserInfo user) {
    String name = object.getJsonObject("metadata", new JsonObject()).getString("name", "");
    AdmissionAttributes attributes = AdmissionAttributes.of(type, null, path.namespace(), name,
        AdmissionAttributes.Operation.CREATE, user, writeOptions.dryRun(), writeOptions.manager());
    JsonObject defaulted = type.builtIn() ? BuiltInDefaults.apply(type.group(), type.kind(), object) : object;
    webhooks.mutate(attributes, defaulted, null, objects(MUTATING)).compose(mutated -> {
      warnings.addAll(mutated.warnings());
      StoredObject dry = resources.create(type, path.namespace(), mutated.object().copy(), writeOptions.asDryRun(),
          warnings);
      return webhooks.validate(attributes, dry.object(), null, objects(VALIDATING)).map(validated -> {
        warnings.addAll(validated.warnings());
        return mutated.object();
      });
    }).map(admitted -> resources.create(type, path.namespace(), admitted, writeOptions, warnings))
        .onSuccess(created -> answer(request, type, 201, created, warnings))
        .onFailure(e -> failWith(request, e));
  }

  void updateThroughWebhooks(HttpServerRequest request, ResourceType type, RequestPath path,
      StoredObject current, JsonObject incoming, WriteOptions writeOptions, List<String> warnings, UserInfo user) {
    AdmissionAttributes attributes = AdmissionAttributes.of(type, path.subresource(), path.namespace(),
        path.name(), AdmissionAttributes.Operation.UPDATE, user, writeOptions.dryRun(), writeOptions.manager());
    webhooks.mutate(attributes, incoming, current.object(), objects(MUTATING)).compose(mutated -> {
      warnings.addAll(mutated.warnings());
      StoredObject dry = resources.update(type, current, mutated.object().copy(), path.subresource(),
          writeOptions.asDryRun(), warnings);
      return webhooks.validate(attributes, dry.object(), current.object(), objects(VALIDATING)).map(validated -> {
        warnings.addAll(validated.warnings());
        return mutated.object();
      });
    }).map(admitted -> resources.update(type, resources.get(type, path.namespace(), path.name()), admitted,
        path.subresource(), writeOptions, warnings))
        .onSuccess(updated -> answer(request, type, 200, updated, warnings))
        .onFailure(e -> failWith(request, e));
  }

  /** The review kinds: answered at once, never stored. */
  JsonObject review(ResourceType type, RequestPath path, JsonObject body, UserInfo user) {
    return switch (type.kind()) {
      case "TokenReview" -> Reviews.tokenReview(body, security.tokens(), clock.instant());
      case "SelfSubjectReview" -> Reviews.selfSubjectReview(body, user);
      case "SubjectAccessReview" -> Reviews.subjectAccessReview(body, security.authorizer());
      case "LocalSubjectAccessReview" -> Reviews.localSubjectAccessReview(body, path.namespace(),
          security.authorizer());
      case "SelfSubjectAccessReview" -> Reviews.selfSubjectAccessReview(body, user, security.authorizer());
      default -> {
        StoredObject account = resources.get(type, path.namespace(), path.name());
        yield Reviews.tokenRequest(body, path.namespace(), path.name(), account.uid(), security.tokens(),
            clock.instant());
      }
    };
  }

  JsonObject patched(ResourceType type, StoredObject current, String contentType, Buffer body) {
    String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!PATCH_TYPES.contains(patchType)) {
      throw ApiError.unsupportedPatch(patchType, PATCH_TYPES);
    }
    JsonObject base = Conversions.fromStorage(type, current.copy());
    String text = body == null ? "" : body.toString();
    JsonObject result = switch (patchType) {
      case "application/json-patch+json" -> JsonPatch.apply(base, text);
      case "application/strategic-merge-patch+json" -> {
        if (!type.builtIn()) {
          throw ApiError.unsupportedPatch(patchType, List.of("application/json-patch+json",
              "application/merge-patch+json", "application/apply-patch+yaml"));
        }
        yield StrategicMergePatch.apply(base, text, type.schema(), Schemas.context());
      }
      default -> MergePatch.applyTo(base, text);
    };
    return Conversions.toStorage(type, result);
  }

  void serverSideApply(HttpServerRequest request, ResourceType type, RequestPath path, Buffer body,
      WriteOptions writeOptions, List<String> warnings) {
    if (writeOptions.fieldManager() == null || writeOptions.fieldManager().isEmpty()) {
      throw ApiError.invalid("PatchOptions.meta.k8s.io", "", List.of(FieldError.required("fieldManager",
          "is required for apply patch")));
    }
    StoredObject current = resources.find(type, path.namespace(), path.name());
    JsonObject applied = Negotiation.decodeObject("application/apply-patch+yaml", body);
    if (current == null && path.subresource() != null) {
      throw ApiError.notFound(type, path.name());
    }
    ServerSideApply.Target target = "status".equals(path.subresource())
        ? ServerSideApply.Target.statusSubresource(type.groupVersion(), type.kind())
        : ServerSideApply.Target.mainResource(type.groupVersion(), type.kind(), type.statusSubresource());
    JsonObject live = current == null ? null : Conversions.fromStorage(type, current.copy());
    ServerSideApply.ApplyResult result = ServerSideApply.apply(live, applied, writeOptions.fieldManager(),
        writeOptions.force(), target, type.schema(), Schemas.context(), clock.instant());
    if (result instanceof ServerSideApply.Conflicts conflicts) {
      throw ApiError.fromStatus(conflicts.status());
    }
    if (result instanceof ServerSideApply.Rejected rejected) {
      throw ApiError.fromStatus(rejected.status());
    }
    JsonObject object = Conversions.toStorage(type, ((ServerSideApply.Applied) result).object());
    WriteOptions applying = writeOptions.applying();
    if (current == null) {
      object.getJsonObject("metadata").put("name", path.name());
      answer(request, type, 201, resources.create(type, path.namespace(), object, applying, warnings), warnings);
    } else {
      answer(request, type, 200, resources.update(type, current, object, path.subresource(), applying, warnings),
          warnings);
    }
  }

  void delete(HttpServerRequest request, ResourceType type, RequestPath path, Map<String, String> query,
      Buffer body, UserInfo user) {
    JsonObject options = body == null || body.length() == 0 ? new JsonObject()
        : Negotiation.decodeObject(request.getHeader(HttpHeaders.CONTENT_TYPE), body);
    StoredObject current = resources.get(type, path.namespace(), path.name());
    boolean dryRun = "All".equals(query.get("dryRun")) || options.getJsonArray("dryRun", new JsonArray())
        .contains("All");
    Resources.Propagation propagation = propagation(query, options);
    Long grace = gracePeriod(query, options);
    if (hooked()) {
      AdmissionAttributes attributes = AdmissionAttributes.of(type, null, path.namespace(), path.name(),
          AdmissionAttributes.Operation.DELETE, user, dryRun, null);
      webhooks.validate(attributes, null, current.object(), objects(VALIDATING))
          .map(v -> resources.delete(type, resources.get(type, path.namespace(), path.name()), propagation,
              options.getJsonObject("preconditions"), dryRun, grace))
          .onSuccess(last -> answer(request, type, 200, last, List.of()))
          .onFailure(e -> failWith(request, e));
      return;
    }
    StoredObject last = resources.delete(type, current, propagation, options.getJsonObject("preconditions"),
        dryRun, grace);
    answer(request, type, 200, last, List.of());
  }

  void deleteCollection(HttpServerRequest request, ResourceType type, String namespace,
      Map<String, String> query, Buffer body) {
    JsonObject options = body == null || body.length() == 0 ? new JsonObject()
        : Negotiation.decodeObject(request.getHeader(HttpHeaders.CONTENT_TYPE), body);
    ListQuery list = ListQuery.parse(query, type);
    boolean dryRun = "All".equals(query.get("dryRun"));
    List<StoredObject> deleted = new ArrayList<>();
    for (StoredObject object : new ArrayList<>(store.list(ResourceRegistry.bucket(type), namespace))) {
      if (list.filter().test(object)) {
        deleted.add(resources.delete(type, object, propagation(query, options), null, dryRun,
            gracePeriod(query, options)));
      }
    }
    ObjectView view = view(type, request);
    reads.respondList(request.response(), type, view, deleted, store.resourceVersion(), null, -1);
  }

  /** DeleteOptions' gracePeriodSeconds, from the body or the query (kubectl sends the body); null when not given. */
  static Long gracePeriod(Map<String, String> query, JsonObject options) {
    if (options.getValue("gracePeriodSeconds") instanceof Number n) {
      return n.longValue();
    }
    String text = query.get("gracePeriodSeconds");
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("gracePeriodSeconds: invalid value \"" + text + "\": must be an integer");
    }
  }

  static Resources.Propagation propagation(Map<String, String> query, JsonObject options) {
    String policy = options.getString("propagationPolicy", query.get("propagationPolicy"));
    if (policy == null) {
      Boolean orphan = options.getBoolean("orphanDependents");
      return Boolean.TRUE.equals(orphan) ? Resources.Propagation.ORPHAN : Resources.Propagation.BACKGROUND;
    }
    return switch (policy) {
      case "Foreground" -> Resources.Propagation.FOREGROUND;
      case "Orphan" -> Resources.Propagation.ORPHAN;
      case "Background" -> Resources.Propagation.BACKGROUND;
      default -> throw ApiError.badRequest("propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    };
  }

  void scaleWrite(HttpServerRequest request, ResourceType type, RequestPath path, String contentType,
      Buffer body, WriteOptions writeOptions, List<String> warnings) {
    StoredObject current = resources.get(type, path.namespace(), path.name());
    JsonObject scale = ScaleView.scaleOf(type, current.object());
    JsonObject desired;
    if (request.method() == HttpMethod.PUT) {
      desired = Negotiation.decodeObject(contentType, body);
    } else {
      String patchType = contentType == null ? "" : contentType.split(";")[0].trim();
      if (!PATCH_TYPES.contains(patchType) || patchType.endsWith("apply-patch+yaml")) {
        throw ApiError.unsupportedPatch(patchType, PATCH_TYPES.subList(0, 3));
      }
      desired = "application/json-patch+json".equals(patchType) ? JsonPatch.apply(scale, body.toString())
          : MergePatch.apply(scale, body.toString());
    }
    String expected = desired.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
    if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(current.resourceVersion()))) {
      throw ApiError.modified(type, path.name());
    }
    JsonObject updated = ScaleView.withReplicas(type, current.object(), desired);
    updated.getJsonObject("metadata").remove("resourceVersion");
    StoredObject written = resources.update(type, current, updated, null, writeOptions, warnings);
    warnings.forEach(w -> request.response().headers().add("Warning", "299 - \"" + w + "\""));
    json(request.response(), 200, ScaleView.scaleOf(type, written.object()));
  }

  List<JsonObject> objects(String bucket) {
    return store.list(bucket, null).stream().map(StoredObject::object).toList();
  }
}
