package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * kube-apiserver's checks of an object's {@code metadata} on create and update (apimachinery's ObjectMeta
 * validation), with its field paths and messages, plus the TypeMeta check custom resources get first.
 */
public final class ObjectMetaValidation {

  /** kube's total size limit of an object's annotations, keys and values together: 256 KiB. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  private static final String IMMUTABLE = "field is immutable";
  private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ObjectMetaValidation() {
  }

  /** How a kind's names are checked. */
  public enum NameRule {
    /** Most kinds, custom resources included: {@code example.com}, up to 253 characters. */
    DNS1123_SUBDOMAIN,
    /** Namespaces (and kube 1.33+'s StatefulSets): one label, up to 63 characters. */
    DNS1123_LABEL,
    /** Services: a label that starts with a letter. */
    DNS1035_LABEL,
    /** RBAC roles and bindings, persistent volumes, embedded resources: anything usable as a URL path segment. */
    PATH_SEGMENT;

    /** The messages for a name, or for a generateName prefix (whose trailing dash is allowed). */
    public List<String> check(String name, boolean prefix) {
      if (this == PATH_SEGMENT) {
        return NameRules.pathSegment(name, prefix);
      }
      String n = prefix ? maskTrailingDash(name) : name;
      return switch (this) {
        case DNS1123_LABEL -> NameRules.dns1123Label(n);
        case DNS1035_LABEL -> NameRules.dns1035Label(n);
        default -> NameRules.dns1123Subdomain(n);
      };
    }

    /** kube replaces the last two characters of a prefix ending in '-' by one 'a', so the dash is accepted. */
    private static String maskTrailingDash(String name) {
      return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
    }
  }

  /** The rule kube-apiserver uses for a kind's names (group "" is the core group). */
  public static NameRule nameRuleFor(String group, String kind) {
    return switch (group + "/" + kind) {
      case "/Namespace" -> NameRule.DNS1123_LABEL;
      case "/Service" -> NameRule.DNS1035_LABEL;
      case "apps/StatefulSet" -> NameRule.DNS1123_LABEL;
      case "/PersistentVolume", "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" ->
          NameRule.PATH_SEGMENT;
      default -> NameRule.DNS1123_SUBDOMAIN;
    };
  }

  /**
   * The checks of {@code metadata} on create. The server has already turned a generateName into a name (kube does
   * so before validating), so "name or generateName is required" only fires when both are missing.
   */
  public static List<FieldError> validate(JsonObject metadata, boolean namespaced, NameRule rule) {
    return validate("metadata", metadata == null ? new JsonObject() : metadata, namespaced, rule);
  }

  static List<FieldError> validate(String path, JsonObject meta, boolean namespaced, NameRule rule) {
    List<FieldError> errs = new ArrayList<>();
    String generateName = string(meta, "generateName");
    if (!generateName.isEmpty()) {
      rule.check(generateName, true).forEach(m -> errs.add(FieldError.invalid(path + ".generateName",
          generateName, m)));
    }
    String name = string(meta, "name");
    if (name.isEmpty()) {
      errs.add(FieldError.required(path + ".name", "name or generateName is required"));
    } else {
      rule.check(name, false).forEach(m -> errs.add(FieldError.invalid(path + ".name", name, m)));
    }
    String namespace = string(meta, "namespace");
    if (namespaced) {
      if (namespace.isEmpty()) {
        errs.add(FieldError.required(path + ".namespace", ""));
      } else {
        NameRule.DNS1123_LABEL.check(namespace, false)
            .forEach(m -> errs.add(FieldError.invalid(path + ".namespace", namespace, m)));
      }
    } else if (!namespace.isEmpty()) {
      errs.add(FieldError.forbidden(path + ".namespace", "not allowed on this type"));
    }
    if (meta.getValue("generation") instanceof Number g && g.longValue() < 0) {
      errs.add(FieldError.invalid(path + ".generation", g.longValue(), "must be greater than or equal to 0"));
    }
    errs.addAll(labels(meta.getJsonObject("labels"), path + ".labels"));
    errs.addAll(annotations(meta.getJsonObject("annotations"), path + ".annotations"));
    errs.addAll(ownerReferences(meta.getJsonArray("ownerReferences"), path + ".ownerReferences"));
    errs.addAll(finalizers(meta.getJsonArray("finalizers"), path + ".finalizers"));
    errs.addAll(managedFields(meta.getJsonArray("managedFields"), path + ".managedFields"));
    return errs;
  }

