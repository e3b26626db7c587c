package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * kube-apiserver's registry strategies for built-in kinds: what the server allocates (a Service's cluster IP and
 * node ports, a Job's selector and labels), the defaults of each kind, and its validation rules.
 */
final class BuiltInAdmission implements Admission {

  private int nextClusterIp = 10;
  private int nextNodePort = 30000;

  @Override
  public JsonObject admit(Request request) {
    ResourceType type = request.type();
    if (!type.builtIn() || "status".equals(request.subresource())) {
      return request.object();
    }
    JsonObject object = request.object();
    boolean create = request.operation() == Operation.CREATE;
    switch (type.group() + "/" + type.kind()) {
      case "/Service" -> object = create
          ? ServiceAllocation.allocate(object, this::clusterIp, () -> nextNodePort++)
          : ServiceAllocation.carryOver(object, request.oldObject());
      case "batch/Job" -> {
        if (create) {
          object = JobSelectors.generate(object, object.getJsonObject("metadata").getString("uid"));
        }
      }
      case "/Namespace" -> {
        if (create) {
          object = BuiltInDefaults.prepareNamespaceForCreate(object);
        }
      }
      default -> { }
    }
    // The write path owns the object it admits; the old one is stored, so it was defaulted when it was written.
    JsonObject defaulted = BuiltInDefaults.applyInPlace(type.group(), type.kind(), object);
    JsonObject old = request.oldObject();
    List<FieldError> errors = BuiltInValidation.validate(type.group(), type.kind(), defaulted, old);
    if (!errors.isEmpty()) {
      throw ApiError.invalid(type, defaulted.getJsonObject("metadata").getString("name", ""), errors);
    }
    return defaulted;
  }

  private String clusterIp() {
    int n = nextClusterIp++;
    return "10.96." + (n / 250) + "." + (n % 250 + 1);
  }
}
