package dev.reflex.embedded.apiserver;

import java.util.Set;

/**
 * How kube-apiserver names the OpenAPI definition of a fabric8 model class: fabric8 mirrors the Go type names but
 * not the Go packages (core v1, meta v1, the aggregator's and a few more all live in
 * {@code io.fabric8.kubernetes.api.model}), so the package is mapped here and the mixed core package is split by a
 * list of the meta v1 names it holds.
 */
final class KubeModelNames {

  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String CORE = "io.k8s.api.core.v1.";
  static final String AGGREGATOR = "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.";
  static final String APIEXTENSIONS = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

  private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";

  /** The apimachinery meta v1 types fabric8 keeps next to the core v1 ones. */
  private static final Set<String> META_IN_CORE = Set.of("APIGroup", "APIGroupList", "APIResource",
      "APIResourceList", "APIVersions", "Condition", "CreateOptions", "DeleteOptions", "Duration",
      "FieldSelectorRequirement", "FieldsV1", "GetOptions", "GroupVersionForDiscovery", "LabelSelector",
      "LabelSelectorRequirement", "ListMeta", "ListOptions", "ManagedFieldsEntry", "MicroTime", "ObjectMeta",
      "OwnerReference", "PartialObjectMetadata", "PartialObjectMetadataList", "Patch", "PatchOptions",
      "Preconditions", "RootPaths", "ServerAddressByClientCIDR", "ShardInfo", "Status", "StatusCause",
      "StatusDetails", "Table", "TableColumnDefinition", "TableRow", "TypeMeta", "UpdateOptions", "WatchEvent");

  /** The kube-aggregator's apiregistration v1 types, also in fabric8's core package. */
  private static final Set<String> AGGREGATOR_IN_CORE = Set.of("APIService", "APIServiceCondition",
      "APIServiceList", "APIServiceSpec", "APIServiceStatus", "ServiceReference");

  private KubeModelNames() {
  }

  /** {@code io.k8s.api.apps.v1.Deployment} for fabric8's {@code io.fabric8.kubernetes.api.model.apps.Deployment}. */
  static String of(Class<?> type) {
    String simple = type.getSimpleName();
    String pkg = type.getPackageName();
    if (pkg.equals(FABRIC8)) {
      if (META_IN_CORE.contains(simple)) {
        return META + simple;
      }
      if (AGGREGATOR_IN_CORE.contains(simple)) {
        return AGGREGATOR + simple;
      }
      return CORE + simple;
    }
    if (!pkg.startsWith(FABRIC8 + ".")) {
      throw new IllegalArgumentException("not a fabric8 model class: " + type.getName());
    }
    String rest = pkg.substring(FABRIC8.length() + 1);
    if (rest.equals("runtime")) {
      return "io.k8s.apimachinery.pkg.runtime." + simple;
    }
    if (rest.startsWith("apiextensions.")) {
      return "io.k8s.apiextensions-apiserver.pkg.apis." + rest + "." + simple;
    }
    if (rest.startsWith("metrics.")) {
      return "io.k8s.metrics.pkg.apis." + rest + "." + simple;
    }
    // fabric8 drops the version of a few groups that only have v1 left (apps, rbac, authentication, storage).
    String lastSegment = rest.substring(rest.lastIndexOf('.') + 1);
    String versioned = lastSegment.matches("v\\d+((alpha|beta)\\d+)?") ? rest : rest + ".v1";
    return "io.k8s.api." + versioned + "." + simple;
  }
}
