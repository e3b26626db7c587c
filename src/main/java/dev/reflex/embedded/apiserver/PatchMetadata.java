package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patch and list semantics of the built-in types: the upstream contract strategic merge patch and server-side
 * apply follow, which lives in Go struct tags and markers and cannot be reflected from fabric8's classes. Read off
 * the {@code types.go} files of Kubernetes 1.32 (k8s.io/api, apimachinery, apiextensions-apiserver, kube-aggregator
 * and metrics at v0.32.9): their patchStrategy / patchMergeKey tags and {@code +listType}, {@code +listMapKey},
 * {@code +mapType} and {@code +structType} markers, for the definitions {@link BuiltInSchemas} generates.
 *
 * <p>Columns: definition, field ({@code .} for the type itself), patch strategy, patch merge key, list type, list
 * map keys (comma-separated), map type; {@code -} where there is none.
 */
final class PatchMetadata {

  private static final String TABLE = """
      # field                     strategy           merge key       list     list map keys           map type
      io.k8s.api.admissionregistration.v1.MutatingWebhook
        rules                       -                  -               atomic   -                       -
        admissionReviewVersions     -                  -               atomic   -                       -
        matchConditions             merge              name            map      name                    -
      io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration
        webhooks                    merge              name            map      name                    -
      io.k8s.api.admissionregistration.v1.RuleWithOperations
        operations                  -                  -               atomic   -                       -
        apiGroups                   -                  -               atomic   -                       -
        apiVersions                 -                  -               atomic   -                       -
        resources                   -                  -               atomic   -                       -
      io.k8s.api.admissionregistration.v1.ValidatingWebhook
        rules                       -                  -               atomic   -                       -
        admissionReviewVersions     -                  -               atomic   -                       -
        matchConditions             merge              name            map      name                    -
      io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration
        webhooks                    merge              name            map      name                    -
      io.k8s.api.apps.v1.DaemonSetStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.apps.v1.DeploymentSpec
        strategy                    retainKeys         -               -        -                       -
      io.k8s.api.apps.v1.DeploymentStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.apps.v1.ReplicaSetStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.apps.v1.StatefulSetSpec
        volumeClaimTemplates        -                  -               atomic   -                       -
      io.k8s.api.apps.v1.StatefulSetStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.authentication.v1.TokenReviewSpec
        audiences                   -                  -               atomic   -                       -
      io.k8s.api.authentication.v1.TokenReviewStatus
        audiences                   -                  -               atomic   -                       -
      io.k8s.api.authentication.v1.UserInfo
        groups                      -                  -               atomic   -                       -
      io.k8s.api.authorization.v1.FieldSelectorAttributes
        requirements                -                  -               atomic   -                       -
      io.k8s.api.authorization.v1.LabelSelectorAttributes
        requirements                -                  -               atomic   -                       -
      io.k8s.api.authorization.v1.SubjectAccessReviewSpec
        groups                      -                  -               atomic   -                       -
      io.k8s.api.autoscaling.v1.CrossVersionObjectReference
        .                           -                  -               -        -                       atomic
      io.k8s.api.autoscaling.v2.HPAScalingRules
        policies                    -                  -               atomic   -                       -
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec
        metrics                     -                  -               atomic   -                       -
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus
        currentMetrics              -                  -               atomic   -                       -
        conditions                  merge              type            map      type                    -
      io.k8s.api.batch.v1.CronJobStatus
        active                      -                  -               atomic   -                       -
      io.k8s.api.batch.v1.JobStatus
        conditions                  merge              type            atomic   -                       -
      io.k8s.api.batch.v1.PodFailurePolicy
        rules                       -                  -               atomic   -                       -
      io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement
        values                      -                  -               set      -                       -
      io.k8s.api.batch.v1.PodFailurePolicyRule
        onPodConditions             -                  -               atomic   -                       -
      io.k8s.api.batch.v1.SuccessPolicy
        rules                       -                  -               atomic   -                       -
      io.k8s.api.batch.v1.UncountedTerminatedPods
        succeeded                   -                  -               set      -                       -
        failed                      -                  -               set      -                       -
      io.k8s.api.core.v1.Capabilities
        add                         -                  -               atomic   -                       -
        drop                        -                  -               atomic   -                       -
      io.k8s.api.core.v1.CephFSVolumeSource
        monitors                    -                  -               atomic   -                       -
      io.k8s.api.core.v1.ConfigMapKeySelector
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.ConfigMapProjection
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.ConfigMapVolumeSource
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.Container
        command                     -                  -               atomic   -                       -
        args                        -                  -               atomic   -                       -
        ports                       merge              containerPort   map      containerPort,protocol  -
        envFrom                     -                  -               atomic   -                       -
        env                         merge              name            map      name                    -
        resizePolicy                -                  -               atomic   -                       -
        volumeMounts                merge              mountPath       map      mountPath               -
        volumeDevices               merge              devicePath      map      devicePath              -
      io.k8s.api.core.v1.ContainerImage
        names                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.ContainerStatus
        volumeMounts                merge              mountPath       map      mountPath               -
        allocatedResourcesStatus    merge              name            map      name                    -
      io.k8s.api.core.v1.DownwardAPIProjection
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.DownwardAPIVolumeSource
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.EndpointAddress
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.EndpointPort
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.EndpointSubset
        addresses                   -                  -               atomic   -                       -
        notReadyAddresses           -                  -               atomic   -                       -
        ports                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.Endpoints
        subsets                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.EphemeralContainer
        command                     -                  -               atomic   -                       -
        args                        -                  -               atomic   -                       -
        ports                       merge              containerPort   map      containerPort,protocol  -
        envFrom                     -                  -               atomic   -                       -
        env                         merge              name            map      name                    -
        resizePolicy                -                  -               atomic   -                       -
        volumeMounts                merge              mountPath       map      mountPath               -
        volumeDevices               merge              devicePath      map      devicePath              -
      io.k8s.api.core.v1.ExecAction
        command                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.FCVolumeSource
        targetWWNs                  -                  -               atomic   -                       -
        wwids                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.HTTPGetAction
        httpHeaders                 -                  -               atomic   -                       -
      io.k8s.api.core.v1.HostAlias
        hostnames                   -                  -               atomic   -                       -
      io.k8s.api.core.v1.ISCSIVolumeSource
        portals                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.LinuxContainerUser
        supplementalGroups          -                  -               atomic   -                       -
      io.k8s.api.core.v1.LoadBalancerIngress
        ports                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.LoadBalancerStatus
        ingress                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.LocalObjectReference
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.NamespaceSpec
        finalizers                  -                  -               atomic   -                       -
      io.k8s.api.core.v1.NamespaceStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.core.v1.NodeAffinity
        preferredDuringSchedulingIgnoredDuringExecution\
        -                  -               atomic   -                       -
      io.k8s.api.core.v1.NodeSelector
        .                           -                  -               -        -                       atomic
        nodeSelectorTerms           -                  -               atomic   -                       -
      io.k8s.api.core.v1.NodeSelectorRequirement
        values                      -                  -               atomic   -                       -
      io.k8s.api.core.v1.NodeSelectorTerm
        .                           -                  -               -        -                       atomic
        matchExpressions            -                  -               atomic   -                       -
        matchFields                 -                  -               atomic   -                       -
      io.k8s.api.core.v1.NodeSpec
        podCIDRs                    merge              -               set      -                       -
        taints                      -                  -               atomic   -                       -
      io.k8s.api.core.v1.NodeStatus
        conditions                  merge              type            map      type                    -
        addresses                   merge              type            map      type                    -
        images                      -                  -               atomic   -                       -
        volumesInUse                -                  -               atomic   -                       -
        volumesAttached             -                  -               atomic   -                       -
        runtimeHandlers             -                  -               atomic   -                       -
      io.k8s.api.core.v1.ObjectFieldSelector
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.ObjectReference
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.PersistentVolumeClaimSpec
        accessModes                 -                  -               atomic   -                       -
      io.k8s.api.core.v1.PersistentVolumeClaimStatus
        accessModes                 -                  -               atomic   -                       -
        conditions                  merge              type            map      type                    -
        allocatedResourceStatuses   -                  -               -        -                       granular
      io.k8s.api.core.v1.PodAffinity
        requiredDuringSchedulingIgnoredDuringExecution\
        -                  -               atomic   -                       -
        preferredDuringSchedulingIgnoredDuringExecution\
        -                  -               atomic   -                       -
      io.k8s.api.core.v1.PodAffinityTerm
        namespaces                  -                  -               atomic   -                       -
        matchLabelKeys              -                  -               atomic   -                       -
        mismatchLabelKeys           -                  -               atomic   -                       -
      io.k8s.api.core.v1.PodAntiAffinity
        requiredDuringSchedulingIgnoredDuringExecution\
        -                  -               atomic   -                       -
        preferredDuringSchedulingIgnoredDuringExecution\
        -                  -               atomic   -                       -
      io.k8s.api.core.v1.PodDNSConfig
        nameservers                 -                  -               atomic   -                       -
        searches                    -                  -               atomic   -                       -
        options                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.PodSecurityContext
        supplementalGroups          -                  -               atomic   -                       -
        sysctls                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.PodSpec
        volumes                     merge,retainKeys   name            map      name                    -
        initContainers              merge              name            map      name                    -
        containers                  merge              name            map      name                    -
        ephemeralContainers         merge              name            map      name                    -
        nodeSelector                -                  -               -        -                       atomic
        imagePullSecrets            merge              name            map      name                    -
        tolerations                 -                  -               atomic   -                       -
        hostAliases                 merge              ip              map      ip                      -
        readinessGates              -                  -               atomic   -                       -
        topologySpreadConstraints   merge              topologyKey     map      topologyKey,whenUnsatisfiable  -
        schedulingGates             merge              name            map      name                    -
        resourceClaims              merge,retainKeys   name            map      name                    -
      io.k8s.api.core.v1.PodStatus
        conditions                  merge              type            map      type                    -
        hostIPs                     merge              ip              atomic   -                       -
        podIPs                      merge              ip              map      ip                      -
        initContainerStatuses       -                  -               atomic   -                       -
        containerStatuses           -                  -               atomic   -                       -
        ephemeralContainerStatuses  -                  -               atomic   -                       -
        resourceClaimStatuses       merge,retainKeys   name            map      name                    -
      io.k8s.api.core.v1.ProjectedVolumeSource
        sources                     -                  -               atomic   -                       -
      io.k8s.api.core.v1.RBDVolumeSource
        monitors                    -                  -               atomic   -                       -
      io.k8s.api.core.v1.ResourceFieldSelector
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.ResourceRequirements
        claims                      -                  -               map      name                    -
      io.k8s.api.core.v1.ResourceStatus
        resources                   -                  -               map      resourceID              -
      io.k8s.api.core.v1.SecretKeySelector
        .                           -                  -               -        -                       atomic
      io.k8s.api.core.v1.SecretProjection
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.SecretVolumeSource
        items                       -                  -               atomic   -                       -
      io.k8s.api.core.v1.ServiceAccount
        secrets                     merge              name            map      name                    -
        imagePullSecrets            -                  -               atomic   -                       -
      io.k8s.api.core.v1.ServiceSpec
        ports                       merge              port            map      port,protocol           -
        selector                    -                  -               -        -                       atomic
        clusterIPs                  -                  -               atomic   -                       -
        externalIPs                 -                  -               atomic   -                       -
        loadBalancerSourceRanges    -                  -               atomic   -                       -
        ipFamilies                  -                  -               atomic   -                       -
      io.k8s.api.core.v1.ServiceStatus
        conditions                  merge              type            map      type                    -
      io.k8s.api.core.v1.TopologySpreadConstraint
        matchLabelKeys              -                  -               atomic   -                       -
      io.k8s.api.core.v1.TypedLocalObjectReference
        .                           -                  -               -        -                       atomic
      io.k8s.api.rbac.v1.AggregationRule
        clusterRoleSelectors        -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.ClusterRole
        rules                       -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.ClusterRoleBinding
        subjects                    -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.PolicyRule
        verbs                       -                  -               atomic   -                       -
        apiGroups                   -                  -               atomic   -                       -
        resources                   -                  -               atomic   -                       -
        resourceNames               -                  -               atomic   -                       -
        nonResourceURLs             -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.Role
        rules                       -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.RoleBinding
        subjects                    -                  -               atomic   -                       -
      io.k8s.api.rbac.v1.RoleRef
        .                           -                  -               -        -                       atomic
      io.k8s.api.rbac.v1.Subject
        .                           -                  -               -        -                       atomic
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames
        shortNames                  -                  -               atomic   -                       -
        categories                  -                  -               atomic   -                       -
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec
        versions                    -                  -               atomic   -                       -
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus
        conditions                  -                  -               map      type                    -
        storedVersions              -                  -               atomic   -                       -
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion
        additionalPrinterColumns    -                  -               atomic   -                       -
        selectableFields            -                  -               atomic   -                       -
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps
        enum                        -                  -               atomic   -                       -
        required                    -                  -               atomic   -                       -
        allOf                       -                  -               atomic   -                       -
        oneOf                       -                  -               atomic   -                       -
        anyOf                       -                  -               atomic   -                       -
        x-kubernetes-list-map-keys  -                  -               atomic   -                       -
        x-kubernetes-validations    merge              rule            map      rule                    -
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion
        conversionReviewVersions    -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions
        dryRun                      -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement
        values                      -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector
        .                           -                  -               -        -                       atomic
        matchExpressions            -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement
        values                      -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta
        ownerReferences             merge              uid             map      uid                     -
        finalizers                  merge              -               set      -                       -
        managedFields               -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference
        .                           -                  -               -        -                       atomic
      io.k8s.apimachinery.pkg.apis.meta.v1.Status
        details                     -                  -               atomic   -                       -
      io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails
        causes                      -                  -               atomic   -                       -
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec
        caBundle                    -                  -               atomic   -                       -
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus
        conditions                  merge              type            map      type                    -
      io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics
        containers                  -                  -               atomic   -                       -
      """;

