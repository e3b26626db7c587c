package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.FieldSet.Element;
import dev.reflex.embedded.apiserver.ManagedFields.Entry;
import dev.reflex.embedded.apiserver.ManagedFields.Identity;
import dev.reflex.embedded.apiserver.StructuredMerge.Comparison;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-side apply and field ownership, as kube-apiserver's field manager does them (structured-merge-diff under
 * k8s.io/apimachinery's managedfields layers):
 *
 * <ul>
 *   <li>{@link #apply}: a {@code PATCH} with {@code application/apply-patch+yaml}. The applied configuration is merged
 *       into the live object; fields the manager applied last time and no longer applies are removed unless someone
 *       else owns them; changing a field another manager owns is a conflict unless {@code force}; applying an equal
 *       value shares ownership.</li>
 *   <li>{@link #recordUpdate}: every other write (create, update, patch) gives the fields it changed to its manager
 *       as an {@code Update} entry and takes them from everybody else, so that later applies see the right
 *       owners.</li>
 * </ul>
 *
 * <p>Both answer the object with {@code metadata.managedFields} rewritten; defaulting, validation, the strategy's
 * other resets and the store are the caller's. Objects of one type are assumed to have the same field paths in all
 * of its versions (no conversion between the versions managers used).
 */
public final class ServerSideApply {

  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** Beyond this many Update entries, the oldest are folded into "ancient-changes" (kube's cap). */
  static final int MAX_UPDATE_MANAGERS = 10;

  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  /** structured-merge-diff's name for the write in progress, before it is folded into its manager's entry. */
  private static final Identity CURRENT_OPERATION = new Identity("current-operation", "", "", "");

  /** What is never owned: type meta and the metadata the server sets. */
  private static final FieldSet NEVER_OWNED = FieldSet.ofFieldPaths(List.of("apiVersion"), List.of("kind"),
      List.of("metadata"), List.of("metadata", "name"), List.of("metadata", "namespace"),
      List.of("metadata", "creationTimestamp"), List.of("metadata", "selfLink"), List.of("metadata", "uid"),
      List.of("metadata", "clusterName"), List.of("metadata", "generation"), List.of("metadata", "managedFields"),
      List.of("metadata", "resourceVersion"));

  private static final FieldSet METADATA_ITSELF = FieldSet.ofFieldPaths(List.of("metadata"));

  private ServerSideApply() {
  }

  // ---------------------------------------------------------------------------------------------- results

  /** The outcome of an apply. */
  public sealed interface ApplyResult permits Applied, Conflicts, Rejected {
  }

  /** The object to store (its managedFields rewritten), or the live object unchanged but for managedFields. */
  public record Applied(JsonObject object) implements ApplyResult {
  }

  /** A 409: fields other managers own would change. */
  public record Conflicts(List<Conflict> conflicts) implements ApplyResult {

    /** {@code Apply failed with 1 conflict: conflict with "mgr" using apps/v1: .spec.replicas}, or the grouped form. */
    public String message() {
      if (conflicts.size() == 1) {
        Conflict only = conflicts.get(0);
        return "Apply failed with 1 conflict: conflict with " + only.owner().describe() + ": " + only.field();
      }
      Map<String, List<Conflict>> byOwner = new TreeMap<>();
      conflicts.forEach(c -> byOwner.computeIfAbsent(c.owner().key(), k -> new ArrayList<>()).add(c));
      List<String> lines = new ArrayList<>();
      byOwner.values().forEach(group -> {
        lines.add("conflicts with " + group.get(0).owner().describe() + ":");
        group.forEach(c -> lines.add("- " + c.field()));
      });
      return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }

    /** The Status body kube answers with. */
    public JsonObject status() {
      JsonArray causes = new JsonArray();
      conflicts.forEach(c -> causes.add(new JsonObject().put("reason", "FieldManagerConflict")
          .put("message", c.message()).put("field", c.field())));
      return new JsonObject().put("kind", "Status").put("apiVersion", "v1").put("metadata", new JsonObject())
          .put("status", "Failure").put("message", message()).put("reason", "Conflict")
          .put("details", new JsonObject().put("causes", causes)).put("code", 409);
    }
  }

  /** One field another manager owns, printed as kube prints paths ({@code .spec.replicas}). */
  public record Conflict(Identity owner, String field) {

    /** The cause's message: {@code conflict with "kubectl-client-side-apply" using apps/v1}. */
    public String message() {
      return "conflict with " + owner.describe();
    }
  }

  /** The request cannot be applied: 400 BadRequest for a wrong type, 500 with no reason for what kube fails on. */
  public record Rejected(int code, String reason, String message) implements ApplyResult {

    public JsonObject status() {
      JsonObject status = new JsonObject().put("kind", "Status").put("apiVersion", "v1")
          .put("metadata", new JsonObject()).put("status", "Failure").put("message", message);
      if (!reason.isEmpty()) {
        status.put("reason", reason);
      }
      return status.put("code", code);
    }
  }

  /**
   * What is being written: the endpoint's version and kind, the subresource ("" for the main resource), and the
   * fields this endpoint may not change (its strategy's reset fields: {@code status} for the main resource of a type
   * with a status subresource, {@code spec} for the status subresource of a custom resource).
   */
  public record Target(String apiVersion, String kind, String subresource, FieldSet resetFields) {

    public Target {
      subresource = subresource == null ? "" : subresource;
      resetFields = resetFields == null ? FieldSet.empty() : resetFields;
    }

    public static Target mainResource(String apiVersion, String kind, boolean hasStatusSubresource) {
      return new Target(apiVersion, kind, "",
          hasStatusSubresource ? FieldSet.ofFieldPaths(List.of("status")) : FieldSet.empty());
    }

    public static Target statusSubresource(String apiVersion, String kind) {
      return new Target(apiVersion, kind, "status", FieldSet.ofFieldPaths(List.of("spec")));
    }
  }

  // ---------------------------------------------------------------------------------------------- public API

  /**
   * {@link #apply(JsonObject, JsonObject, String, boolean, Target, JsonObject, SchemaContext, Instant)} on the main
   * resource, nothing reset.
   */
  public static ApplyResult apply(JsonObject live, JsonObject applied, String manager, boolean force, String apiVersion,
      JsonObject schema, SchemaContext ctx, Instant now) {
    String kind = live != null ? live.getString("kind", "") : applied.getString("kind", "");
    return apply(live, applied, manager, force, new Target(apiVersion, kind, "", FieldSet.empty()), schema, ctx, now);
  }

  /**
   * Applies {@code applied} (the decoded apply-patch body) for {@code manager} to {@code live} (null on create).
   *
   * @param schema the type's OpenAPI v3 schema (null: untyped, maps granular and lists atomic)
   */
  public static ApplyResult apply(JsonObject live, JsonObject applied, String manager, boolean force, Target target,
      JsonObject schema, SchemaContext ctx, Instant now) {
    String[] sent = groupVersion(applied.getValue("apiVersion") instanceof String s ? s : "");
    String sentKind = applied.getValue("kind") instanceof String s ? s : "";
    String[] expected = groupVersion(target.apiVersion());
    if (!sent[0].equals(expected[0]) || !sent[1].equals(expected[1]) || !sentKind.equals(target.kind())) {
      return new Rejected(400, "BadRequest",
          "invalid object type: " + sent[0] + "/" + sent[1] + ", Kind=" + sentKind);
    }
    JsonObject sentMetadata = applied.getValue("metadata") instanceof JsonObject m ? m : null;
    if (sentMetadata != null && sentMetadata.getValue("managedFields") != null) {
      return new Rejected(400, "BadRequest", "metadata.managedFields must be nil");
    }
    Walk walk = new Walk(ApplyType.root(schema, ctx == null ? SchemaContext.NONE : ctx), target.resetFields(),
        target.apiVersion(), now);
    JsonObject liveObject = live != null ? live : emptyObject(target.apiVersion(), target.kind());
    String rawManager = manager == null ? "" : manager;

    ApplyResult result = applyTakingOverClientSideApply(liveObject, applied, rawManager, force, target, walk);
    if (!(result instanceof Applied done)) {
      return result;
    }
    JsonObject object = done.object();
    // kubectl switching from client-side to server-side apply keeps its annotation current, as kube does.
    if ("kubectl".equals(rawManager) && lastApplied(object) != null) {
      setLastApplied(object, lastAppliedOf(applied));
    }
    restoreResetFields(object, live, target.resetFields());
    return new Applied(object);
  }

  /**
   * {@link #recordUpdate(JsonObject, JsonObject, String, String, String, String, JsonObject, SchemaContext, Instant,
   * FieldSet)} with nothing reset.
   */
  public static JsonObject recordUpdate(JsonObject before, JsonObject after, String manager, String operation,
      String subresource, String apiVersion, JsonObject schema, SchemaContext ctx, Instant now) {
    return recordUpdate(before, after, manager, operation, subresource, apiVersion, schema, ctx, now,
        FieldSet.empty());
  }

  /**
   * The object {@code after} as it is to be stored after an ordinary write by {@code manager}: its managedFields
   * give the fields that changed since {@code before} (null on create) to {@code manager} as an {@code Update} at
   * {@code apiVersion}, taken from everybody else. The managedFields sent in {@code after} are used when valid and
   * not empty (a main-resource write may set them, {@code []} or {@code [{}]} clears them), else {@code before}'s.
   *
   * @param operation normally {@link ManagedFields#UPDATE}
   * @param resetFields fields the endpoint may not change, never recorded (see {@link Target})
   */
  public static JsonObject recordUpdate(JsonObject before, JsonObject after, String manager, String operation,
      String subresource, String apiVersion, JsonObject schema, SchemaContext ctx, Instant now,
      FieldSet resetFields) {
    return recordUpdate(before, false, after.copy(), manager, operation, subresource, apiVersion, schema, ctx, now,
        resetFields);
  }

  /**
   * {@link #recordUpdate(JsonObject, JsonObject, String, String, String, String, JsonObject, SchemaContext, Instant)}
   * of a write to {@code before} as the store holds it (null on create), on the write's own object {@code after},
   * which gets its managedFields in place (and keeps those it had when this fails): owners the write leaves alone
   * keep the FieldsV1 they have, unchanged and not worked out again.
   */
  public static JsonObject recordStoredUpdate(StoredObject before, JsonObject after, String manager, String operation,
      String subresource, String apiVersion, JsonObject schema, SchemaContext ctx, Instant now) {
    Object sent = after.getValue("metadata") instanceof JsonObject m ? m.getValue("managedFields") : null;
    try {
      return recordUpdate(before == null ? null : before.object(), before != null, after, manager, operation,
          subresource, apiVersion, schema, ctx, now, FieldSet.empty());
    } catch (RuntimeException e) {
      if (sent != null) {
        after.getJsonObject("metadata").put("managedFields", sent);
      }
      throw e;
    }
  }

  /** Records the write on {@code updated}, an object of the caller's that is changed in place. */
  private static JsonObject recordUpdate(JsonObject before, boolean beforeIsStored, JsonObject updated,
      String manager, String operation, String subresource, String apiVersion, JsonObject schema, SchemaContext ctx,
      Instant now, FieldSet resetFields) {
    String sub = subresource == null ? "" : subresource;
    JsonObject liveObject = before != null ? before
        : emptyObject(updated.getString("apiVersion", apiVersion), updated.getString("kind", ""));
    Managed managed = managedForUpdate(liveObject, beforeIsStored, updated, !sub.isEmpty());
    removeManagedFields(updated);
    // An existing object whose managedFields were cleared stays untracked until the next apply.
    if (managed.fields.isEmpty() && before != null && !uid(before).isEmpty()) {
      return updated;
    }
    Walk walk = new Walk(ApplyType.root(schema, ctx == null ? SchemaContext.NONE : ctx),
        resetFields == null ? FieldSet.empty() : resetFields, apiVersion, now);
    String op = operation == null || operation.isEmpty() ? ManagedFields.UPDATE : operation;
    trackUpdate(liveObject, updated, managed, manager == null ? "" : manager, op, sub, walk);
    writeManagedFields(updated, managed);
    return updated;
  }

  /**
   * The manager of a write that names none: the user agent up to its first '/', without unprintable characters,
   * at most 128 bytes ({@code kubectl/v1.32.0 (linux/amd64) kubernetes/abc} gives {@code kubectl}). Empty stays
   * empty; the entry is then written as "unknown".
   */
  public static String defaultManager(String userAgent) {
    if (userAgent == null) {
      return "";
    }
    int slash = userAgent.indexOf('/');
    String prefix = slash < 0 ? userAgent : userAgent.substring(0, slash);
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < prefix.length(); ) {
      int c = prefix.codePointAt(i);
      i += Character.charCount(c);
      if (!printable(c)) {
        continue;
      }
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > 128) {
        break;
      }
      bytes += size;
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  private static boolean printable(int c) {
    if (c == ' ') {
      return true;
    }
    int type = Character.getType(c);
    return !(Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
  }

  // ---------------------------------------------------------------------------------------------- kube's layers

  /** The schema and request facts every step needs. */
  private record Walk(ApplyType type, FieldSet ignored, String apiVersion, Instant now) {
  }

  /** One owner's set: the version it was written at and whether an applier owns it. */
  private record Versioned(FieldSet set, String apiVersion, boolean applied) {
  }

  /** The decoded managedFields, mutable while one request is worked out. */
  private static final class Managed {
    final Map<Identity, Versioned> fields = new LinkedHashMap<>();
    final Map<Identity, Instant> times = new HashMap<>();
  }

  private static final class ConflictError extends Exception {
    final Map<Identity, FieldSet> byOwner;

    ConflictError(Map<Identity, FieldSet> byOwner) {
      super(null, null, false, false);
      this.byOwner = byOwner;
    }

    List<Conflict> conflicts() {
      List<Identity> owners = new ArrayList<>(byOwner.keySet());
      owners.sort(Comparator.comparing(Identity::key));
      List<Conflict> out = new ArrayList<>();
      for (Identity owner : owners) {
        byOwner.get(owner).paths().forEach(p -> out.add(new Conflict(owner, FieldSet.pathString(p))));
      }
      return out;
    }
  }

  /**
   * kubectl moving from client-side to server-side apply: conflicts on fields whose live value is still what its
   * last-applied annotation says are the user's own earlier intent, so the apply is forced for those.
   */
  private static ApplyResult applyTakingOverClientSideApply(JsonObject live, JsonObject applied, String manager,
      boolean force, Target target, Walk walk) {
    ApplyResult first = applyOnce(live, applied, manager, force, target, walk);
    if (!"kubectl".equals(manager) || !(first instanceof Conflicts conflicts)) {
      return first;
    }
    FieldSet allowed = takeoverAllowed(live, target, walk);
    if (allowed == null) {
      return first;
    }
    java.util.Set<String> allowedPaths = new java.util.HashSet<>();
    allowed.paths().forEach(p -> allowedPaths.add(FieldSet.pathString(p)));
    List<Conflict> remaining = conflicts.conflicts().stream().filter(c -> !allowedPaths.contains(c.field())).toList();
    return remaining.isEmpty() ? applyOnce(live, applied, manager, true, target, walk) : new Conflicts(remaining);
  }

  private static FieldSet takeoverAllowed(JsonObject live, Target target, Walk walk) {
    String annotation = lastApplied(live);
    if (annotation == null) {
      return null;
    }
    JsonObject lastApplied;
    try {
      lastApplied = new JsonObject(annotation);
    } catch (RuntimeException e) {
      return null;
    }
    if (!target.apiVersion().equals(lastApplied.getValue("apiVersion"))) {
      return null;
    }
    FieldSet set = StructuredMerge.toFieldSet(lastApplied, walk.type(), new ArrayList<>());
    Comparison changed = StructuredMerge.compare(lastApplied, live, walk.type());
    return set.difference(changed.modified()).difference(changed.added()).difference(changed.removed());
  }

  /** One pass of the field manager's apply (the layers under the last-applied handling). */
  private static ApplyResult applyOnce(JsonObject live, JsonObject applied, String manager, boolean force,
      Target target, Walk walk) {
    Managed managed;
    try {
      managed = decode(ManagedFields.read(live));
    } catch (ManagedFields.InvalidManagedFields e) {
      return new Rejected(500, "", "failed to decode managed fields: " + e.getMessage());
    }
    // Fields of an object nobody tracked yet belong to "before-first-apply", so the first apply cannot drop them.
    if (managed.fields.isEmpty()) {
      trackUpdate(emptyObject(target.apiVersion(), target.kind()), live, managed, "before-first-apply",
          ManagedFields.UPDATE, target.subresource(), walk);
    }
    Identity applier = Identity.of(manager.isEmpty() ? "unknown" : manager, ManagedFields.APPLY, "",
        target.subresource());
    List<String> errors = new ArrayList<>();
    FieldSet configured = StructuredMerge.toFieldSet(applied, walk.type(), errors);
    if (!errors.isEmpty()) {
      return new Rejected(500, "", "failed to create typed patch object (" + describe(applied) + "): "
          + (errors.size() == 1 ? errors.get(0) : "errors:\n  " + String.join("\n  ", errors)));
    }
    Object merged;
    try {
      merged = structuredApply(live, applied, configured, managed, applier, force, walk);
    } catch (ConflictError e) {
      return new Conflicts(e.conflicts());
    }
    strip(managed, applier);
    JsonObject object;
    if (merged != null) {
      managed.times.put(applier, walk.now());
      object = merged instanceof JsonObject o ? o : new JsonObject();
    } else {
      object = live.copy();
      removeManagedFields(object);
    }
    writeManagedFields(object, managed);
    return new Applied(object);
  }

  /** The write in progress takes what it changed; then it joins its manager's entry, whose time it renews. */
  private static void trackUpdate(JsonObject live, JsonObject updated, Managed managed, String manager,
      String operation, String subresource, Walk walk) {
    Identity owner = Identity.of(manager.isEmpty() ? "unknown" : manager, operation, walk.apiVersion(), subresource);
    Comparison changed;
    try {
      changed = takeChanged(live, updated, managed, CURRENT_OPERATION, true, walk);
    } catch (ConflictError impossible) {
      throw new IllegalStateException(impossible);
    }
    FieldSet taken = changed.modified().union(changed.added()).recursiveDifference(walk.ignored());
    managed.fields.remove(CURRENT_OPERATION);
    taken = taken.difference(NEVER_OWNED);
    if (!taken.isEmpty()) {
      Versioned previous = managed.fields.get(owner);
      managed.fields.put(owner, new Versioned(previous == null ? taken : taken.union(previous.set()),
          walk.apiVersion(), false));
      managed.times.put(owner, walk.now());
    }
    capUpdateManagers(managed);
  }

  private static void strip(Managed managed, Identity owner) {
    Versioned versioned = managed.fields.get(owner);
    if (versioned == null) {
      return;
    }
    FieldSet set = versioned.set().difference(NEVER_OWNED);
    if (set.isEmpty()) {
      managed.fields.remove(owner);
    } else {
      managed.fields.put(owner, new Versioned(set, versioned.apiVersion(), versioned.applied()));
    }
  }

  /** Folds the oldest Update entries, per version, into "ancient-changes" once there are more than ten. */
  private static void capUpdateManagers(Managed managed) {
    List<Identity> updaters = new ArrayList<>();
    managed.fields.forEach((owner, versioned) -> {
      if (!versioned.applied()) {
        updaters.add(owner);
      }
    });
    if (updaters.size() <= MAX_UPDATE_MANAGERS) {
      return;
    }
    updaters.sort(Comparator.<Identity>comparingLong(o -> seconds(managed.times.get(o))).thenComparing(Identity::key));
    Map<String, Identity> firstByVersion = new HashMap<>();
    int length = updaters.size();
    for (int i = 0; i < updaters.size() && length > MAX_UPDATE_MANAGERS; i++) {
      Identity owner = updaters.get(i);
      Versioned versioned = managed.fields.get(owner);
      if (versioned == null) {
        continue;
      }
      Instant time = managed.times.get(owner);
      String version = versioned.apiVersion();
      Identity bucket = Identity.of("ancient-changes", ManagedFields.UPDATE, version, "");
      Identity first = firstByVersion.get(version);
      if (first == null) {
        firstByVersion.put(version, owner);
        continue;
      }
      if (!managed.fields.containsKey(bucket)) {
        managed.fields.put(bucket, managed.fields.remove(first));
      }
      managed.fields.put(bucket, new Versioned(versioned.set().union(managed.fields.get(bucket).set()),
          versioned.apiVersion(), versioned.applied()));
      managed.fields.remove(owner);
      length--;
      managed.times.put(bucket, time);
    }
  }

  private static long seconds(Instant time) {
    return time == null ? 0 : time.getEpochSecond();
  }

  // ---------------------------------------------------------------------------------------------- ownership core

  /**
   * structured-merge-diff's apply: merge, own exactly the configured fields, prune what this manager dropped, and
   * settle ownership with the others; null when the object does not change.
   */
  private static Object structuredApply(JsonObject live, JsonObject config, FieldSet configured, Managed managed,
      Identity applier, boolean force, Walk walk) throws ConflictError {
    Object merged = StructuredMerge.merge(live, config, walk.type());
    Versioned last = managed.fields.get(applier);
    managed.fields.put(applier, new Versioned(configured.recursiveDifference(walk.ignored()), walk.apiVersion(),
        true));
    merged = prune(merged, managed, last, walk);
    takeChanged(live, merged, managed, applier, force, walk);
    return Values.equal(live, merged) ? null : merged;
  }

  /**
   * Compares the two objects; the changed fields conflict with, or (forced) are taken from, every owner other than
   * {@code writer}, and removed fields leave every other owner's set.
   */
  private static Comparison takeChanged(Object before, Object after, Managed managed, Identity writer, boolean force,
      Walk walk) throws ConflictError {
    Comparison changed = StructuredMerge.compare(before, after, walk.type()).excluding(walk.ignored());
    FieldSet touched = changed.modified().union(changed.added());
    Map<Identity, FieldSet> conflicts = new LinkedHashMap<>();
    managed.fields.forEach((owner, versioned) -> {
      if (!owner.equals(writer)) {
        FieldSet overlap = versioned.set().intersection(touched);
        if (!overlap.isEmpty()) {
          conflicts.put(owner, overlap);
        }
      }
    });
    if (!force && !conflicts.isEmpty()) {
      throw new ConflictError(conflicts);
    }
    List<Identity> owners = new ArrayList<>(managed.fields.keySet());
    for (Identity owner : owners) {
      if (owner.equals(writer)) {
        continue;
      }
      Versioned versioned = managed.fields.get(owner);
      FieldSet set = versioned.set().difference(conflicts.getOrDefault(owner, FieldSet.empty()))
          .difference(changed.removed());
      if (set.isEmpty()) {
        managed.fields.remove(owner);
      } else {
        managed.fields.put(owner, new Versioned(set, versioned.apiVersion(), versioned.applied()));
      }
    }
    return changed;
  }

  /**
   * Removes what {@code last} (the applier's previous set) holds and nobody owns any more. Struct fields count as
   * owned when anything under them is, so a struct goes away with its last owned field; the object's metadata as a
   * whole is never removed.
   */
  private static Object prune(Object merged, Managed managed, Versioned last, Walk walk) {
    if (last == null || last.set().isEmpty()) {
      return merged;
    }
    ApplyType type = walk.type();
    FieldSet lastSet = StructuredMerge.ensureNamedFieldsAreMembers(last.set(), type);
    FieldSet owned = FieldSet.empty();
    for (Versioned versioned : managed.fields.values()) {
      owned = owned.union(versioned.set());
    }
    owned = StructuredMerge.ensureNamedFieldsAreMembers(owned, type);
    FieldSet mergedSet = fieldsOf(merged, type);
    Object pruned = removeFrom(merged, lastSet, type);
    pruned = removeFrom(merged, mergedSet.difference(fieldsOf(pruned, type).union(owned)), type);
    FieldSet dangling = mergedSet.difference(fieldsOf(pruned, type)).intersection(lastSet).difference(METADATA_ITSELF);
    return removeFrom(merged, dangling, type);
  }

  private static FieldSet fieldsOf(Object value, ApplyType type) {
    return StructuredMerge.ensureNamedFieldsAreMembers(StructuredMerge.toFieldSet(value, type, new ArrayList<>()),
        type);
  }

  private static Object removeFrom(Object value, FieldSet toRemove, ApplyType type) {
    Object out = StructuredMerge.removeItems(value, toRemove, type);
    return out == StructuredMerge.ABSENT ? new JsonObject() : out;
  }

  // ---------------------------------------------------------------------------------------------- managedFields

  private static Managed decode(List<Entry> entries) {
    Managed managed = new Managed();
    for (Entry entry : entries) {
      Identity owner = entry.identity();
      managed.fields.put(owner, new Versioned(entry.fields(), entry.apiVersion(),
          ManagedFields.APPLY.equals(entry.operation())));
      managed.times.put(owner, entry.time());
    }
    return managed;
  }

  /**
   * Which managedFields an ordinary write starts from: those it sends when usable, else the live ones. A write that
   * sends back the stored entries unchanged (every patch does) starts from the stored ones, which keep their FieldsV1.
   */
  private static Managed managedForUpdate(JsonObject live, boolean liveIsStored, JsonObject after,
      boolean subresource) {
    JsonArray stored = liveIsStored && live.getValue("metadata") instanceof JsonObject m
        && m.getValue("managedFields") instanceof JsonArray a ? a : null;
    if (!subresource) {
      JsonObject metadata = after.getValue("metadata") instanceof JsonObject m ? m : null;
      JsonArray sent = metadata != null && metadata.getValue("managedFields") instanceof JsonArray a ? a : null;
      if (sent != null && (sent.isEmpty() || sent.size() == 1 && sent.getValue(0) instanceof JsonObject only
          && only.isEmpty())) {
        return new Managed();
      }
      if (sent != null && (stored == null || !Values.equal(sent, stored))) {
        try {
          Managed fromRequest = decode(ManagedFields.decode(sent));
          if (!fromRequest.fields.isEmpty()) {
            return fromRequest;
          }
        } catch (ManagedFields.InvalidManagedFields | RuntimeException ignored) {
          // kube falls back to the live object's managedFields
        }
      }
    }
    try {
      return decode(stored != null ? ManagedFields.decodeStored(stored) : ManagedFields.read(live));
    } catch (ManagedFields.InvalidManagedFields | RuntimeException e) {
      return new Managed();
    }
  }

  private static void writeManagedFields(JsonObject object, Managed managed) {
    List<Entry> entries = new ArrayList<>();
    managed.fields.forEach((owner, versioned) -> entries.add(new Entry(owner.manager(),
        versioned.applied() ? ManagedFields.APPLY : owner.operation(), versioned.apiVersion(),
        managed.times.get(owner), versioned.set(), owner.subresource())));
    JsonArray encoded = ManagedFields.encode(entries);
    removeManagedFields(object);
    if (encoded != null) {
      JsonObject metadata = object.getValue("metadata") instanceof JsonObject m ? m : null;
      if (metadata == null) {
        metadata = new JsonObject();
        object.put("metadata", metadata);
      }
      metadata.put("managedFields", encoded);
    }
  }

  private static void removeManagedFields(JsonObject object) {
    if (object.getValue("metadata") instanceof JsonObject metadata) {
      metadata.remove("managedFields");
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static JsonObject emptyObject(String apiVersion, String kind) {
    return new JsonObject().put("apiVersion", apiVersion).put("kind", kind);
  }

  private static String uid(JsonObject object) {
    return object.getValue("metadata") instanceof JsonObject m && m.getValue("uid") instanceof String s ? s : "";
  }

  /** Group and version as Go parses an apiVersion: "v1" is the core group, more than one '/' is no version. */
  private static String[] groupVersion(String apiVersion) {
    if (apiVersion.isEmpty() || apiVersion.equals("/")) {
      return new String[] {"", ""};
    }
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return new String[] {"", apiVersion};
    }
    if (apiVersion.indexOf('/', slash + 1) >= 0) {
      return new String[] {"", ""};
    }
    return new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
  }

  /** {@code namespace/name; group/version, Kind=kind}, how kube names an object in field manager errors. */
  private static String describe(JsonObject object) {
    JsonObject metadata = object.getValue("metadata") instanceof JsonObject m ? m : new JsonObject();
    String[] gv = groupVersion(object.getValue("apiVersion") instanceof String s ? s : "");
    return metadata.getString("namespace", "") + "/" + metadata.getString("name", "") + "; " + gv[0] + "/" + gv[1]
        + ", Kind=" + object.getString("kind", "");
  }

  private static String lastApplied(JsonObject object) {
    JsonObject metadata = object.getValue("metadata") instanceof JsonObject m ? m : null;
    JsonObject annotations = metadata != null && metadata.getValue("annotations") instanceof JsonObject a ? a : null;
    String value = annotations != null && annotations.getValue(LAST_APPLIED) instanceof String s ? s : null;
    return value == null || value.isEmpty() ? null : value;
  }

  /** The annotation kube writes for kubectl's server-side applies: the applied object as Go's JSON, without itself. */
  private static String lastAppliedOf(JsonObject applied) {
    JsonObject copy = applied.copy();
    if (copy.getValue("metadata") instanceof JsonObject metadata
        && metadata.getValue("annotations") instanceof JsonObject annotations) {
      annotations.remove(LAST_APPLIED);
    }
    String json = ((JsonObject) sortedKeys(copy)).encode();
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n";
  }

  private static Object sortedKeys(Object value) {
    value = Values.wrap(value);
    if (value instanceof JsonObject object) {
      JsonObject out = new JsonObject();
      new TreeMap<>(object.getMap()).keySet().forEach(k -> out.put(k, sortedKeys(object.getValue(k))));
      return out;
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(sortedKeys(item)));
      return out;
    }
    return value;
  }

  private static void setLastApplied(JsonObject object, String value) {
    JsonObject metadata = object.getJsonObject("metadata");
    JsonObject annotations = metadata.getJsonObject("annotations");
    annotations.put(LAST_APPLIED, value);
    long bytes = 0;
    for (Map.Entry<String, Object> annotation : annotations) {
      bytes += annotation.getKey().getBytes(StandardCharsets.UTF_8).length
          + String.valueOf(annotation.getValue()).getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_ANNOTATIONS_BYTES) {
      annotations.remove(LAST_APPLIED);
    }
  }

  /** The endpoint's strategy keeps the live value of its reset fields (and drops them on create). */
  private static void restoreResetFields(JsonObject object, JsonObject live, FieldSet resetFields) {
    for (List<Element> path : resetFields.paths()) {
      if (!path.stream().allMatch(e -> e instanceof FieldSet.Field)) {
        continue;
      }
      List<String> names = path.stream().map(e -> ((FieldSet.Field) e).name()).toList();
      Object liveValue = live == null ? null : at(live, names);
      JsonObject parent = object;
      for (int i = 0; i < names.size() - 1 && parent != null; i++) {
        Object next = parent.getValue(names.get(i));
        if (!(next instanceof JsonObject) && liveValue != null) {
          next = new JsonObject();
          parent.put(names.get(i), next);
        }
        parent = next instanceof JsonObject o ? o : null;
      }
      if (parent == null) {
        continue;
      }
      String leaf = names.get(names.size() - 1);
      if (liveValue == null) {
        parent.remove(leaf);
      } else {
        parent.put(leaf, Values.copy(liveValue));
      }
    }
  }

  private static Object at(JsonObject object, List<String> names) {
    Object current = object;
    for (String name : names) {
      if (!(current instanceof JsonObject o) || !o.containsKey(name)) {
        return null;
      }
      current = Values.wrap(o.getValue(name));
    }
    return current;
  }
}
