package dev.reflex.metrics.prometheus;

import dev.reflex.kube.KubeRest;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricQueryException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ObjectLister} on the Kubernetes API through {@link KubeRest}. Knows the REST paths of the kinds metrics are
 * usually attached to (pods, services, ingresses, nodes, namespaces and the apps workloads); other kinds are refused
 * with a message naming them.
 */
public final class KubeObjectLister implements ObjectLister {

  private static final Map<String, String> PATHS = Map.of(
      "/Pod", "/api/v1/%spods",
      "/Service", "/api/v1/%sservices",
      "/Node", "/api/v1/nodes",
      "/Namespace", "/api/v1/namespaces",
      "networking.k8s.io/Ingress", "/apis/networking.k8s.io/v1/%singresses",
      "apps/Deployment", "/apis/apps/v1/%sdeployments",
      "apps/StatefulSet", "/apis/apps/v1/%sstatefulsets",
      "apps/ReplicaSet", "/apis/apps/v1/%sreplicasets",
      "apps/DaemonSet", "/apis/apps/v1/%sdaemonsets");

  private final KubeRest kube;

  public KubeObjectLister(KubeRest kube) {
    this.kube = kube;
  }

  @Override
  public Future<List<String>> names(GroupKind kind, Optional<String> namespace, LabelSelector selector) {
    String template = PATHS.get(kind.group() + "/" + kind.kind());
    if (template == null) {
      return Future.failedFuture(MetricQueryException.invalid("cannot list " + kind + " objects by selector"
          + " (supported: Pod, Service, Node, Namespace, Ingress, Deployment, StatefulSet, ReplicaSet, DaemonSet);"
          + " query by name instead"));
    }
    String scope = namespace.map(ns -> "namespaces/" + ns + "/").orElse("");
    String path = String.format(template, scope);
    if (!selector.isEmpty()) {
      path += "?labelSelector=" + URLEncoder.encode(selector.render(), StandardCharsets.UTF_8);
    }
    return kube.get(path).map(list -> {
      List<String> names = new ArrayList<>();
      for (Object item : list.getJsonArray("items", new io.vertx.core.json.JsonArray())) {
        names.add(((JsonObject) item).getJsonObject("metadata").getString("name"));
      }
      return names;
    });
  }
}
