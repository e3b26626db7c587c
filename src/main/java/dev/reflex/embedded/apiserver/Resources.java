package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verbs on stored objects: get, create, update, delete and the bookkeeping they imply (namespaces must exist
 * and not be terminating, resourceVersion preconditions, finalizers, deletion propagation). The HTTP layer
 * decodes requests into calls of these; the garbage collector and the namespace controller call them too, so
 * their writes look to watches like any other.
 */
final class Resources {

  /** Propagation policies of a delete. */
  enum Propagation {
    BACKGROUND, FOREGROUND, ORPHAN
  }

  static final String FOREGROUND_FINALIZER = "foregroundDeletion";
  static final String ORPHAN_FINALIZER = "orphan";

  private final ObjectStore store;
  private final ResourceRegistry registry;
  private final ObjectLifecycle lifecycle;
  private final Clock clock;
  private final List<Admission> admission;
  private final List<WriteListener> listeners = new ArrayList<>();

  /** Told after every stored change, on the store's thread (CRDs, namespaces, the garbage collector). */
  interface WriteListener {
    void written(ResourceType type, StoredObject before, StoredObject after);
  }

  Resources(ObjectStore store, ResourceRegistry registry, ObjectLifecycle lifecycle, Clock clock,
      List<Admission> admission) {
    this.store = store;
    this.registry = registry;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.admission = List.copyOf(admission);
  }

  void addListener(WriteListener listener) {
    listeners.add(listener);
  }

  ObjectStore store() {
    return store;
  }

  ResourceRegistry registry() {
    return registry;
  }

  Clock clock() {
    return clock;
  }

  static String key(ResourceType type, String namespace, String name) {
    return type.namespaced() ? namespace + "/" + name : name;
  }

  StoredObject find(ResourceType type, String namespace, String name) {
    return store.get(ResourceRegistry.bucket(type), key(type, namespace, name));
  }

  StoredObject get(ResourceType type, String namespace, String name) {
    StoredObject stored = find(type, namespace, name);
    if (stored == null) {
      throw ApiError.notFound(type, name);
    }
    return stored;
  }

  // --- create ---------------------------------------------------------------------------------------------------

