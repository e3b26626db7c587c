package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Service validation: type, session affinity, and the ports (names, numbers, protocols, duplicates). */
final class ServiceValidation {

  private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");

  private ServiceValidation() {
  }

  static List<FieldError> validate(JsonObject service) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject spec = object(service, "spec") == null ? new JsonObject() : service.getJsonObject("spec");
    String type = JsonNodes.string(spec, "type");
    boolean headless = "None".equals(spec.getValue("clusterIP"));
    List<JsonObject> ports = JsonNodes.objects(spec, "ports");
    if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
      errors.add(FieldError.required("spec.ports", ""));
    }
    if (type.equals("ExternalName") && JsonNodes.string(spec, "externalName").isEmpty()) {
      errors.add(FieldError.required("spec.externalName", ""));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      port(ports.get(i), "spec.ports[" + i + "]", ports.size() > 1, names, errors);
    }
    String affinity = JsonNodes.string(spec, "sessionAffinity");
    if (affinity.isEmpty()) {
      errors.add(FieldError.required("spec.sessionAffinity", ""));
    } else if (!AFFINITIES.contains(affinity)) {
      errors.add(FieldError.notSupported("spec.sessionAffinity", affinity, AFFINITIES));
    }
    if (type.isEmpty()) {
      errors.add(FieldError.required("spec.type", ""));
    } else if (!TYPES.contains(type)) {
      errors.add(FieldError.notSupported("spec.type", type, TYPES));
    }
    if (type.equals("ClusterIP")) {
      for (int i = 0; i < ports.size(); i++) {
        if (JsonNodes.longOr(ports.get(i), "nodePort", 0) != 0) {
          errors.add(FieldError.forbidden("spec.ports[" + i + "].nodePort",
              "may not be used when `type` is 'ClusterIP'"));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonObject port = ports.get(i);
      String protocol = JsonNodes.string(port, "protocol");
      long number = JsonNodes.longOr(port, "port", 0);
      if (!seen.add(protocol + "/" + number)) {
        // kube prints the (protocol, port) key it compared, a ServicePort with everything else zero
        errors.add(FieldError.duplicate("spec.ports[" + i + "]", new GoValues.Rendered(
            "core.ServicePort{Name:\"\", Protocol:" + GoText.quote(protocol) + ", AppProtocol:(*string)(nil), Port:"
                + number + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")));
      }
    }
    return errors;
  }

  private static void port(JsonObject port, String path, boolean nameRequired, Set<String> names,
      List<FieldError> errors) {
    String name = JsonNodes.string(port, "name");
    if (nameRequired && name.isEmpty()) {
      errors.add(FieldError.required(path + ".name", ""));
    } else if (!name.isEmpty()) {
      NameChecks.dns1123Label(name).forEach(m -> errors.add(FieldError.invalid(path + ".name", name, m)));
      if (!names.add(name)) {
        errors.add(FieldError.duplicate(path + ".name", name));
      }
    }
    NameChecks.portNumber(JsonNodes.longOr(port, "port", 0))
        .forEach(m -> errors.add(FieldError.invalid(path + ".port", JsonNodes.number(port, "port"), m)));
    String protocol = JsonNodes.string(port, "protocol");
    if (protocol.isEmpty()) {
      errors.add(FieldError.required(path + ".protocol", ""));
    } else if (!PodSpecValidation.PROTOCOLS.contains(protocol)) {
      errors.add(FieldError.notSupported(path + ".protocol", protocol, PodSpecValidation.PROTOCOLS));
    }
    Object target = port.getValue("targetPort");
    if (target instanceof Number n) {
      NameChecks.portNumber(n.longValue())
          .forEach(m -> errors.add(FieldError.invalid(path + ".targetPort", n, m)));
    } else if (target instanceof String s) {
      NameChecks.portName(s).forEach(m -> errors.add(FieldError.invalid(path + ".targetPort", s, m)));
    }
  }
}
