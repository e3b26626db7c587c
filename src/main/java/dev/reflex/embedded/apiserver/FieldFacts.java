package dev.reflex.embedded.apiserver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Go types of the built-in kinds say and fabric8's classes lose: the strings that are {@code metav1.Time}
 * (or MicroTime, Duration, base64 bytes), the untyped fields that are RawExtensions, and which fields openapi-gen
 * marks required (a field without {@code omitempty} and without {@code +optional}). Read off the
 * {@code types.go} files of Kubernetes 1.32 (the modules at v0.32.9); kept as data so the generator stays generic.
 */
final class FieldFacts {

  enum GoType { TIME, MICRO_TIME, DURATION, RAW_EXTENSION, JSON, BYTES, BYTES_MAP, BYTES_LIST }

  /** definition, field, Go type. */
  private static final String GO_TYPES = """
      # field                     Go type
      io.k8s.api.admissionregistration.v1.WebhookClientConfig
        caBundle                    BYTES
      io.k8s.api.apps.v1.ControllerRevision
        data                        RAW_EXTENSION
      io.k8s.api.apps.v1.DaemonSetCondition
        lastTransitionTime          TIME
      io.k8s.api.apps.v1.DeploymentCondition
        lastUpdateTime              TIME
        lastTransitionTime          TIME
      io.k8s.api.apps.v1.ReplicaSetCondition
        lastTransitionTime          TIME
      io.k8s.api.apps.v1.StatefulSetCondition
        lastTransitionTime          TIME
      io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus
        lastScaleTime               TIME
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition
        lastTransitionTime          TIME
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus
        lastScaleTime               TIME
      io.k8s.api.batch.v1.CronJobStatus
        lastScheduleTime            TIME
        lastSuccessfulTime          TIME
      io.k8s.api.batch.v1.JobCondition
        lastProbeTime               TIME
        lastTransitionTime          TIME
      io.k8s.api.batch.v1.JobStatus
        startTime                   TIME
        completionTime              TIME
      io.k8s.api.coordination.v1.LeaseSpec
        acquireTime                 MICRO_TIME
        renewTime                   MICRO_TIME
      io.k8s.api.core.v1.ConfigMap
        binaryData                  BYTES_MAP
      io.k8s.api.core.v1.ContainerStateRunning
        startedAt                   TIME
      io.k8s.api.core.v1.ContainerStateTerminated
        startedAt                   TIME
        finishedAt                  TIME
      io.k8s.api.core.v1.Event
        firstTimestamp              TIME
        lastTimestamp               TIME
        eventTime                   MICRO_TIME
      io.k8s.api.core.v1.EventSeries
        lastObservedTime            MICRO_TIME
      io.k8s.api.core.v1.NamespaceCondition
        lastTransitionTime          TIME
      io.k8s.api.core.v1.NodeCondition
        lastHeartbeatTime           TIME
        lastTransitionTime          TIME
      io.k8s.api.core.v1.PersistentVolumeClaimCondition
        lastProbeTime               TIME
        lastTransitionTime          TIME
      io.k8s.api.core.v1.PodCondition
        lastProbeTime               TIME
        lastTransitionTime          TIME
      io.k8s.api.core.v1.PodStatus
        startTime                   TIME
      io.k8s.api.core.v1.Secret
        data                        BYTES_MAP
      io.k8s.api.core.v1.Taint
        timeAdded                   TIME
      io.k8s.api.events.v1.Event
        eventTime                   MICRO_TIME
        deprecatedFirstTimestamp    TIME
        deprecatedLastTimestamp     TIME
      io.k8s.api.events.v1.EventSeries
        lastObservedTime            MICRO_TIME
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition
        lastTransitionTime          TIME
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps
        default                     JSON
        example                     JSON
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig
        caBundle                    BYTES
      io.k8s.apimachinery.pkg.apis.meta.v1.Condition
        lastTransitionTime          TIME
      io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry
        time                        TIME
      io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta
        creationTimestamp           TIME
        deletionTimestamp           TIME
      io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent
        object                      RAW_EXTENSION
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition
        lastTransitionTime          TIME
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec
        caBundle                    BYTES
      io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics
        timestamp                   TIME
        window                      DURATION
      io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics
        timestamp                   TIME
        window                      DURATION
      """;

