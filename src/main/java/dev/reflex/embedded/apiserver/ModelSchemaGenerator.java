package dev.reflex.embedded.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Patch;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrStringArray;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns fabric8 model classes into OpenAPI v3 component schemas the way kube-apiserver's openapi-gen turns the Go
 * types into them: one component per struct, {@code $ref}s between them, lists as arrays, maps as objects with
 * {@code additionalProperties}. What the Java classes cannot tell (which strings are Times or bytes, which fields
 * are required, the patch and list semantics) comes from {@link FieldFacts} and {@link PatchMetadata}.
 *
 * <p>One instance builds one set of components; it is not shared.
 */
final class ModelSchemaGenerator {

  static final String REF_PREFIX = "#/components/schemas/";

  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String TIME = KubeModelNames.META + "Time";
  static final String MICRO_TIME = KubeModelNames.META + "MicroTime";
  static final String DURATION = KubeModelNames.META + "Duration";
  static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
  static final String JSON = KubeModelNames.APIEXTENSIONS + "JSON";

  /** One top-level kind to generate, with the group-version-kinds its component carries. */
  record Root(Class<?> type, List<Gvk> gvks) {
  }

  record Gvk(String group, String version, String kind) {
    JsonObject toJson() {
      return new JsonObject().put("group", group).put("kind", kind).put("version", version);
    }
  }

  private final Map<String, JsonObject> components = new TreeMap<>();

  /** All components reachable from the roots, by name, sorted. */
  static Map<String, JsonObject> generate(List<Root> roots) {
    ModelSchemaGenerator generator = new ModelSchemaGenerator();
    for (Root root : roots) {
      String name = generator.define(root.type());
      if (root.gvks().isEmpty()) {
        continue;
      }
      JsonArray gvks = new JsonArray();
      root.gvks().forEach(gvk -> gvks.add(gvk.toJson()));
      generator.components.get(name).put("x-kubernetes-group-version-kind", gvks);
    }
    return Collections.unmodifiableMap(generator.components);
  }

  static JsonObject ref(String name) {
    return new JsonObject().put("$ref", REF_PREFIX + name);
  }

  /** The component name of a class, generating it (and everything it reaches) the first time. */
  private String define(Class<?> type) {
    String special = specialName(type);
    if (special != null) {
      components.computeIfAbsent(special, ModelSchemaGenerator::specialSchema);
      return special;
    }
    String name = KubeModelNames.of(type);
    if (components.containsKey(name)) {
      return name;
    }
    JsonObject schema = new JsonObject().put("type", "object");
    // Registered before the fields are walked so that recursive types (JSONSchemaProps) refer back to it.
    components.put(name, schema);
    JsonObject properties = new JsonObject();
    for (Field field : serializedFields(type)) {
      String json = field.getAnnotation(JsonProperty.class).value();
      properties.put(json, property(name, json, field.getGenericType()));
    }
    if (!properties.isEmpty()) {
      schema.put("properties", properties);
    }
    List<String> required = FieldFacts.required(name);
    if (!required.isEmpty()) {
      schema.put("required", new JsonArray(new ArrayList<>(required)));
    }
    schema.mergeIn(PatchMetadata.forType(name));
    return name;
  }

  private JsonObject property(String owner, String field, Type type) {
    JsonObject schema = FieldFacts.goType(owner, field).map(this::fromGoType).orElseGet(() -> fromJava(type));
    JsonObject extensions = PatchMetadata.forField(owner, field);
    if (extensions.isEmpty()) {
      return schema;
    }
    // OpenAPI 3.0 ignores siblings of $ref, so kube-apiserver wraps a reference that carries extensions in allOf.
    JsonObject decorated = schema.containsKey("$ref")
        ? new JsonObject().put("allOf", new JsonArray().add(schema))
        : schema;
    return decorated.mergeIn(extensions);
  }

  /** The Go type says what the Java type does not: Times kept as strings, base64 bytes, embedded objects. */
  private JsonObject fromGoType(FieldFacts.GoType goType) {
    return switch (goType) {
      case TIME -> refTo(TIME);
      case MICRO_TIME -> refTo(MICRO_TIME);
      case DURATION -> refTo(DURATION);
      case RAW_EXTENSION -> refTo(RAW_EXTENSION);
      case JSON -> refTo(JSON);
      case BYTES -> new JsonObject().put("type", "string").put("format", "byte");
      case BYTES_MAP -> new JsonObject().put("type", "object")
          .put("additionalProperties", new JsonObject().put("type", "string").put("format", "byte"));
      case BYTES_LIST -> new JsonObject().put("type", "array")
          .put("items", new JsonObject().put("type", "string").put("format", "byte"));
    };
  }