  /**
   * The checks of {@code metadata} on update: what may not change (name, namespace, uid, creationTimestamp,
   * deletionTimestamp, deletionGracePeriodSeconds), resourceVersion and generation, and the syntax checks again.
   */
  public static List<FieldError> validateUpdate(JsonObject newMetadata, JsonObject oldMetadata) {
    JsonObject meta = newMetadata == null ? new JsonObject() : newMetadata;
    JsonObject old = oldMetadata == null ? new JsonObject() : oldMetadata;
    List<FieldError> errs = new ArrayList<>();
    if (old.getValue("deletionTimestamp") != null) {
      List<String> added = new ArrayList<>(strings(meta.getJsonArray("finalizers")));
      added.removeAll(strings(old.getJsonArray("finalizers")));
      if (!added.isEmpty()) {
        List<String> sorted = added.stream().distinct().sorted().toList();
        errs.add(FieldError.forbidden("metadata.finalizers", "no new finalizers can be added if the object is being "
            + "deleted, found new finalizers " + GoText.stringSlice(sorted)));
      }
    }
    if (string(meta, "resourceVersion").isEmpty()) {
      errs.add(FieldError.invalid("metadata.resourceVersion", "", "must be specified for an update"));
    }
    long generation = meta.getValue("generation") instanceof Number g ? g.longValue() : 0;
    long oldGeneration = old.getValue("generation") instanceof Number g ? g.longValue() : 0;
    if (generation < oldGeneration) {
      errs.add(FieldError.invalid("metadata.generation", generation, "must not be decremented"));
    }
    for (String field : List.of("name", "namespace", "uid")) {
      if (!string(meta, field).equals(string(old, field))) {
        errs.add(FieldError.invalid("metadata." + field, string(meta, field), IMMUTABLE));
      }
    }
    if (!sameTime(meta.getValue("creationTimestamp"), old.getValue("creationTimestamp"))) {
      Instant created = time(meta.getValue("creationTimestamp"));
      errs.add(FieldError.invalid("metadata.creationTimestamp",
          new GoText.Shown(goTime(created == null ? Instant.parse("0001-01-01T00:00:00Z") : created)), IMMUTABLE));
    }
    if (!sameTime(meta.getValue("deletionTimestamp"), old.getValue("deletionTimestamp"))) {
      Instant deleted = time(meta.getValue("deletionTimestamp"));
      errs.add(FieldError.invalid("metadata.deletionTimestamp",
          deleted == null ? null : new GoText.Shown(goTime(deleted)), IMMUTABLE));
    }
    Object grace = meta.getValue("deletionGracePeriodSeconds");
    if (!JsonValues.same(grace, old.getValue("deletionGracePeriodSeconds"))) {
      errs.add(FieldError.invalid("metadata.deletionGracePeriodSeconds",
          grace instanceof Number n ? JsonValues.normalize(n) : null, IMMUTABLE));
    }
    errs.addAll(labels(meta.getJsonObject("labels"), "metadata.labels"));
    errs.addAll(annotations(meta.getJsonObject("annotations"), "metadata.annotations"));
    errs.addAll(ownerReferences(meta.getJsonArray("ownerReferences"), "metadata.ownerReferences"));
    errs.addAll(managedFields(meta.getJsonArray("managedFields"), "metadata.managedFields"));
    return errs;
  }

  /**
   * What kube checks of a custom resource before anything else (and answers alone when it fails): its kind and
   * apiVersion are the served ones.
   */
  public static List<FieldError> validateTypeMeta(JsonObject object, String apiVersion, String kind) {
    List<FieldError> errs = new ArrayList<>();
    String actualKind = string(object, "kind");
    if (!actualKind.equals(kind)) {
      errs.add(FieldError.invalid("kind", actualKind, "must be " + kind));
    }
    String actualApiVersion = string(object, "apiVersion");
    if (!actualApiVersion.equals(apiVersion)) {
      errs.add(FieldError.invalid("apiVersion", actualApiVersion, "must be " + apiVersion));
    }
    return errs;
  }

  static List<FieldError> labels(JsonObject labels, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (labels == null) {
      return errs;
    }
    labels.forEach(e -> {
      NameRules.qualifiedName(e.getKey()).forEach(m -> errs.add(FieldError.invalid(path, e.getKey(), m)));
      String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
      NameRules.labelValue(value).forEach(m -> errs.add(FieldError.invalid(path, value, m)));
    });
    return errs;
  }