  private static final Map<String, JsonObject> BY_FIELD = parse();

  private PatchMetadata() {
  }

  /** The {@code x-kubernetes-*} extensions of one property; empty when it has none. Copies, free to mutate. */
  static JsonObject forField(String definition, String field) {
    JsonObject extensions = BY_FIELD.get(definition + "#" + field);
    return extensions == null ? new JsonObject() : extensions.copy();
  }

  /** The extensions of a definition itself ({@code x-kubernetes-map-type: atomic} for atomic structs). */
  static JsonObject forType(String definition) {
    return forField(definition, ".");
  }

  private static Map<String, JsonObject> parse() {
    Map<String, JsonObject> byField = new HashMap<>();
    for (String[] row : DataTables.rows(TABLE)) {
      if (row.length != 7) {
        throw new IllegalStateException("patch metadata row needs 7 columns: " + String.join(" ", row));
      }
      JsonObject extensions = new JsonObject();
      putIfPresent(extensions, "x-kubernetes-patch-strategy", row[2]);
      putIfPresent(extensions, "x-kubernetes-patch-merge-key", row[3]);
      putIfPresent(extensions, "x-kubernetes-list-type", row[4]);
      if (!row[5].equals("-")) {
        extensions.put("x-kubernetes-list-map-keys", new JsonArray(List.of((Object[]) row[5].split(","))));
      }
      putIfPresent(extensions, "x-kubernetes-map-type", row[6]);
      byField.put(row[0] + "#" + row[1], extensions);
    }
    return Map.copyOf(byField);
  }

  private static void putIfPresent(JsonObject extensions, String key, String value) {
    if (!value.equals("-")) {
      extensions.put(key, value);
    }
  }
}
