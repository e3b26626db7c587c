package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata and structural-schema validation of every write, with defaulting and pruning, as kube-apiserver
 * decodes and validates a body: unknown fields are pruned and, by {@code fieldValidation}, refused (Strict, 400),
 * reported as warnings (Warn) or dropped silently (Ignore); invalid fields give one 422 with a cause per field.
 * A write to the status subresource is judged on its status only.
 */
final class SchemaAdmission implements Admission {

  @Override
  public JsonObject admit(Request request) {
    ResourceType type = request.type();
    JsonObject object = request.object();
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validateTypeMeta(object,
        Conversions.storageVersion(type), type.kind()));
    if (!errors.isEmpty()) {
      throw invalid(type, object, errors);
    }
    JsonObject meta = object.getJsonObject("metadata");
    boolean status = "status".equals(request.subresource());
    if (!status) {
      errors.addAll(request.operation() == Operation.CREATE
          ? ObjectMetaValidation.validate(meta, type.namespaced(),
              ObjectMetaValidation.nameRuleFor(type.group(), type.kind()))
          : ObjectMetaValidation.validateUpdate(meta, request.oldObject().getJsonObject("metadata")));
    }
    JsonObject result = object;
    if (Conversions.storageSchema(type) != null) {
      List<String> unknownFields;
      if (type.builtIn()) {
        // Built-in kinds are decoded into their types (unknown fields drop out) and validated by their own rules,
        // not by their published schema. The write path owns the object, so it is pruned where it lies.
        unknownFields = SchemaPruner.prune(result, Conversions.storageSchema(type), Schemas.context());
        QuantityCanonicalizer.canonicalize(result, Conversions.storageSchema(type), Schemas.context());
      } else {
        SchemaValidator.Outcome outcome =
            SchemaValidator.apply(object, Conversions.storageSchema(type), Schemas.context());
        result = outcome.object();
        unknownFields = outcome.unknownFields();
        outcome.errors().stream().filter(e -> !status || (e.field() != null && e.field().startsWith("status")))
            .forEach(errors::add);
      }
      List<String> unknown = unknownFields.stream().filter(f -> !status || f.startsWith("status")).toList();
      if (!unknown.isEmpty()) {
        switch (request.options().fieldValidation()) {
          case STRICT -> throw ApiError.badRequest(SchemaValidator.strictDecodingError(unknown));
          case WARN -> unknown.forEach(f -> request.warnings().add(SchemaValidator.unknownFieldWarning(f)));
          case IGNORE -> { }
          default -> throw new IllegalStateException();
        }
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(type, object, errors);
    }
    return result;
  }

  private static ApiError invalid(ResourceType type, JsonObject object, List<FieldError> errors) {
    return ApiError.invalid(type, object.getJsonObject("metadata", new JsonObject()).getString("name", ""), errors);
  }
}