  static List<FieldError> annotations(JsonObject annotations, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (annotations == null) {
      return errs;
    }
    long size = 0;
    for (var e : annotations) {
      NameRules.qualifiedName(e.getKey().toLowerCase())
          .forEach(m -> errs.add(FieldError.invalid(path, e.getKey(), m)));
      size += NameRules.bytes(e.getKey()) + (e.getValue() == null ? 0 : NameRules.bytes(String.valueOf(e.getValue())));
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(new FieldError(FieldError.TOO_LONG, path, "",
          "may not be more than " + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes"));
    }
    return errs;
  }

  private static List<FieldError> ownerReferences(JsonArray refs, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (refs == null) {
      return errs;
    }
    String firstController = "";
    for (Object item : refs) {
      JsonObject ref = item instanceof JsonObject o ? o : new JsonObject();
      String apiVersion = string(ref, "apiVersion");
      String kind = string(ref, "kind");
      if (version(apiVersion).isEmpty()) {
        errs.add(FieldError.invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
      }
      if (kind.isEmpty()) {
        errs.add(FieldError.invalid(path + ".kind", kind, "kind must not be empty"));
      }
      if (string(ref, "name").isEmpty()) {
        errs.add(FieldError.invalid(path + ".name", "", "name must not be empty"));
      }
      if (string(ref, "uid").isEmpty()) {
        errs.add(FieldError.invalid(path + ".uid", "", "uid must not be empty"));
      }
      if (apiVersion.equals("v1") && kind.equals("Event")) {
        errs.add(FieldError.invalid(path, GoText.shown(ref), "/v1, Kind=Event is disallowed from being an owner"));
      }
      if (Boolean.TRUE.equals(ref.getValue("controller"))) {
        String current = kind + "/" + string(ref, "name");
        if (!firstController.isEmpty()) {
          errs.add(FieldError.invalid(path, GoText.shown(refs), "Only one reference can have Controller set to "
              + "true. Found \"true\" in references for " + firstController + " and " + current));
        } else {
          firstController = current;
        }
      }
    }
    return errs;
  }

  /** The version part of an apiVersion, empty when it has none or does not parse (as kube's GroupVersion). */
  private static String version(String apiVersion) {
    String[] parts = apiVersion.split("/", -1);
    return switch (parts.length) {
      case 1 -> parts[0];
      case 2 -> parts[1];
      default -> "";
    };
  }

  private static List<FieldError> finalizers(JsonArray finalizers, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<String> names = strings(finalizers);
    for (String f : names) {
      NameRules.qualifiedName(f).forEach(m -> errs.add(FieldError.invalid(path, f, m)));
    }
    if (names.contains("orphan") && names.contains("foregroundDeletion")) {
      errs.add(FieldError.invalid(path, new GoText.Shown(GoText.stringSlice(names)),
          "finalizer orphan and foregroundDeletion cannot be both set"));
    }
    return errs;
  }

  private static List<FieldError> managedFields(JsonArray entries, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (entries == null) {
      return errs;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonObject entry = entries.getValue(i) instanceof JsonObject o ? o : new JsonObject();
      String at = FieldPaths.index(path, i);
      String operation = string(entry, "operation");
      if (!operation.equals("Apply") && !operation.equals("Update")) {
        errs.add(FieldError.invalid(at + ".operation", operation, "must be `Apply` or `Update`"));
      }
      String fieldsType = string(entry, "fieldsType");
      if (!fieldsType.isEmpty() && !fieldsType.equals("FieldsV1")) {
        errs.add(FieldError.invalid(at + ".fieldsType", fieldsType, "must be `FieldsV1`"));
      }
      String manager = string(entry, "manager");
      if (NameRules.bytes(manager) > 128) {
        errs.add(new FieldError(FieldError.TOO_LONG, at + ".manager", "", "may not be more than 128 bytes"));
      }
      if (NameRules.bytes(string(entry, "subresource")) > 256) {
        errs.add(new FieldError(FieldError.TOO_LONG, at + ".subresource", "", "may not be more than 256 bytes"));
      }
    }
    return errs;
  }

  private static String string(JsonObject object, String key) {
    Object v = object == null ? null : object.getValue(key);
    return v == null ? "" : String.valueOf(v);
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  /** Equal text is the same time; other text may still be (an offset, a fraction kube drops). */
  private static boolean sameTime(Object a, Object b) {
    return Objects.equals(a, b) || Objects.equals(time(a), time(b));
  }

  private static Instant time(Object value) {
    return value instanceof String s ? Timestamps.parse(s) : null;
  }

  /** Go's time.Time.String() of a UTC time: {@code 2024-01-02 03:04:05 +0000 UTC}, fractions without zeros. */
  static String goTime(Instant t) {
    var utc = t.atOffset(ZoneOffset.UTC);
    String fraction = "";
    if (utc.getNano() != 0) {
      fraction = "." + String.format("%09d", utc.getNano()).replaceAll("0+$", "");
    }
    return GO_TIME.format(utc) + fraction + " +0000 UTC";
  }
}