  StoredObject create(ResourceType type, String namespace, JsonObject object, WriteOptions options,
      List<String> warnings) {
    checkTypeMeta(type, object);
    JsonObject meta = object.getJsonObject("metadata");
    if (meta == null) {
      meta = new JsonObject();
      object.put("metadata", meta);
    }
    if (type.namespaced()) {
      String given = meta.getString("namespace");
      if (given != null && !given.isEmpty() && namespace != null && !given.equals(namespace)) {
        throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the "
            + "request");
      }
      String ns = namespace != null ? namespace : given;
      if (ns == null || ns.isEmpty()) {
        throw ApiError.badRequest("the server could not find the requested resource: a namespace is required");
      }
      requireLiveNamespace(ns, type, meta.getString("name", ""));
      meta.put("namespace", ns);
    } else {
      meta.remove("namespace");
    }
    String name = meta.getString("name");
    if ((name == null || name.isEmpty()) && meta.getString("generateName") != null
        && !meta.getString("generateName").isEmpty()) {
      name = lifecycle.generateName(meta.getString("generateName"));
      meta.put("name", name);
    }
    if (name == null || name.isEmpty()) {
      throw ApiError.invalid(type, "", List.of(FieldError.required("metadata.name",
          "name or generateName is required")));
    }
    lifecycle.prepareCreate(type, object, clock.instant());
    object.put("apiVersion", Conversions.storageVersion(type)).put("kind", type.kind());
    JsonObject admitted = managed(type, null, admit(type, Admission.Operation.CREATE, object, null, null, options,
        warnings), null, options);
    String key = key(type, meta.getString("namespace"), name);
    if (store.get(ResourceRegistry.bucket(type), key) != null) {
      throw ApiError.alreadyExists(type, name);
    }
    if (options.dryRun()) {
      return new StoredObject(admitted, store.resourceVersion(), key);
    }
    return write(type, key, null, admitted);
  }

  // --- update ---------------------------------------------------------------------------------------------------

  /**
   * Replaces an object (PUT, and every patch once applied): the resourceVersion in {@code incoming}, if any, must
   * be the stored one.
   */
  StoredObject update(ResourceType type, StoredObject current, JsonObject incoming, String subresource,
      WriteOptions options, List<String> warnings) {
    checkTypeMeta(type, incoming);
    JsonObject meta = incoming.getJsonObject("metadata");
    if (meta == null) {
      meta = new JsonObject();
      incoming.put("metadata", meta);
    }
    String name = current.name();
    if (meta.getString("name") != null && !name.equals(meta.getString("name"))) {
      throw ApiError.badRequest("the name of the object (" + meta.getString("name")
          + ") does not match the name on the URL (" + name + ")");
    }
    String expected = meta.getString("resourceVersion");
    if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(current.resourceVersion()))) {
      throw ApiError.modified(type, name);
    }
    incoming.put("apiVersion", Conversions.storageVersion(type)).put("kind", type.kind());
    JsonObject prepared = lifecycle.prepareUpdate(type, current, incoming, subresource);
    JsonObject admitted = managed(type, current, admit(type, Admission.Operation.UPDATE, prepared,
        current.object(), subresource, options, warnings), subresource, options);
    ObjectLifecycle.bumpGeneration(type, current.object(), admitted);
    if (ObjectLifecycle.unchanged(current.object(), admitted)) {
      return current;
    }
    if (options.dryRun()) {
      return new StoredObject(admitted, current.resourceVersion(), current.key());
    }
    if (admitted.getJsonObject("metadata").getString("deletionTimestamp") != null
        && ObjectLifecycle.finalizers(admitted).isEmpty()) {
      // The last finalizer is gone: the deletion it held back completes.
      return remove(type, current);
    }
    return write(type, current.key(), current, admitted);
  }

  // --- delete ---------------------------------------------------------------------------------------------------

  /**
   * Deletes an object, or marks it for deletion when finalizers (its own, or those the propagation policy needs)
   * or a grace period ({@link GracefulDeletion}: pods on a node) hold it back. Returns the object's last state.
   *
   * @param gracePeriodSeconds what the request asked for, or null for the object's own
   */
  StoredObject delete(ResourceType type, StoredObject current, Propagation propagation, JsonObject preconditions,
      boolean dryRun, Long gracePeriodSeconds) {
    if (preconditions != null) {
      String uid = preconditions.getString("uid");
      if (uid != null && !uid.equals(current.uid())) {
        throw ApiError.preconditionFailed(type, current.name(), "the UID in the precondition (" + uid
            + ") does not match the UID in record (" + current.uid() + "). The object might have been deleted and "
            + "then recreated");
      }
      String rv = preconditions.getString("resourceVersion");
      if (rv != null && !rv.equals(Long.toString(current.resourceVersion()))) {
        throw ApiError.preconditionFailed(type, current.name(), "the ResourceVersion in the precondition (" + rv
            + ") does not match the ResourceVersion in record (" + current.resourceVersion() + "). The object "
            + "might have been modified");
      }
    }
    JsonArray finalizers = ObjectLifecycle.finalizers(current.object()).copy();
    String needed = switch (propagation) {
      case FOREGROUND -> FOREGROUND_FINALIZER;
      case ORPHAN -> ORPHAN_FINALIZER;
      case BACKGROUND -> null;
    };
    boolean hasDependents = !store.dependentsOf(current.uid()).isEmpty();
    if (needed != null && hasDependents && !finalizers.contains(needed)) {
      finalizers.add(needed);
    }
    boolean isNamespace = type.builtIn() && "Namespace".equals(type.kind()) && type.group().isEmpty();
    long grace = GracefulDeletion.seconds(type, current.object(), gracePeriodSeconds);
    if (finalizers.isEmpty() && !isNamespace && grace == 0) {
      if (dryRun) {
        return current;
      }
      return remove(type, current);
    }
    JsonObject marked = current.copy();
    JsonObject meta = marked.getJsonObject("metadata");
    Instant deleteAt = clock.instant().plusSeconds(grace);
    Instant marking = Timestamps.parse(meta.getString("deletionTimestamp"));
    // A second delete may shorten the grace period, never lengthen it.
    if (marking == null || grace > 0 && deleteAt.isBefore(marking)) {
      meta.put("deletionTimestamp", Timestamps.format(deleteAt));
      meta.put("deletionGracePeriodSeconds", grace);
    }
    meta.put("finalizers", finalizers);
    if (isNamespace) {
      marked.put("status", new JsonObject().put("phase", "Terminating"));
    }
    if (dryRun || marked.equals(current.object())) {
      return current;
    }
    return write(type, current.key(), current, marked);
  }

  /** Removes an object from the store now. */
  StoredObject remove(ResourceType type, StoredObject current) {
    StoredObject deleted = store.remove(ResourceRegistry.bucket(type), current.key());
    if (deleted != null) {
      listeners.forEach(l -> l.written(type, current, null));
    }
    return deleted;
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private StoredObject write(ResourceType type, String key, StoredObject before, JsonObject object) {
    StoredObject after = store.put(ResourceRegistry.bucket(type), key, object);
    listeners.forEach(l -> l.written(type, before, after));
    return after;
  }

  /** Gives the fields a write changed to its manager, as every write to kube-apiserver does. */
  private JsonObject managed(ResourceType type, StoredObject before, JsonObject after, String subresource,
      WriteOptions options) {
    if (options.apply()) {
      return after;
    }
    try {
      return ServerSideApply.recordStoredUpdate(before, after, options.manager(), "Update",
          subresource == null ? "" : subresource, type.groupVersion(), Conversions.storageSchema(type),
          Schemas.context(), clock.instant());
    } catch (RuntimeException e) {
      // Bookkeeping must never cost the write itself; the object keeps the owners it had.
      org.slf4j.LoggerFactory.getLogger(Resources.class).debug("managed fields of {} not recorded: {}",
          type.qualifiedResource(), e.getMessage());
      return after;
    }
  }

  private JsonObject admit(ResourceType type, Admission.Operation operation, JsonObject object, JsonObject old,
      String subresource, WriteOptions options, List<String> warnings) {
    JsonObject current = object;
    for (Admission step : admission) {
      current = step.admit(new Admission.Request(type, operation, current, old, subresource, options, warnings));
    }
    return current;
  }

  private void requireLiveNamespace(String namespace, ResourceType type, String name) {
    ResourceType namespaces = registry.byPath("", "v1", "namespaces").orElseThrow();
    StoredObject ns = find(namespaces, null, namespace);
    if (ns == null) {
      throw ApiError.namespaceNotFound(namespace);
    }
    if (ns.metadata().getString("deletionTimestamp") != null) {
      throw ApiError.namespaceTerminating(type, name, namespace);
    }
  }

  private static void checkTypeMeta(ResourceType type, JsonObject object) {
    String apiVersion = object.getString("apiVersion");
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(type.groupVersion())
        && !acceptedVersionOf(type, apiVersion)) {
      throw ApiError.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.groupVersion() + ")");
    }
    String kind = object.getString("kind");
    if (kind != null && !kind.isEmpty() && !Objects.equals(kind, type.kind())) {
      throw ApiError.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
          + type.kind() + ")");
    }
  }

  /** Another version of the same group (kube accepts a body of any served version of the resource). */
  private static boolean acceptedVersionOf(ResourceType type, String apiVersion) {
    return !type.group().isEmpty() && apiVersion.startsWith(type.group() + "/");
  }
}