  /** definition, then its required fields. */
  private static final String REQUIRED = """
      # required fields
      io.k8s.api.admissionregistration.v1.MatchCondition
        name expression
      io.k8s.api.admissionregistration.v1.MutatingWebhook
        name clientConfig sideEffects admissionReviewVersions
      io.k8s.api.admissionregistration.v1.MutatingWebhookConfigurationList
        items
      io.k8s.api.admissionregistration.v1.ServiceReference
        namespace name
      io.k8s.api.admissionregistration.v1.ValidatingWebhook
        name clientConfig sideEffects admissionReviewVersions
      io.k8s.api.admissionregistration.v1.ValidatingWebhookConfigurationList
        items
      io.k8s.api.apps.v1.ControllerRevision
        revision
      io.k8s.api.apps.v1.ControllerRevisionList
        items
      io.k8s.api.apps.v1.DaemonSetCondition
        type status
      io.k8s.api.apps.v1.DaemonSetList
        items
      io.k8s.api.apps.v1.DaemonSetSpec
        selector template
      io.k8s.api.apps.v1.DaemonSetStatus
        currentNumberScheduled numberMisscheduled desiredNumberScheduled numberReady
      io.k8s.api.apps.v1.DeploymentCondition
        type status
      io.k8s.api.apps.v1.DeploymentList
        items
      io.k8s.api.apps.v1.DeploymentSpec
        selector template
      io.k8s.api.apps.v1.ReplicaSetCondition
        type status
      io.k8s.api.apps.v1.ReplicaSetList
        items
      io.k8s.api.apps.v1.ReplicaSetSpec
        selector
      io.k8s.api.apps.v1.ReplicaSetStatus
        replicas
      io.k8s.api.apps.v1.StatefulSetCondition
        type status
      io.k8s.api.apps.v1.StatefulSetList
        items
      io.k8s.api.apps.v1.StatefulSetSpec
        selector template serviceName
      io.k8s.api.apps.v1.StatefulSetStatus
        replicas
      io.k8s.api.authentication.v1.TokenReview
        spec
      io.k8s.api.authorization.v1.SelfSubjectAccessReview
        spec
      io.k8s.api.authorization.v1.SubjectAccessReview
        spec
      io.k8s.api.authorization.v1.SubjectAccessReviewStatus
        allowed
      io.k8s.api.autoscaling.v1.CrossVersionObjectReference
        kind name
      io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList
        items
      io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec
        scaleTargetRef maxReplicas
      io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus
        currentReplicas desiredReplicas
      io.k8s.api.autoscaling.v1.ScaleStatus
        replicas
      io.k8s.api.autoscaling.v2.ContainerResourceMetricSource
        name target container
      io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus
        name current container
      io.k8s.api.autoscaling.v2.CrossVersionObjectReference
        kind name
      io.k8s.api.autoscaling.v2.ExternalMetricSource
        metric target
      io.k8s.api.autoscaling.v2.ExternalMetricStatus
        metric current
      io.k8s.api.autoscaling.v2.HPAScalingPolicy
        type value periodSeconds
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition
        type status
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerList
        items
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec
        scaleTargetRef maxReplicas
      io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus
        desiredReplicas
      io.k8s.api.autoscaling.v2.MetricIdentifier
        name
      io.k8s.api.autoscaling.v2.MetricSpec
        type
      io.k8s.api.autoscaling.v2.MetricStatus
        type
      io.k8s.api.autoscaling.v2.MetricTarget
        type
      io.k8s.api.autoscaling.v2.ObjectMetricSource
        describedObject target metric
      io.k8s.api.autoscaling.v2.ObjectMetricStatus
        metric current describedObject
      io.k8s.api.autoscaling.v2.PodsMetricSource
        metric target
      io.k8s.api.autoscaling.v2.PodsMetricStatus
        metric current
      io.k8s.api.autoscaling.v2.ResourceMetricSource
        name target
      io.k8s.api.autoscaling.v2.ResourceMetricStatus
        name current
      io.k8s.api.batch.v1.CronJobList
        items
      io.k8s.api.batch.v1.CronJobSpec
        schedule jobTemplate
      io.k8s.api.batch.v1.JobCondition
        type status
      io.k8s.api.batch.v1.JobList
        items
      io.k8s.api.batch.v1.JobSpec
        template
      io.k8s.api.batch.v1.PodFailurePolicy
        rules
      io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement
        operator values
      io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern
        type status
      io.k8s.api.batch.v1.PodFailurePolicyRule
        action
      io.k8s.api.batch.v1.SuccessPolicy
        rules
      io.k8s.api.coordination.v1.LeaseList
        items
      io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource
        volumeID
      io.k8s.api.core.v1.AppArmorProfile
        type
      io.k8s.api.core.v1.AttachedVolume
        name devicePath
      io.k8s.api.core.v1.AzureDiskVolumeSource
        diskName diskURI
      io.k8s.api.core.v1.AzureFileVolumeSource
        secretName shareName
      io.k8s.api.core.v1.CSIVolumeSource
        driver
      io.k8s.api.core.v1.CephFSVolumeSource
        monitors
      io.k8s.api.core.v1.CinderVolumeSource
        volumeID
      io.k8s.api.core.v1.ClusterTrustBundleProjection
        path
      io.k8s.api.core.v1.ConfigMapKeySelector
        key
      io.k8s.api.core.v1.ConfigMapList
        items
      io.k8s.api.core.v1.ConfigMapNodeConfigSource
        namespace name kubeletConfigKey
      io.k8s.api.core.v1.Container
        name
      io.k8s.api.core.v1.ContainerPort
        containerPort
      io.k8s.api.core.v1.ContainerResizePolicy
        resourceName restartPolicy
      io.k8s.api.core.v1.ContainerStateTerminated
        exitCode
      io.k8s.api.core.v1.ContainerStatus
        name ready restartCount image imageID
      io.k8s.api.core.v1.DaemonEndpoint
        Port
      io.k8s.api.core.v1.DownwardAPIVolumeFile
        path
      io.k8s.api.core.v1.EndpointAddress
        ip
      io.k8s.api.core.v1.EndpointPort
        port
      io.k8s.api.core.v1.EndpointsList
        items
      io.k8s.api.core.v1.EnvVar
        name
      io.k8s.api.core.v1.EphemeralContainer
        name
      io.k8s.api.core.v1.Event
        metadata involvedObject
      io.k8s.api.core.v1.EventList
        items
      io.k8s.api.core.v1.FlexVolumeSource
        driver
      io.k8s.api.core.v1.GCEPersistentDiskVolumeSource
        pdName
      io.k8s.api.core.v1.GRPCAction
        port
      io.k8s.api.core.v1.GitRepoVolumeSource
        repository
      io.k8s.api.core.v1.GlusterfsVolumeSource
        endpoints path
      io.k8s.api.core.v1.HTTPGetAction
        port
      io.k8s.api.core.v1.HTTPHeader
        name value
      io.k8s.api.core.v1.HostAlias
        ip
      io.k8s.api.core.v1.HostIP
        ip
      io.k8s.api.core.v1.HostPathVolumeSource
        path
      io.k8s.api.core.v1.ISCSIVolumeSource
        targetPortal iqn lun
      io.k8s.api.core.v1.KeyToPath
        key path
      io.k8s.api.core.v1.LinuxContainerUser
        uid gid
      io.k8s.api.core.v1.ModifyVolumeStatus
        status
      io.k8s.api.core.v1.NFSVolumeSource
        server path
      io.k8s.api.core.v1.NamespaceCondition
        type status
      io.k8s.api.core.v1.NamespaceList
        items
      io.k8s.api.core.v1.NodeAddress
        type address
      io.k8s.api.core.v1.NodeCondition
        type status
      io.k8s.api.core.v1.NodeList
        items
      io.k8s.api.core.v1.NodeSelector
        nodeSelectorTerms
      io.k8s.api.core.v1.NodeSelectorRequirement
        key operator
      io.k8s.api.core.v1.NodeSystemInfo
        machineID systemUUID bootID kernelVersion osImage containerRuntimeVersion kubeletVersion kubeProxyVersion \
      operatingSystem architecture
      io.k8s.api.core.v1.ObjectFieldSelector
        fieldPath
      io.k8s.api.core.v1.PersistentVolumeClaimCondition
        type status
      io.k8s.api.core.v1.PersistentVolumeClaimTemplate
        spec
      io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource
        claimName
      io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource
        pdID
      io.k8s.api.core.v1.PodAffinityTerm
        topologyKey
      io.k8s.api.core.v1.PodCondition
        type status
      io.k8s.api.core.v1.PodIP
        ip
      io.k8s.api.core.v1.PodList
        items
      io.k8s.api.core.v1.PodOS
        name
      io.k8s.api.core.v1.PodReadinessGate
        conditionType
      io.k8s.api.core.v1.PodResourceClaim
        name
      io.k8s.api.core.v1.PodResourceClaimStatus
        name
      io.k8s.api.core.v1.PodSchedulingGate
        name
      io.k8s.api.core.v1.PodSpec
        containers
      io.k8s.api.core.v1.PortStatus
        port protocol
      io.k8s.api.core.v1.PortworxVolumeSource
        volumeID
      io.k8s.api.core.v1.PreferredSchedulingTerm
        weight preference
      io.k8s.api.core.v1.QuobyteVolumeSource
        registry volume
      io.k8s.api.core.v1.RBDVolumeSource
        monitors image
      io.k8s.api.core.v1.ResourceClaim
        name
      io.k8s.api.core.v1.ResourceFieldSelector
        resource
      io.k8s.api.core.v1.ResourceHealth
        resourceID
      io.k8s.api.core.v1.ResourceStatus
        name
      io.k8s.api.core.v1.ScaleIOVolumeSource
        gateway system secretRef
      io.k8s.api.core.v1.SeccompProfile
        type
      io.k8s.api.core.v1.SecretKeySelector
        key
      io.k8s.api.core.v1.SecretList
        items
      io.k8s.api.core.v1.ServiceAccountList
        items
      io.k8s.api.core.v1.ServiceAccountTokenProjection
        path
      io.k8s.api.core.v1.ServiceList
        items
      io.k8s.api.core.v1.ServicePort
        port
      io.k8s.api.core.v1.SleepAction
        seconds
      io.k8s.api.core.v1.Sysctl
        name value
      io.k8s.api.core.v1.TCPSocketAction
        port
      io.k8s.api.core.v1.Taint
        key effect
      io.k8s.api.core.v1.TopologySpreadConstraint
        maxSkew topologyKey whenUnsatisfiable
      io.k8s.api.core.v1.TypedLocalObjectReference
        kind name
      io.k8s.api.core.v1.TypedObjectReference
        kind name
      io.k8s.api.core.v1.Volume
        name
      io.k8s.api.core.v1.VolumeDevice
        name devicePath
      io.k8s.api.core.v1.VolumeMount
        name mountPath
      io.k8s.api.core.v1.VolumeMountStatus
        name mountPath
      io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource
        volumePath
      io.k8s.api.core.v1.WeightedPodAffinityTerm
        weight podAffinityTerm
      io.k8s.api.events.v1.Event
        eventTime
      io.k8s.api.events.v1.EventList
        items
      io.k8s.api.events.v1.EventSeries
        count lastObservedTime
      io.k8s.api.rbac.v1.ClusterRoleBinding
        roleRef
      io.k8s.api.rbac.v1.ClusterRoleBindingList
        items
      io.k8s.api.rbac.v1.ClusterRoleList
        items
      io.k8s.api.rbac.v1.PolicyRule
        verbs
      io.k8s.api.rbac.v1.RoleBinding
        roleRef
      io.k8s.api.rbac.v1.RoleBindingList
        items
      io.k8s.api.rbac.v1.RoleList
        items
      io.k8s.api.rbac.v1.RoleRef
        apiGroup kind name
      io.k8s.api.rbac.v1.Subject
        kind name
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceColumnDefinition
        name type jsonPath
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion
        strategy
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition
        spec
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition
        type status
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList
        items
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames
        plural kind
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec
        group names scope versions
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion
        name served storage
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceScale
        specReplicasPath statusReplicasPath
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.SelectableField
        jsonPath
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ServiceReference
        namespace name
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule
        rule
      io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion
        conversionReviewVersions
      io.k8s.apimachinery.pkg.apis.meta.v1.Condition
        type status lastTransitionTime reason message
      io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement
        key operator
      io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement
        key operator
      io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference
        apiVersion kind name uid
      io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent
        type object
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition
        type status
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceList
        items
      io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec
        groupPriorityMinimum versionPriority
      io.k8s.metrics.pkg.apis.metrics.v1beta1.ContainerMetrics
        name usage
      io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics
        timestamp window usage
      io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetricsList
        items
      io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics
        timestamp window containers
      io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetricsList
        items
      """;

  private static final Map<String, GoType> GO_TYPE_BY_FIELD = parseGoTypes();
  private static final Map<String, List<String>> REQUIRED_BY_DEFINITION = parseRequired();

  private FieldFacts() {
  }

  static Optional<GoType> goType(String definition, String field) {
    return Optional.ofNullable(GO_TYPE_BY_FIELD.get(definition + "#" + field));
  }

  static List<String> required(String definition) {
    return REQUIRED_BY_DEFINITION.getOrDefault(definition, List.of());
  }

  private static Map<String, GoType> parseGoTypes() {
    Map<String, GoType> byField = new HashMap<>();
    for (String[] row : DataTables.rows(GO_TYPES)) {
      byField.put(row[0] + "#" + row[1], GoType.valueOf(row[2]));
    }
    return Map.copyOf(byField);
  }

  private static Map<String, List<String>> parseRequired() {
    Map<String, List<String>> byDefinition = new HashMap<>();
    for (String[] row : DataTables.rows(REQUIRED)) {
      byDefinition.put(row[0], List.of(row).subList(1, row.length));
    }
    return Map.copyOf(byDefinition);
  }
}
