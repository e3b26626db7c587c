package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ColumnDescriptions.*;
import static dev.reflex.embedded.apiserver.PodCells.orNone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The columns and cells kube-apiserver prints for each built-in kind (its {@code printers/internalversion}
 * handlers, plus kube-aggregator's APIService printer). The server prints as for {@code -o wide}: every column and
 * every cell, whatever the priority; kubectl hides priority-1 columns itself.
 */
final class BuiltInColumns {

  /** The columns of one kind and how one object becomes one row. */
  record KindTable(List<TableColumn> columns, BiFunction<JsonObject, Instant, TableRow> row) {
  }

  private static final Map<String, KindTable> TABLES = Map.ofEntries(
      Map.entry("/pods", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Ready", POD_READY),
          TableColumn.string("Status", POD_STATUS), TableColumn.string("Restarts", POD_RESTARTS),
          TableColumn.ageColumn(), TableColumn.wide("IP", POD_IP), TableColumn.wide("Node", POD_NODE),
          TableColumn.wide("Nominated Node", POD_NOMINATED), TableColumn.wide("Readiness Gates", POD_READINESS_GATES)),
          PodCells::row)),
      Map.entry("apps/deployments", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Ready", READY_PODS), TableColumn.string("Up-to-date", DEPLOY_UPDATED),
          TableColumn.string("Available", DEPLOY_AVAILABLE), TableColumn.ageColumn(),
          TableColumn.wide("Containers", CONTAINERS),
          TableColumn.wide("Images", IMAGES), TableColumn.wide("Selector", DEPLOY_SELECTOR)),
          BuiltInColumns::deployment)),
      Map.entry("apps/statefulsets", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Ready", READY_PODS), TableColumn.ageColumn(), TableColumn.wide("Containers", CONTAINERS),
          TableColumn.wide("Images", IMAGES)), BuiltInColumns::statefulSet)),
      Map.entry("apps/replicasets", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.integer("Desired", RS_SPEC_REPLICAS), TableColumn.integer("Current", RS_STATUS_REPLICAS),
          TableColumn.integer("Ready", RS_READY), TableColumn.ageColumn(), TableColumn.wide("Containers", CONTAINERS),
          TableColumn.wide("Images", IMAGES), TableColumn.wide("Selector", RS_SELECTOR)), BuiltInColumns::replicaSet)),
      Map.entry("apps/controllerrevisions", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Controller", CONTROLLER), TableColumn.string("Revision", CR_REVISION),
          TableColumn.ageColumn()),
          BuiltInColumns::controllerRevision)),
      Map.entry("/services", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Type", SVC_TYPE),
          TableColumn.string("Cluster-IP", SVC_CLUSTER_IP), TableColumn.string("External-IP", SVC_EXTERNAL_IPS),
          TableColumn.string("Port(s)", SVC_PORTS), TableColumn.ageColumn(),
          TableColumn.wide("Selector", SVC_SELECTOR)),
          BuiltInColumns::service)),
      Map.entry("/endpoints", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Endpoints", EP_SUBSETS), TableColumn.ageColumn()),
          (o, now) -> TableRow.of(name(o), EndpointsCell.of(o), age(o, now)))),
      Map.entry("/configmaps", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Data", CM_DATA),
          TableColumn.ageColumn()), (o, now) -> TableRow.of(name(o),
          (long) (Fields.size(o, "data") + Fields.size(o, "binaryData")), age(o, now)))),
      Map.entry("/secrets", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Type", SECRET_TYPE),
          TableColumn.string("Data", SECRET_DATA), TableColumn.ageColumn()), (o, now) -> TableRow.of(name(o),
          Fields.firstNonEmpty(Fields.string(o, "type"), "Opaque"), (long) Fields.size(o, "data"), age(o, now)))),
      Map.entry("/serviceaccounts", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Secrets", SA_SECRETS), TableColumn.ageColumn()),
          (o, now) -> TableRow.of(name(o), (long) Fields.size(o, "secrets"), age(o, now)))),
      Map.entry("/namespaces", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Status", NAMESPACE_STATUS), TableColumn.ageColumn()),
          (o, now) -> TableRow.of(name(o), Fields.string(o, "status", "phase"), age(o, now)))),
      Map.entry("/nodes", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Status", NODE_STATUS),
          TableColumn.string("Roles", NODE_ROLES), TableColumn.ageColumn(), TableColumn.string("Version", NODE_KUBELET),
          TableColumn.wide("Internal-IP", NODE_ADDRESSES), TableColumn.wide("External-IP", NODE_ADDRESSES),
          TableColumn.wide("OS-Image", NODE_OS_IMAGE), TableColumn.wide("Kernel-Version", NODE_KERNEL),
          TableColumn.wide("Container-Runtime", NODE_RUNTIME)), BuiltInColumns::node)),
      Map.entry("/events", new KindTable(EventCells.COLUMNS, EventCells::coreRow)),
      Map.entry("events.k8s.io/events", new KindTable(EventCells.COLUMNS, EventCells::eventsRow)),
      Map.entry("autoscaling/horizontalpodautoscalers", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Reference", HPA_REF), TableColumn.string("Targets", HPA_METRICS),
          TableColumn.string("MinPods", HPA_MIN), TableColumn.string("MaxPods", HPA_MAX),
          TableColumn.string("Replicas", HPA_CURRENT), TableColumn.ageColumn()), BuiltInColumns::hpa)),
      Map.entry("batch/jobs", new KindTable(List.of(TableColumn.nameColumn(), TableColumn.string("Status", JOB_STATUS),
          TableColumn.string("Completions", JOB_SUCCEEDED), TableColumn.string("Duration", JOB_DURATION),
          TableColumn.ageColumn(), TableColumn.wide("Containers", CONTAINERS), TableColumn.wide("Images", IMAGES),
          TableColumn.wide("Selector", JOB_SELECTOR)), JobCells::row)),
      Map.entry("batch/cronjobs", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Schedule", CRON_SCHEDULE), TableColumn.string("Timezone", CRON_TIMEZONE),
          new TableColumn("Suspend", "boolean", "", CRON_SUSPEND, 0), TableColumn.integer("Active", CRON_ACTIVE),
          TableColumn.string("Last Schedule", CRON_LAST_SCHEDULE), TableColumn.ageColumn(),
          TableColumn.wide("Containers", CONTAINERS), TableColumn.wide("Images", IMAGES),
          TableColumn.wide("Selector", JOB_SELECTOR)), JobCells::cronJobRow)),
      Map.entry("networking.k8s.io/ingresses", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Class", INGRESS_CLASS), TableColumn.string("Hosts", INGRESS_HOSTS),
          TableColumn.string("Address", INGRESS_ADDRESS), TableColumn.string("Ports", INGRESS_PORTS),
          TableColumn.ageColumn()), BuiltInColumns::ingress)),
      Map.entry("networking.k8s.io/ingressclasses", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Controller", INGRESS_CLASS_CONTROLLER),
          TableColumn.string("Parameters", INGRESS_CLASS_PARAMETERS), TableColumn.ageColumn()),
          BuiltInColumns::ingressClass)),
      Map.entry("coordination.k8s.io/leases", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Holder", LEASE_HOLDER), TableColumn.ageColumn()),
          (o, now) -> TableRow.of(name(o), Fields.string(o, "spec", "holderIdentity"), age(o, now)))),
      Map.entry("rbac.authorization.k8s.io/rolebindings", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Role", RB_ROLE), TableColumn.ageColumn(), TableColumn.wide("Users", BINDING_USERS),
          TableColumn.wide("Groups", BINDING_GROUPS), TableColumn.wide("ServiceAccounts", BINDING_SERVICE_ACCOUNTS)),
          BuiltInColumns::binding)),
      Map.entry("rbac.authorization.k8s.io/clusterrolebindings", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Role", CRB_ROLE), TableColumn.ageColumn(),
          TableColumn.wide("Users", CLUSTER_BINDING_USERS), TableColumn.wide("Groups", CLUSTER_BINDING_GROUPS),
          TableColumn.wide("ServiceAccounts", CLUSTER_BINDING_SERVICE_ACCOUNTS)), BuiltInColumns::binding)),
      Map.entry("admissionregistration.k8s.io/mutatingwebhookconfigurations", webhooks()),
      Map.entry("admissionregistration.k8s.io/validatingwebhookconfigurations", webhooks()),
      Map.entry("apiregistration.k8s.io/apiservices", new KindTable(List.of(TableColumn.nameColumn(),
          TableColumn.string("Service", APISERVICE_SERVICE), TableColumn.string("Available", APISERVICE_AVAILABLE),
          TableColumn.ageColumn()), BuiltInColumns::apiService)));

  private BuiltInColumns() {
  }

  /** The printer of a built-in resource, or null when kube-apiserver uses its default NAME / CREATED AT table. */
  static KindTable forType(ResourceType type) {
    return TABLES.get(type.group() + "/" + type.plural());
  }

  static String name(JsonObject object) {
    return Fields.string(object, "metadata", "name");
  }

  static String age(JsonObject object, Instant now) {
    return HumanDuration.since(Fields.time(object, "metadata", "creationTimestamp"), now);
  }

  /** Container names and images of a pod spec, each joined with commas. */
  static String[] containers(JsonObject podSpec) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonObject container : Fields.objects(podSpec, "containers")) {
      names.add(Fields.string(container, "name"));
      images.add(Fields.string(container, "image"));
    }
    return new String[] {String.join(",", names), String.join(",", images)};
  }

  /** Replicas default to 1 in every workload API version, so an unset count reads as kube would store it. */
  private static long replicas(JsonObject object) {
    Long replicas = Fields.integerOrNull(object, "spec", "replicas");
    return replicas == null ? 1 : replicas;
  }

  private static TableRow deployment(JsonObject o, Instant now) {
    String[] containers = containers(Fields.object(o, "spec", "template", "spec"));
    return TableRow.of(name(o), Fields.integer(o, "status", "readyReplicas") + "/" + replicas(o),
        Fields.integer(o, "status", "updatedReplicas"), Fields.integer(o, "status", "availableReplicas"),
        age(o, now), containers[0], containers[1], deploymentSelector(o));
  }

  /** Deployments print the bare selector text: empty for none, {@code <invalid>} for an unknown operator. */
  private static String deploymentSelector(JsonObject deployment) {
    String text = LabelFormat.selector(Fields.objectOrNull(deployment, "spec", "selector"));
    return "<error>".equals(text) ? "<invalid>" : text;
  }

  private static TableRow statefulSet(JsonObject o, Instant now) {
    String[] containers = containers(Fields.object(o, "spec", "template", "spec"));
    return TableRow.of(name(o), Fields.integer(o, "status", "readyReplicas") + "/" + replicas(o), age(o, now),
        containers[0], containers[1]);
  }

  private static TableRow replicaSet(JsonObject o, Instant now) {
    String[] containers = containers(Fields.object(o, "spec", "template", "spec"));
    return TableRow.of(name(o), replicas(o), Fields.integer(o, "status", "replicas"),
        Fields.integer(o, "status", "readyReplicas"), age(o, now), containers[0], containers[1],
        LabelFormat.selectorOrNone(Fields.objectOrNull(o, "spec", "selector")));
  }

  private static TableRow controllerRevision(JsonObject o, Instant now) {
    String controller = "<none>";
    for (JsonObject owner : Fields.objects(o, "metadata", "ownerReferences")) {
      if (Fields.bool(owner, "controller")) {
        String apiVersion = Fields.string(owner, "apiVersion");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = Fields.string(owner, "kind");
        String groupKind = group.isEmpty() ? kind : kind + "." + group;
        controller = groupKind.isEmpty() ? Fields.string(owner, "name")
            : groupKind.toLowerCase(java.util.Locale.ROOT) + "/" + Fields.string(owner, "name");
        break;
      }
    }
    return TableRow.of(name(o), controller, Fields.integer(o, "revision"), age(o, now));
  }

  private static TableRow service(JsonObject o, Instant now) {
    JsonObject spec = Fields.object(o, "spec");
    String type = Fields.firstNonEmpty(Fields.string(spec, "type"), "ClusterIP");
    JsonArray clusterIps = Fields.array(spec, "clusterIPs");
    String clusterIp = !clusterIps.isEmpty() ? String.valueOf(clusterIps.getValue(0))
        : orNone(Fields.string(spec, "clusterIP"));
    List<String> ports = new ArrayList<>();
    for (JsonObject port : Fields.objects(spec, "ports")) {
      String protocol = Fields.firstNonEmpty(Fields.string(port, "protocol"), "TCP");
      long nodePort = Fields.integer(port, "nodePort");
      ports.add(Fields.integer(port, "port") + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
    }
    return TableRow.of(name(o), type, clusterIp, externalIp(o, type), orNone(String.join(",", ports)), age(o, now),
        LabelFormat.labels(Fields.objectOrNull(spec, "selector")));
  }

  private static String externalIp(JsonObject service, String type) {
    List<String> externalIps = new ArrayList<>();
    Fields.array(service, "spec", "externalIPs").forEach(ip -> externalIps.add(String.valueOf(ip)));
    switch (type) {
      case "ClusterIP", "NodePort":
        return externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
      case "LoadBalancer": {
        // Sorted and unique, as kube keeps them in a string set; the server prints wide, so nothing is clipped.
        TreeSet<String> ingress = new TreeSet<>();
        for (JsonObject point : Fields.objects(service, "status", "loadBalancer", "ingress")) {
          String address = Fields.firstNonEmpty(Fields.string(point, "ip"), Fields.string(point, "hostname"));
          if (!address.isEmpty()) {
            ingress.add(address);
          }
        }
        List<String> all = new ArrayList<>(ingress);
        all.addAll(externalIps);
        return all.isEmpty() ? "<pending>" : String.join(",", all);
      }
      case "ExternalName":
        return Fields.string(service, "spec", "externalName");
      default:
        return "<unknown>";
    }
  }

  private static TableRow node(JsonObject o, Instant now) {
    List<String> status = new ArrayList<>();
    for (JsonObject condition : Fields.objects(o, "status", "conditions")) {
      if ("Ready".equals(Fields.string(condition, "type"))) {
        status.clear();
        status.add("True".equals(Fields.string(condition, "status")) ? "Ready" : "NotReady");
      }
    }
    if (status.isEmpty()) {
      status.add("Unknown");
    }
    if (Fields.bool(o, "spec", "unschedulable")) {
      status.add("SchedulingDisabled");
    }
    TreeSet<String> roles = new TreeSet<>();
    Fields.object(o, "metadata", "labels").forEach(label -> {
      String key = label.getKey();
      String value = label.getValue() == null ? "" : String.valueOf(label.getValue());
      if (key.startsWith("node-role.kubernetes.io/")) {
        String role = key.substring("node-role.kubernetes.io/".length());
        if (!role.isEmpty()) {
          roles.add(role);
        }
      } else if (key.equals("kubernetes.io/role") && !value.isEmpty()) {
        roles.add(value);
      }
    });
    JsonObject info = Fields.object(o, "status", "nodeInfo");
    return TableRow.of(name(o), String.join(",", status), roles.isEmpty() ? "<none>" : String.join(",", roles),
        age(o, now), Fields.string(info, "kubeletVersion"), nodeAddress(o, "InternalIP"),
        nodeAddress(o, "ExternalIP"), unknownIfEmpty(Fields.string(info, "osImage")),
        unknownIfEmpty(Fields.string(info, "kernelVersion")),
        unknownIfEmpty(Fields.string(info, "containerRuntimeVersion")));
  }

  private static String nodeAddress(JsonObject node, String type) {
    for (JsonObject address : Fields.objects(node, "status", "addresses")) {
      if (type.equals(Fields.string(address, "type"))) {
        return Fields.string(address, "address");
      }
    }
    return "<none>";
  }

  private static String unknownIfEmpty(String value) {
    return value.isEmpty() ? "<unknown>" : value;
  }

  /** kubectl's Ingress row: the class or {@code <none>}, up to three hosts, the balancer's addresses, the ports. */
  private static TableRow ingress(JsonObject o, Instant now) {
    JsonObject spec = Fields.object(o, "spec");
    String ingressClass = spec.getString("ingressClassName");
    List<String> hosts = new ArrayList<>();
    for (JsonObject rule : Fields.objects(spec, "rules")) {
      String host = rule.getString("host", "");
      hosts.add(host.isEmpty() ? "*" : host);
    }
    String hostCell = hosts.isEmpty() ? "*" : hosts.size() <= 3 ? String.join(",", hosts)
        : String.join(",", hosts.subList(0, 3)) + " + " + (hosts.size() - 3) + " more...";
    List<String> addresses = new ArrayList<>();
    for (JsonObject point : Fields.objects(Fields.object(Fields.object(o, "status"), "loadBalancer"), "ingress")) {
      String address = point.getString("ip", "");
      addresses.add(address.isEmpty() ? point.getString("hostname", "") : address);
    }
    String ports = Fields.objects(spec, "tls").isEmpty() ? "80" : "80, 443";
    return TableRow.of(name(o), ingressClass == null || ingressClass.isEmpty() ? "<none>" : ingressClass, hostCell,
        String.join(",", addresses), ports, age(o, now));
  }

  /** kubectl's IngressClass row: the controller and its parameters as {@code [group/]kind/name}. */
  private static TableRow ingressClass(JsonObject o, Instant now) {
    JsonObject spec = Fields.object(o, "spec");
    JsonObject parameters = spec.getJsonObject("parameters");
    String cell = "<none>";
    if (parameters != null) {
      String group = parameters.getString("apiGroup", "");
      cell = (group.isEmpty() ? "" : group + "/") + parameters.getString("kind", "") + "/"
          + parameters.getString("name", "");
    }
    return TableRow.of(name(o), spec.getString("controller", ""), cell, age(o, now));
  }

  private static TableRow hpa(JsonObject o, Instant now) {
    JsonObject spec = Fields.object(o, "spec");
    Long min = Fields.integerOrNull(spec, "minReplicas");
    return TableRow.of(name(o), Fields.string(spec, "scaleTargetRef", "kind") + "/"
        + Fields.string(spec, "scaleTargetRef", "name"), HpaTargets.cell(o), Long.toString(min == null ? 1 : min),
        Fields.integer(spec, "maxReplicas"), Fields.integer(o, "status", "currentReplicas"), age(o, now));
  }

  private static TableRow binding(JsonObject o, Instant now) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> serviceAccounts = new ArrayList<>();
    for (JsonObject subject : Fields.objects(o, "subjects")) {
      switch (Fields.string(subject, "kind")) {
        case "ServiceAccount" -> serviceAccounts.add(Fields.string(subject, "namespace") + "/"
            + Fields.string(subject, "name"));
        case "User" -> users.add(Fields.string(subject, "name"));
        case "Group" -> groups.add(Fields.string(subject, "name"));
        default -> {
        }
      }
    }
    return TableRow.of(name(o), Fields.string(o, "roleRef", "kind") + "/" + Fields.string(o, "roleRef", "name"),
        age(o, now), String.join(", ", users), String.join(", ", groups), String.join(", ", serviceAccounts));
  }

  private static KindTable webhooks() {
    return new KindTable(List.of(TableColumn.nameColumn(), TableColumn.integer("Webhooks", WEBHOOKS),
        TableColumn.ageColumn()),
        (o, now) -> TableRow.of(name(o), (long) Fields.size(o, "webhooks"), age(o, now)));
  }

  private static TableRow apiService(JsonObject o, Instant now) {
    JsonObject service = Fields.objectOrNull(o, "spec", "service");
    String serviceCell = service == null ? "Local"
        : Fields.string(service, "namespace") + "/" + Fields.string(service, "name");
    String available = "Unknown";
    for (JsonObject condition : Fields.objects(o, "status", "conditions")) {
      if ("Available".equals(Fields.string(condition, "type"))) {
        String status = Fields.string(condition, "status");
        String reason = Fields.string(condition, "reason");
        available = "True".equals(status) || reason.isEmpty() ? status : status + " (" + reason + ")";
        break;
      }
    }
    return TableRow.of(name(o), serviceCell, available, age(o, now));
  }
}
