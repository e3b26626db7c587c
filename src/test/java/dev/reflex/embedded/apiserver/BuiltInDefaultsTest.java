package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInDefaultsTest {

  /** The pod template spec every workload below gets from one container "web" running nginx:1.27. */
  private static final String TEMPLATE_SPEC = """
      "spec":{"containers":[{"name":"web","image":"nginx:1.27","imagePullPolicy":"IfNotPresent",
        "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],
        "dnsPolicy":"ClusterFirst","restartPolicy":"Always","securityContext":{},"terminationGracePeriodSeconds":30,
        "schedulerName":"default-scheduler"}""";
  private static final String TEMPLATE_IN =
      "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\","
          + "\"image\":\"nginx:1.27\"}]}}";
  private static final String TEMPLATE_OUT =
      "\"template\":{\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}}," + TEMPLATE_SPEC + "}";

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of("pod: spec, container and port defaults", "", "Pod", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]}]}}""", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],
               "imagePullPolicy":"Always","terminationMessagePath":"/dev/termination-log",
               "terminationMessagePolicy":"File","resources":{}}],
               "dnsPolicy":"ClusterFirst","restartPolicy":"Always","securityContext":{},
               "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","enableServiceLinks":true}}"""),
        Arguments.of("pod: requests from limits, probes, volumes, host network", "", "Pod", """
            {"spec":{"hostNetwork":true,"restartPolicy":"Never","containers":[{"name":"a","image":"r:5000/a@sha256:ab",
               "resources":{"limits":{"cpu":"1"},"requests":{"memory":"1Gi"}},"ports":[{"containerPort":8080}],
               "livenessProbe":{"httpGet":{"port":8080}},"readinessProbe":{"exec":{"command":["true"]},
                 "periodSeconds":5},
               "env":[{"name":"N","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}]}],
             "volumes":[{"name":"scratch"},{"name":"s","secret":{"secretName":"x"}},
               {"name":"c","configMap":{"name":"y"}},
               {"name":"t","projected":{"sources":[{"serviceAccountToken":{"path":"token"}}]}}]}}""", """
            {"spec":{"hostNetwork":true,"restartPolicy":"Never","containers":[{"name":"a","image":"r:5000/a@sha256:ab",
               "resources":{"limits":{"cpu":"1"},"requests":{"memory":"1Gi","cpu":"1"}},
               "ports":[{"containerPort":8080,"protocol":"TCP","hostPort":8080}],
               "livenessProbe":{"httpGet":{"port":8080,"path":"/","scheme":"HTTP"},
                 "timeoutSeconds":1,"periodSeconds":10,
                 "successThreshold":1,"failureThreshold":3},
               "readinessProbe":{"exec":{"command":["true"]},"periodSeconds":5,"timeoutSeconds":1,"successThreshold":1,
                 "failureThreshold":3},
               "env":[{"name":"N","valueFrom":{"fieldRef":{"fieldPath":"metadata.name","apiVersion":"v1"}}}],
               "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log",
               "terminationMessagePolicy":"File"}],
             "volumes":[{"name":"scratch","emptyDir":{}},{"name":"s","secret":{"secretName":"x","defaultMode":420}},
               {"name":"c","configMap":{"name":"y","defaultMode":420}},
               {"name":"t","projected":{"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":3600}}],
                 "defaultMode":420}}],
             "dnsPolicy":"ClusterFirst","securityContext":{},"terminationGracePeriodSeconds":30,
             "schedulerName":"default-scheduler","enableServiceLinks":true}}"""),
        Arguments.of("deployment", "apps", "Deployment",
            "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + TEMPLATE_IN + "}}",
            "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + TEMPLATE_OUT + ",\"replicas\":1,"
                + "\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\","
                + "\"maxSurge\":\"25%\"}},\"revisionHistoryLimit\":10,\"progressDeadlineSeconds\":600},\"status\":{}}"),
        Arguments.of("deployment: Recreate gets no rollingUpdate", "apps", "Deployment",
            "{\"spec\":{\"replicas\":3,\"strategy\":{\"type\":\"Recreate\"}," + TEMPLATE_IN + "}}",
            "{\"spec\":{\"replicas\":3,\"strategy\":{\"type\":\"Recreate\"}," + TEMPLATE_OUT + ","
                + "\"revisionHistoryLimit\":10,\"progressDeadlineSeconds\":600},\"status\":{}}"),
        Arguments.of("replicaset", "apps", "ReplicaSet", "{\"spec\":{" + TEMPLATE_IN + "}}",
            "{\"spec\":{\"replicas\":1," + TEMPLATE_OUT + "},\"status\":{\"replicas\":0}}"),
        Arguments.of("statefulset with a claim template", "apps", "StatefulSet",
            "{\"spec\":{\"serviceName\":\"web\"," + TEMPLATE_IN + ",\"volumeClaimTemplates\":[{\"metadata\":{\"name\":"
                + "\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"]}}]}}",
            "{\"spec\":{\"serviceName\":\"web\"," + TEMPLATE_OUT + ",\"volumeClaimTemplates\":[{\"metadata\":{\"name\":"
                + "\"data\",\"creationTimestamp\":null},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"volumeMode\":"
                + "\"Filesystem\"},\"status\":{\"phase\":\"Pending\"}}],\"podManagementPolicy\":\"OrderedReady\","
                + "\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":0}},"
                + "\"persistentVolumeClaimRetentionPolicy\":{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"},"
                + "\"replicas\":1,\"revisionHistoryLimit\":10},\"status\":{\"availableReplicas\":0,\"replicas\":0}}"),
        Arguments.of("statefulset: an explicit RollingUpdate without rollingUpdate stays without", "apps",
            "StatefulSet", "{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\"}," + TEMPLATE_IN + "}}",
            "{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\"}," + TEMPLATE_OUT + ","
                + "\"podManagementPolicy\":\"OrderedReady\",\"persistentVolumeClaimRetentionPolicy\":{\"whenDeleted\":"
                + "\"Retain\",\"whenScaled\":\"Retain\"},\"replicas\":1,\"revisionHistoryLimit\":10},"
                + "\"status\":{\"availableReplicas\":0,\"replicas\":0}}"),
        Arguments.of("daemonset", "apps", "DaemonSet", "{\"spec\":{" + TEMPLATE_IN + "}}",
            "{\"spec\":{" + TEMPLATE_OUT + ",\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":"
                + "{\"maxUnavailable\":1,\"maxSurge\":0}},\"revisionHistoryLimit\":10},\"status\":{"
                + "\"currentNumberScheduled\":0,\"desiredNumberScheduled\":0,\"numberMisscheduled\":0,"
                + "\"numberReady\":0}}"),
        Arguments.of("service: ClusterIP", "", "Service", """
            {"spec":{"selector":{"app":"web"},"ports":[{"port":80},{"name":"m","port":9090,
              "targetPort":"metrics"}]}}""",
            """
            {"spec":{"selector":{"app":"web"},"ports":[{"port":80,"protocol":"TCP","targetPort":80},
               {"name":"m","port":9090,"targetPort":"metrics","protocol":"TCP"}],"sessionAffinity":"None",
               "type":"ClusterIP","internalTrafficPolicy":"Cluster"},"status":{"loadBalancer":{}}}"""),
        Arguments.of("service: LoadBalancer with ClientIP affinity", "", "Service", """
            {"spec":{"type":"LoadBalancer","sessionAffinity":"ClientIP","ports":[{"port":443,"targetPort":0}]}}""",
            """
            {"spec":{"type":"LoadBalancer","sessionAffinity":"ClientIP",
               "sessionAffinityConfig":{"clientIP":{"timeoutSeconds":10800}},
               "ports":[{"port":443,"targetPort":443,"protocol":"TCP"}],"externalTrafficPolicy":"Cluster",
               "internalTrafficPolicy":"Cluster","allocateLoadBalancerNodePorts":true},
                 "status":{"loadBalancer":{}}}"""),
        Arguments.of("service: ExternalName gets no traffic policy", "", "Service",
            "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\"}}",
            "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\",\"sessionAffinity\":\"None\"},"
                + "\"status\":{\"loadBalancer\":{}}}"),
        Arguments.of("job: template labels become the job's", "batch", "Job",
            "{\"metadata\":{\"name\":\"pi\"},\"spec\":{\"template\":{\"metadata\":{\"labels\":{\"app\":\"pi\"}},"
                + "\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"pi\",\"image\":\"perl:5\"}]}}}}",
            "{\"metadata\":{\"name\":\"pi\",\"labels\":{\"app\":\"pi\"}},\"spec\":{\"completions\":1,\"parallelism\":1,"
                + "\"backoffLimit\":6,\"completionMode\":\"NonIndexed\",\"suspend\":false,\"podReplacementPolicy\":"
                + "\"TerminatingOrFailed\",\"manualSelector\":false,\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"pi\"},\"creationTimestamp\":null},\"spec\":{\"restartPolicy\":\"Never\",\"containers\":"
                + "[{\"name\":\"pi\",\"image\":\"perl:5\",\"imagePullPolicy\":\"IfNotPresent\","
                + "\"terminationMessagePath\":"
                + "\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\",\"resources\":{}}],\"dnsPolicy\":"
                + "\"ClusterFirst\",\"securityContext\":{},\"terminationGracePeriodSeconds\":30,\"schedulerName\":"
                + "\"default-scheduler\"}}},\"status\":{}}"),
        Arguments.of("job: parallel, failure policy, per-index limit", "batch", "Job", """
            {"spec":{"parallelism":3,"backoffLimitPerIndex":1,"completionMode":"Indexed","completions":3,
               "podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]},
               "template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox:latest"}]}}}}""",
            """
            {"spec":{"parallelism":3,"backoffLimitPerIndex":1,"completionMode":"Indexed","completions":3,
               "podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget",
                 "status":"True"}]}]},"backoffLimit":2147483647,"suspend":false,"podReplacementPolicy":"Failed",
               "manualSelector":false,
               "template":{"metadata":{"creationTimestamp":null},"spec":{"restartPolicy":"Never",
                 "containers":[{"name":"c",
                 "image":"busybox:latest","imagePullPolicy":"Always","terminationMessagePath":"/dev/termination-log",
                 "terminationMessagePolicy":"File","resources":{}}],"dnsPolicy":"ClusterFirst","securityContext":{},
                 "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"}}},"metadata":{},
                   "status":{}}"""),
        Arguments.of("cronjob: its own defaults, the job template's pod template", "batch", "CronJob",
            "{\"spec\":{\"schedule\":\"*/5 * * * *\",\"jobTemplate\":{\"spec\":{" + TEMPLATE_IN + "}}}}",
            "{\"spec\":{\"schedule\":\"*/5 * * * *\",\"jobTemplate\":{\"metadata\":{\"creationTimestamp\":null},"
                + "\"spec\":{" + TEMPLATE_OUT + "}},\"concurrencyPolicy\":\"Allow\",\"suspend\":false,"
                + "\"successfulJobsHistoryLimit\":3,\"failedJobsHistoryLimit\":1},\"status\":{}}"),
        Arguments.of("hpa v2: minReplicas and the 80% CPU metric, no behavior", "autoscaling",
            "HorizontalPodAutoscaler", """
            {"apiVersion":"autoscaling/v2","spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},
              "maxReplicas":5}}""",
            """
            {"apiVersion":"autoscaling/v2","spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":5,
               "minReplicas":1,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization",
               "averageUtilization":80}}}]},"status":{"desiredReplicas":0,"currentMetrics":null}}"""),
        Arguments.of("hpa v2: a partial behavior is completed on both sides", "autoscaling",
            "HorizontalPodAutoscaler", """
            {"apiVersion":"autoscaling/v2","spec":{"minReplicas":2,"maxReplicas":5,
               "metrics":[{"type":"Pods","pods":{"metric":{"name":"qps"},
                 "target":{"type":"AverageValue","averageValue":"10"}}}],
               "behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}""", """
            {"apiVersion":"autoscaling/v2","spec":{"minReplicas":2,"maxReplicas":5,
               "metrics":[{"type":"Pods","pods":{"metric":{"name":"qps"},
                 "target":{"type":"AverageValue","averageValue":"10"}}}],
               "behavior":{"scaleDown":{"stabilizationWindowSeconds":60,"selectPolicy":"Max",
                 "policies":[{"type":"Percent","value":100,"periodSeconds":15}]},
                 "scaleUp":{"stabilizationWindowSeconds":0,"selectPolicy":"Max",
                 "policies":[{"type":"Pods","value":4,"periodSeconds":15},
                   {"type":"Percent","value":100,"periodSeconds":15}]}}},
             "status":{"desiredReplicas":0,"currentMetrics":null}}"""),
        Arguments.of("hpa v1: only minReplicas", "autoscaling", "HorizontalPodAutoscaler",
            "{\"apiVersion\":\"autoscaling/v1\",\"spec\":{\"maxReplicas\":3}}",
            "{\"apiVersion\":\"autoscaling/v1\",\"spec\":{\"maxReplicas\":3,\"minReplicas\":1},"
                + "\"status\":{\"currentReplicas\":0,\"desiredReplicas\":0}}"),
        Arguments.of("namespace", "", "Namespace", "{\"metadata\":{\"name\":\"team-a\"}}",
            "{\"metadata\":{\"name\":\"team-a\",\"labels\":{\"kubernetes.io/metadata.name\":\"team-a\"}},"
                + "\"status\":{\"phase\":\"Active\"}}"),
        Arguments.of("secret", "", "Secret", "{\"data\":{\"k\":\"dg==\"}}",
            "{\"data\":{\"k\":\"dg==\"},\"type\":\"Opaque\"}"),
        Arguments.of("a kind without defaults is copied", "", "ConfigMap", "{\"data\":{\"k\":\"v\"}}",
            "{\"data\":{\"k\":\"v\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void defaultsAsKubeApiserver(String label, String group, String kind, String in, String expected) {
    JsonObject input = new JsonObject(in);
    JsonObject before = input.copy();
    assertEquals(new JsonObject(expected), BuiltInDefaults.apply(group, kind, input));
    assertEquals(before, input, "the input is not modified");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void defaultingTwiceChangesNothing(String label, String group, String kind, String in, String expected) {
    JsonObject once = BuiltInDefaults.apply(group, kind, new JsonObject(in));
    assertEquals(once, BuiltInDefaults.apply(group, kind, once));
  }

  @ParameterizedTest(name = "{0} -> latest: {1}")
  @CsvSource({"nginx,true", "nginx:latest,true", "nginx:1.27,false", "registry:5000/nginx,true",
      "registry:5000/nginx:1.0,false", "nginx@sha256:abc,false", "nginx:latest@sha256:abc,true", "'',false"})
  void pullPolicyFollowsTheTag(String image, boolean latest) {
    assertEquals(latest, PodSpecDefaults.hasLatestTag(image));
  }

  @Test
  void jobSelectorIsGeneratedFromTheUidAndCopiedToTheJobOnReadBack() {
    JsonObject job = new JsonObject("""
        {"metadata":{"name":"pi"},"spec":{"template":{"spec":{"restartPolicy":"Never",
          "containers":[{"name":"pi","image":"perl:5"}]}}}}""");
    JsonObject stored = BuiltInDefaults.apply("batch", "Job",
        JobSelectors.generate(BuiltInDefaults.apply("batch", "Job", job), "u-1"));
    JsonObject labels = new JsonObject("""
        {"job-name":"pi","batch.kubernetes.io/job-name":"pi","controller-uid":"u-1",
         "batch.kubernetes.io/controller-uid":"u-1"}""");
    assertEquals(labels, stored.getJsonObject("metadata").getJsonObject("labels"));
    assertEquals(labels, stored.getJsonObject("spec").getJsonObject("template").getJsonObject("metadata")
        .getJsonObject("labels"));
    assertEquals(new JsonObject("{\"matchLabels\":{\"batch.kubernetes.io/controller-uid\":\"u-1\"}}"),
        stored.getJsonObject("spec").getJsonObject("selector"));
  }

  @Test
  void aManualSelectorIsLeftAlone() {
    JsonObject job = new JsonObject("{\"spec\":{\"manualSelector\":true,"
        + "\"selector\":{\"matchLabels\":{\"a\":\"b\"}}}}");
    assertEquals(job, JobSelectors.generate(job, "u-1"));
  }

  static Stream<Arguments> allocations() {
    return Stream.of(
        Arguments.of("ClusterIP gets an IP and single-stack IPv4",
            "{\"spec\":{\"type\":\"ClusterIP\",\"selector\":{\"a\":\"b\"},\"ports\":[{\"port\":80}]}}",
            "{\"spec\":{\"type\":\"ClusterIP\",\"selector\":{\"a\":\"b\"},\"ports\":[{\"port\":80}],\"clusterIP\":"
                + "\"10.96.0.10\",\"clusterIPs\":[\"10.96.0.10\"],\"ipFamilyPolicy\":\"SingleStack\",\"ipFamilies\":"
                + "[\"IPv4\"]}}"),
        Arguments.of("headless without selector takes any family",
            "{\"spec\":{\"type\":\"ClusterIP\",\"clusterIP\":\"None\"}}",
            "{\"spec\":{\"type\":\"ClusterIP\",\"clusterIP\":\"None\",\"clusterIPs\":[\"None\"],\"ipFamilyPolicy\":"
                + "\"RequireDualStack\",\"ipFamilies\":[\"IPv4\"]}}"),
        Arguments.of("NodePort gets node ports for the ports without one",
            "{\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"10.96.1.1\",\"ports\":[{\"port\":80},{\"port\":81,"
                + "\"nodePort\":30500}]}}",
            "{\"spec\":{\"type\":\"NodePort\",\"clusterIP\":\"10.96.1.1\",\"clusterIPs\":[\"10.96.1.1\"],"
                + "\"ipFamilyPolicy\":\"SingleStack\",\"ipFamilies\":[\"IPv4\"],\"ports\":[{\"port\":80,\"nodePort\":"
                + "30000},{\"port\":81,\"nodePort\":30500}]}}"),
        Arguments.of("LoadBalancer with Local traffic gets a health check port",
            "{\"spec\":{\"type\":\"LoadBalancer\",\"externalTrafficPolicy\":\"Local\","
                + "\"allocateLoadBalancerNodePorts\":"
                + "false,\"ports\":[{\"port\":80}]}}",
            "{\"spec\":{\"type\":\"LoadBalancer\",\"externalTrafficPolicy\":\"Local\","
                + "\"allocateLoadBalancerNodePorts\":"
                + "false,\"ports\":[{\"port\":80}],\"clusterIP\":\"10.96.0.10\",\"clusterIPs\":[\"10.96.0.10\"],"
                + "\"ipFamilyPolicy\":\"SingleStack\",\"ipFamilies\":[\"IPv4\"],\"healthCheckNodePort\":30000}}"),
        Arguments.of("ExternalName gets nothing", "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"x.y\"}}",
            "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"x.y\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allocations")
  void serviceAllocation(String label, String in, String expected) {
    ArrayDeque<Integer> nodePorts = new ArrayDeque<>(List.of(30000, 30001));
    assertEquals(new JsonObject(expected),
        ServiceAllocation.allocate(new JsonObject(in), () -> "10.96.0.10", nodePorts::removeFirst));
  }

  @Test
  void anUpdateWithoutAllocatedValuesKeepsTheStoredOnes() {
    JsonObject stored = new JsonObject("""
        {"spec":{"type":"NodePort","clusterIP":"10.96.0.7","clusterIPs":["10.96.0.7"],
          "ports":[{"name":"http","port":80,"nodePort":30080},{"name":"https","port":443,"nodePort":30443}]}}""");
    JsonObject applied = new JsonObject("""
        {"spec":{"type":"NodePort","ports":[{"name":"http","port":8080},
          {"name":"https","port":443,"nodePort":30080}]}}""");
    assertEquals(new JsonObject("""
        {"spec":{"type":"NodePort","clusterIP":"10.96.0.7","clusterIPs":["10.96.0.7"],
          "ports":[{"name":"http","port":8080},{"name":"https","port":443,"nodePort":30080}]}}"""),
        ServiceAllocation.carryOver(applied, stored), "30080 is taken by https now, so http does not get it back");
  }

  @Test
  void namespaceCreateAddsTheKubernetesFinalizer() {
    assertEquals(new JsonObject("{\"metadata\":{\"name\":\"a\"},\"spec\":{\"finalizers\":[\"kubernetes\"]}}"),
        BuiltInDefaults.prepareNamespaceForCreate(new JsonObject("{\"metadata\":{\"name\":\"a\"}}")));
  }
}
