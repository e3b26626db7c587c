package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of kube's PodSpec validation that catches what people actually get wrong: containers (present, named,
 * unique, with an image), their ports, and the restart policy. Runs on the defaulted object, as kube validates after
 * defaulting.
 */
final class PodSpecValidation {

  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");

  private PodSpecValidation() {
  }

  /** Errors of the PodSpec at {@code path} ({@code spec} or {@code spec.template.spec}). */
  static List<FieldError> validate(JsonObject spec, String path) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject podSpec = spec == null ? new JsonObject() : spec;
    Set<String> names = new HashSet<>();
    List<JsonObject> containers = JsonNodes.objects(podSpec, "containers");
    if (containers.isEmpty()) {
      errors.add(FieldError.required(path + ".containers", ""));
    }
    // init containers come second and may not reuse an app container's name
    validateContainers(containers, path + ".containers", names, errors);
    validateContainers(JsonNodes.objects(podSpec, "initContainers"), path + ".initContainers", names, errors);
    String restartPolicy = JsonNodes.string(podSpec, "restartPolicy");
    if (restartPolicy.isEmpty()) {
      errors.add(FieldError.required(path + ".restartPolicy", ""));
    } else if (!RESTART_POLICIES.contains(restartPolicy)) {
      errors.add(FieldError.notSupported(path + ".restartPolicy", restartPolicy, RESTART_POLICIES));
    }
    return errors;
  }

  private static void validateContainers(List<JsonObject> containers, String path, Set<String> names,
      List<FieldError> errors) {
    for (int i = 0; i < containers.size(); i++) {
      JsonObject container = containers.get(i);
      String at = path + "[" + i + "]";
      String name = JsonNodes.string(container, "name");
      if (name.isEmpty()) {
        errors.add(FieldError.required(at + ".name", ""));
      } else {
        NameChecks.dns1123Label(name).forEach(m -> errors.add(FieldError.invalid(at + ".name", name, m)));
      }
      if (!names.add(name)) {
        errors.add(FieldError.duplicate(at + ".name", name));
      }
      if (JsonNodes.string(container, "image").isEmpty()) {
        errors.add(FieldError.required(at + ".image", ""));
      }
      validatePorts(JsonNodes.objects(container, "ports"), at + ".ports", errors);
    }
  }

  private static void validatePorts(List<JsonObject> ports, String path, List<FieldError> errors) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonObject port = ports.get(i);
      String at = path + "[" + i + "]";
      String name = JsonNodes.string(port, "name");
      if (!name.isEmpty()) {
        List<String> nameErrors = NameChecks.portName(name);
        nameErrors.forEach(m -> errors.add(FieldError.invalid(at + ".name", name, m)));
        if (nameErrors.isEmpty() && !names.add(name)) {
          errors.add(FieldError.duplicate(at + ".name", name));
        }
      }
      long containerPort = JsonNodes.longOr(port, "containerPort", 0);
      if (containerPort == 0) {
        errors.add(FieldError.required(at + ".containerPort", ""));
      } else {
        NameChecks.portNumber(containerPort)
            .forEach(m -> errors.add(FieldError.invalid(at + ".containerPort", port.getValue("containerPort"), m)));
      }
      long hostPort = JsonNodes.longOr(port, "hostPort", 0);
      if (hostPort != 0) {
        NameChecks.portNumber(hostPort)
            .forEach(m -> errors.add(FieldError.invalid(at + ".hostPort", port.getValue("hostPort"), m)));
      }
      String protocol = JsonNodes.string(port, "protocol");
      if (protocol.isEmpty()) {
        errors.add(FieldError.required(at + ".protocol", ""));
      } else if (!PROTOCOLS.contains(protocol)) {
        errors.add(FieldError.notSupported(at + ".protocol", protocol, PROTOCOLS));
      }
    }
  }
}