  private JsonObject refTo(String special) {
    components.computeIfAbsent(special, ModelSchemaGenerator::specialSchema);
    return ref(special);
  }

  private JsonObject fromJava(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return new JsonObject().put("type", "array").put("items", fromJava(arguments[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return new JsonObject().put("type", "object").put("additionalProperties", fromJava(arguments[1]));
      }
      throw new IllegalArgumentException("unsupported generic type " + type);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      return new JsonObject().put("type", "string");
    }
    if (cls == Integer.class || cls == int.class) {
      return new JsonObject().put("type", "integer").put("format", "int32");
    }
    if (cls == Long.class || cls == long.class) {
      return new JsonObject().put("type", "integer").put("format", "int64");
    }
    if (cls == Boolean.class || cls == boolean.class) {
      return new JsonObject().put("type", "boolean");
    }
    if (cls == Double.class || cls == double.class) {
      return new JsonObject().put("type", "number").put("format", "double");
    }
    if (cls == Float.class || cls == float.class) {
      return new JsonObject().put("type", "number").put("format", "float");
    }
    if (TemporalAccessor.class.isAssignableFrom(cls)) {
      return refTo(TIME);
    }
    if (cls == Object.class || cls.isInterface() || cls.getName().startsWith("tools.jackson.")) {
      // An untyped value (JsonNode, Object, KubernetesResource): kube-apiserver keeps whatever is sent.
      return new JsonObject().put("x-kubernetes-preserve-unknown-fields", true);
    }
    return ref(define(cls));
  }

  private static List<Field> serializedFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      List<Field> own = new ArrayList<>();
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
            || field.isAnnotationPresent(JsonIgnore.class) || !field.isAnnotationPresent(JsonProperty.class)) {
          continue;
        }
        own.add(field);
      }
      fields.addAll(0, own);
    }
    return fields;
  }

  /** The types fabric8 (de)serializes by hand, whose JSON shape is not their fields. */
  private static String specialName(Class<?> type) {
    if (type == Quantity.class) {
      return QUANTITY;
    }
    if (type == IntOrString.class) {
      return INT_OR_STRING;
    }
    if (type == MicroTime.class) {
      return MICRO_TIME;
    }
    if (type == Duration.class) {
      return DURATION;
    }
    if (type == RawExtension.class || type == AnyType.class) {
      return RAW_EXTENSION;
    }
    if (type == FieldsV1.class) {
      return KubeModelNames.META + "FieldsV1";
    }
    if (type == Patch.class) {
      return KubeModelNames.META + "Patch";
    }
    if (type == JSONSchemaPropsOrBool.class || type == JSONSchemaPropsOrArray.class
        || type == JSONSchemaPropsOrStringArray.class) {
      return KubeModelNames.of(type);
    }
    return null;
  }

  private static JsonObject specialSchema(String name) {
    return switch (name) {
      // kube-apiserver publishes Quantity in v3 as string or number: kubectl sends `cpu: 1` as a JSON number.
      case QUANTITY -> new JsonObject()
          .put("oneOf", new JsonArray().add(type("string")).add(type("number")));
      case INT_OR_STRING -> new JsonObject().put("format", "int-or-string")
          .put("oneOf", new JsonArray().add(type("integer")).add(type("string")))
          .put("x-kubernetes-int-or-string", true);
      case TIME, MICRO_TIME -> type("string").put("format", "date-time");
      case DURATION -> type("string");
      case RAW_EXTENSION -> type("object").put("x-kubernetes-preserve-unknown-fields", true);
      case KubeModelNames.META + "FieldsV1", KubeModelNames.META + "Patch" -> type("object");
      // JSON, JSONSchemaPropsOrBool/OrArray/OrStringArray: any JSON value (a schema, a bool, a list).
      default -> new JsonObject().put("x-kubernetes-preserve-unknown-fields", true);
    };
  }

  private static JsonObject type(String type) {
    return new JsonObject().put("type", type);
  }
}
