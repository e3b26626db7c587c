package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInValidationTest {

  private static final String WEB_TEMPLATE =
      "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\","
          + "\"image\":\"nginx:1.27\"}]}}";

  private static String deployment(String specFields) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{"
        + specFields + "}}";
  }

  private static String hpa(String specFields) {
    return "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"spec\":{"
        + "\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
        + specFields + "}}";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a sound deployment", "apps", "Deployment",
            deployment("\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + WEB_TEMPLATE), null, List.of()),
        Arguments.of("deployment without selector fails twice", "apps", "Deployment", deployment(WEB_TEMPLATE), null,
            List.of("spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                    + "`selector` does not match template `labels`")),
        Arguments.of("selector not matching the template", "apps", "Deployment",
            deployment("\"selector\":{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"In\","
                + "\"values\":[\"api\"]}]},"
                + WEB_TEMPLATE), null,
            List.of("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                + "`selector` does not match template `labels`")),
        Arguments.of("empty selector", "apps", "Deployment", deployment("\"selector\":{}," + WEB_TEMPLATE), null,
            List.of("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment")),
        Arguments.of("negative replicas, Recreate with rollingUpdate", "apps", "Deployment",
            deployment("\"replicas\":-1,\"strategy\":{\"type\":\"Recreate\",\"rollingUpdate\":{}},"
                + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + WEB_TEMPLATE), null,
            List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'")),
        Arguments.of("no surge and no unavailability", "apps", "Deployment",
            deployment("\"strategy\":{\"rollingUpdate\":{\"maxSurge\":0,\"maxUnavailable\":\"0%\"}},"
                + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + WEB_TEMPLATE), null,
            List.of("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, "
                + "StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0")),
        Arguments.of("selector changed on update", "apps", "Deployment",
            deployment("\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + WEB_TEMPLATE),
            deployment("\"selector\":{\"matchLabels\":{\"app\":\"web\",\"tier\":\"front\"}}," + WEB_TEMPLATE),
            List.of("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable")),
        Arguments.of("containers: name, image, duplicates, ports", "", "Pod", """
            {"spec":{"containers":[{"name":"Web_1","image":"a","ports":[{"containerPort":70000,"protocol":"HTTP"}]},
              {"name":"side","ports":[{"name":"http","containerPort":80},{"name":"http","containerPort":81}]},
              {"name":"side","image":"b"}]}}""", null,
            List.of("spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of "
                    + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric "
                    + "character (e.g. 'my-name',  or '123-abc', regex used for validation is "
                    + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, "
                    + "inclusive",
                "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", "
                    + "\"TCP\", \"UDP\"",
                "spec.containers[1].image: Required value",
                "spec.containers[1].ports[1].name: Duplicate value: \"http\"",
                "spec.containers[2].name: Duplicate value: \"side\"")),
        Arguments.of("a pod without containers", "", "Pod", "{\"spec\":{}}", null,
            List.of("spec.containers: Required value")),
        Arguments.of("statefulset: replicas may change, serviceName may not", "apps", "StatefulSet",
            "{\"spec\":{\"replicas\":3,\"serviceName\":\"b\",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                + WEB_TEMPLATE + "}}",
            "{\"spec\":{\"replicas\":1,\"serviceName\":\"a\",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                + WEB_TEMPLATE + "}}",
            List.of("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                + "forbidden")),
        Arguments.of("statefulset: a scale is fine", "apps", "StatefulSet",
            "{\"spec\":{\"replicas\":3,\"serviceName\":\"a\",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                + WEB_TEMPLATE + "}}",
            "{\"spec\":{\"replicas\":1,\"serviceName\":\"a\",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
                + WEB_TEMPLATE + "}}", List.of()),
        Arguments.of("service ports", "", "Service", """
            {"spec":{"selector":{"app":"web"},"ports":[{"port":80},{"name":"b","port":0,"protocol":"http"},
              {"name":"c","port":80,"targetPort":"very-long-port-name"}]}}""", null,
            List.of("spec.ports[0].name: Required value",
                "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[1].protocol: Unsupported value: \"http\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                // the defaulted targetPort is the port, 0 as well
                "spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[2].targetPort: Invalid value: \"very-long-port-name\": must be no more than 15 characters",
                "spec.ports[2]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", "
                    + "AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, "
                    + "StrVal:\"\"}, NodePort:0}")),
        Arguments.of("service: a node port on ClusterIP, an unknown type", "", "Service",
            "{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30080}]}}", null,
            List.of("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")),
        Arguments.of("service: unknown type", "", "Service",
            "{\"spec\":{\"type\":\"Internal\",\"ports\":[{\"port\":80}]}}",
            null, List.of("spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", "
                + "\"ExternalName\", \"LoadBalancer\", \"NodePort\"")),
        Arguments.of("a sound hpa", "autoscaling", "HorizontalPodAutoscaler", hpa("\"maxReplicas\":10"), null,
            List.of()),
        Arguments.of("hpa bounds", "autoscaling", "HorizontalPodAutoscaler", hpa("\"minReplicas\":2,\"maxReplicas\":1"),
            null, List.of("spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`")),
        Arguments.of("hpa zero replicas", "autoscaling", "HorizontalPodAutoscaler",
            hpa("\"minReplicas\":0,\"maxReplicas\":0"), null,
            List.of("spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
                "spec.maxReplicas: Invalid value: 0: must be greater than 0")),
        Arguments.of("hpa without target", "autoscaling", "HorizontalPodAutoscaler",
            "{\"apiVersion\":\"autoscaling/v2\",\"spec\":{\"scaleTargetRef\":{},\"maxReplicas\":3}}", null,
            List.of("spec.scaleTargetRef.kind: Required value", "spec.scaleTargetRef.name: Required value")),
        Arguments.of("hpa metrics", "autoscaling", "HorizontalPodAutoscaler", hpa("""
            "maxReplicas":3,"metrics":[
              {"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":0}}},
              {"type":"Pods","pods":{"metric":{"name":"qps"},"target":{"type":"Value","value":"-1"}}},
              {"type":"External","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"1Gi"}}},
              {"type":"Queue"},
              {"type":"Pods","pods":{"metric":{"name":"qps"},"target":{"type":"AverageValue","averageValue":"1"}},
               "resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}}]"""), null,
            List.of("spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
                "spec.metrics[1].pods.target.value: Invalid value: -1: must be positive",
                "spec.metrics[1].pods.target.averageValue: Required value: must specify a positive target averageValue",
                "spec.metrics[2].external: Required value: must populate information for the given metric source",
                "spec.metrics[3].type: Unsupported value: \"Queue\": supported values: \"ContainerResource\", "
                    + "\"External\", \"Object\", \"Pods\", \"Resource\"",
                "spec.metrics[4].resource: Forbidden: must populate the given metric source only")),
        Arguments.of("hpa behavior", "autoscaling", "HorizontalPodAutoscaler", hpa("""
            "maxReplicas":3,"behavior":{"scaleUp":{"selectPolicy":"Maximum","stabilizationWindowSeconds":4000,
              "policies":[{"type":"Pod","value":0,"periodSeconds":1801}]},"scaleDown":{"policies":[]}}"""), null,
            List.of("spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or "
                    + "equal to 3600",
                "spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Maximum\": supported values: \"Disabled\", "
                    + "\"Max\", \"Min\"",
                "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Pod\": supported values: \"Percent\", "
                    + "\"Pods\"",
                "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
                "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to "
                    + "1800",
                "spec.behavior.scaleDown.policies: Required value: must specify at least one Policy")),
        Arguments.of("hpa v1 is validated in its v2 form", "autoscaling", "HorizontalPodAutoscaler", """
            {"apiVersion":"autoscaling/v1","spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},
              "maxReplicas":3,"targetCPUUtilizationPercentage":0}}""", null,
            List.of("spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0")),
        Arguments.of("job: the default restart policy is not a job's", "batch", "Job",
            "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"backoffLimit\":-2," + WEB_TEMPLATE + "}}",
            null,
            List.of("spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0",
                "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", "
                    + "\"Never\"")),
        Arguments.of("cronjob", "batch", "CronJob",
            "{\"spec\":{\"schedule\":\"* * *\",\"concurrencyPolicy\":\"Sometimes\",\"jobTemplate\":{\"spec\":{"
                + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}}," + WEB_TEMPLATE + "}}}}", null,
            List.of("spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]",
                "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", "
                    + "\"Replace\"",
                "spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: "
                    + "\"OnFailure\", \"Never\"",
                "spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string"
                    + "{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be "
                    + "auto-generated")),
        Arguments.of("cronjob with TZ in the schedule", "batch", "CronJob",
            "{\"spec\":{\"schedule\":\"CRON_TZ=UTC 0 * * * *\",\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":"
                + "{\"restartPolicy\":\"OnFailure\",\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}}}}}", null,
            List.of("spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, "
                + "use timeZone field instead")),
        Arguments.of("lease", "coordination.k8s.io", "Lease",
            "{\"spec\":{\"leaseDurationSeconds\":0,\"leaseTransitions\":-1}}", null,
            List.of("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesTheDefaultedObjectAsKube(String label, String group, String kind, String object, String old,
      List<String> expected) {
    JsonObject defaulted = BuiltInDefaults.apply(group, kind, new JsonObject(object));
    JsonObject oldDefaulted = old == null ? null : BuiltInDefaults.apply(group, kind, new JsonObject(old));
    assertEquals(expected, BuiltInValidation.validate(group, kind, defaulted, oldDefaulted).stream()
        .map(FieldError::message).toList());
  }

  @Test
  void errorsCarryKubesReasons() {
    List<FieldError> errors = BuiltInValidation.validate("apps", "Deployment",
        BuiltInDefaults.apply("apps", "Deployment", new JsonObject(deployment(WEB_TEMPLATE))), null);
    assertEquals(List.of(FieldError.REQUIRED, FieldError.INVALID), errors.stream().map(FieldError::type).toList());
  }
}
