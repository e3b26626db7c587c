package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What kube-apiserver's CRD controllers report on a CustomResourceDefinition once it is served: its names
 * accepted, conditions NamesAccepted and Established, and the stored versions. The embedded server serves a CRD
 * the moment it is stored, so the status says so from the first write.
 */
final class CrdAdmission implements Admission {

  @Override
  public JsonObject admit(Request request) {
    ResourceType type = request.type();
    if (!type.builtIn() || !"CustomResourceDefinition".equals(type.kind()) || "status".equals(request.subresource())) {
      return request.object();
    }
    JsonObject crd = request.object();
    JsonObject spec = crd.getJsonObject("spec", new JsonObject());
    String storage = spec.getJsonArray("versions", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(v -> v.getBoolean("storage", false)).map(v -> v.getString("name")).findFirst().orElse("");
    String now = crd.getJsonObject("metadata").getString("creationTimestamp", "");
    JsonArray conditions = new JsonArray()
        .add(condition("NamesAccepted", "NoConflicts", "no conflicts found", now))
        .add(condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now));
    crd.put("status", new JsonObject().put("conditions", conditions)
        .put("acceptedNames", spec.getJsonObject("names", new JsonObject()).copy())
        .put("storedVersions", new JsonArray().add(storage)));
    return crd;
  }

  private static JsonObject condition(String type, String reason, String message, String time) {
    return new JsonObject().put("type", type).put("status", "True").put("lastTransitionTime", time)
        .put("reason", reason).put("message", message);
  }
}
