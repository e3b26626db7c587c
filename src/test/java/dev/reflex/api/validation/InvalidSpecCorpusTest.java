package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invalid-spec corpus: each case edits a valid sample so that exactly one rule (or one side of a boundary) is
 * broken, and states every message the user must see, in spec order.
 */
class InvalidSpecCorpusTest {

  private static final String CRON = "cron-portrait-sample.yaml";
  private static final String REACTIVE = "dynamic-reactive-portrait-sample.yaml";
  private static final String PREDICTIVE = "dynamic-predictive-portrait-sample.yaml";
  private static final String GRAY = "gray-strategy-sample.yaml";
  private static final String KPA = "kpa-burst-sample.yaml";
  private static final String FORECAST = "forecast-predictive-sample.yaml";
  private static final String QPS = "external-qps-sample.yaml";

  /** JSON pointer and field path of the first provider. */
  private static final String P0 = "/spec/portraitProviders/0";
  private static final String F0 = "spec.portraitProviders[0]";
  /** The dynamic portrait spec of the first provider. */
  private static final String D = P0 + "/dynamic";
  private static final String DF = F0 + ".dynamic";
  private static final String CRON0 = P0 + "/cron/crons/0";
  private static final String CRONF0 = F0 + ".cron.crons[0]";
  private static final String KPAP = D + "/algorithm/kpa";
  private static final String KPAF = DF + ".algorithm.kpa";
  private static final String JOB = D + "/algorithm/externalJob";
  private static final String JOBF = DF + ".algorithm.externalJob";
  private static final String TPL = JOB + "/job/cronJob/template";
  private static final String TPLF = JOBF + ".job.cronJob.template";
  private static final String FC = D + "/algorithm/forecast";
  private static final String FCF = DF + ".algorithm.forecast";
  private static final String GRAY_DOWN = "/spec/behavior/scaleDown/grayStrategy";
  private static final String GRAY_DOWNF = "spec.behavior.scaleDown.grayStrategy";
  private static final String M0 = D + "/metrics/0";
  private static final String M0F = DF + ".metrics[0]";

  record Case(String name, String sample, List<String> edits, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Case> CASES = new ArrayList<>();

  private static void bad(String name, String sample, List<String> edits, String... expected) {
    CASES.add(new Case(name, sample, edits, List.of(expected)));
  }

  static {
    // Bounds of the replica range.
    bad("max below min", GRAY, List.of("/spec/minReplicas=5", "/spec/maxReplicas=4"),
        "spec.maxReplicas: must not be less than minReplicas (5), got 4");
    bad("max one below min at zero", GRAY, List.of("/spec/minReplicas=1", "/spec/maxReplicas=0"),
        "spec.maxReplicas: must not be less than minReplicas (1), got 0");
    bad("negative min", GRAY, List.of("/spec/minReplicas=-1"), "spec.minReplicas: must be at least 0, got -1");
    bad("negative max", GRAY, List.of("/spec/maxReplicas=-1"), "spec.maxReplicas: must be at least 0, got -1");
    bad("missing min", GRAY, List.of("-/spec/minReplicas"), "spec.minReplicas: is required");
    bad("missing max", GRAY, List.of("-/spec/maxReplicas"), "spec.maxReplicas: is required");
    // The scale target.
    bad("missing scale target", GRAY, List.of("-/spec/scaleTargetRef"), "spec.scaleTargetRef: is required");
    bad("missing target kind", GRAY, List.of("-/spec/scaleTargetRef/kind"), "spec.scaleTargetRef.kind: is required");
    bad("blank target name", GRAY, List.of("/spec/scaleTargetRef/name=\"\""), "spec.scaleTargetRef.name: is required");
    bad("malformed target apiVersion", GRAY, List.of("/spec/scaleTargetRef/apiVersion=\"apps/v1/x\""),
        "spec.scaleTargetRef.apiVersion: \"apps/v1/x\" is not an API version such as apps/v1");
    // Providers.
    bad("missing providers", GRAY, List.of("-/spec/portraitProviders"),
        "spec.portraitProviders: at least one portrait provider is required");
    bad("empty providers", GRAY, List.of("/spec/portraitProviders=[]"),
        "spec.portraitProviders: at least one portrait provider is required");
    bad("missing provider type", GRAY, List.of("-" + P0 + "/type"),
        F0 + ".type: is required (Static, Cron or Dynamic)");
    bad("missing priority", CRON, List.of("-" + P0 + "/priority"), F0 + ".priority: is required");
    bad("static type without static member", GRAY, List.of("-" + P0 + "/static"),
        F0 + ".static: is required for type Static");
    bad("static type with a cron member", GRAY, List.of(P0 + "/cron={\"crons\":[]}"),
        F0 + ".cron: must be absent for type Static");
    bad("cron type without cron member", CRON, List.of("-" + P0 + "/cron"), F0 + ".cron: is required for type Cron");
    bad("dynamic type without dynamic member", REACTIVE, List.of("-" + D),
        F0 + ".dynamic: is required for type Dynamic");
    bad("static replicas missing", GRAY, List.of("-" + P0 + "/static/replicas"), F0 + ".static.replicas: is required");
    bad("static replicas negative", GRAY, List.of(P0 + "/static/replicas=-1"),
        F0 + ".static.replicas: must be at least 0, got -1");
    // Priorities.
    bad("provider below a static provider never wins", GRAY, List.of(P0 + "/priority=3"),
        "spec.portraitProviders[1].priority: this provider can never win: the Static provider "
            + "spec.portraitProviders[0] always has a value and a higher priority (3)");
    bad("static provider tied with a larger static provider never wins", GRAY,
        List.of("/spec/portraitProviders/1={\"type\":\"Static\",\"priority\":1,\"static\":{\"replicas\":3}}"),
        F0 + ".priority: this provider can never win: the Static provider spec.portraitProviders[1] always has a "
            + "value and the same priority with at least as many replicas");
    bad("duplicate dynamic portrait type", REACTIVE,
        List.of("/spec/portraitProviders/1={\"type\":\"Dynamic\",\"priority\":2,\"dynamic\":{\"portraitType\":"
            + "\"reactive\",\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":"
            + "{\"type\":\"Utilization\",\"averageUtilization\":60}}}],\"algorithm\":{\"type\":\"KubeHPA\"}}}"),
        "spec.portraitProviders[1].dynamic.portraitType: must be Reactive or Predictive, got \"reactive\"",
        "spec.portraitProviders[1].dynamic.portraitType: portrait type reactive is already used by "
            + "spec.portraitProviders[0]; each Dynamic provider needs its own");
    // Cron rules.
    bad("empty cron rules", CRON, List.of(P0 + "/cron/crons=[]"),
        F0 + ".cron.crons: at least one cron rule is required");
    bad("cron rule without name", CRON, List.of("-" + CRON0 + "/name"), CRONF0 + ".name: is required");
    bad("duplicate cron rule name", CRON, List.of(P0 + "/cron/crons/1/name=\"cron-1\""),
        F0 + ".cron.crons[1].name: duplicate cron rule name \"cron-1\"");
    bad("cron start missing", CRON, List.of("-" + CRON0 + "/start"), CRONF0 + ".start: is required");
    bad("cron minute out of range", CRON, List.of(CRON0 + "/start=\"61 * * * *\""),
        CRONF0 + ".start: \"61 * * * *\" is not a valid five-field cron expression: "
            + "end of range (61) above maximum (59): 61");
    bad("cron with six fields", CRON, List.of(CRON0 + "/start=\"0 0 * * * *\""),
        CRONF0 + ".start: \"0 0 * * * *\" is not a valid five-field cron expression: "
            + "expected exactly 5 fields, found 6: [0 0 * * * *]");
    bad("cron end with three fields", CRON, List.of(CRON0 + "/end=\"* * *\""),
        CRONF0 + ".end: \"* * *\" is not a valid five-field cron expression: "
            + "expected exactly 5 fields, found 3: [* * *]");
    bad("cron interval descriptor", CRON, List.of(CRON0 + "/start=\"@every 1h\""),
        CRONF0 + ".start: \"@every 1h\" is not a valid five-field cron expression: "
            + "@every intervals are not supported, use five fields or a descriptor such as @hourly");
    bad("unknown cron descriptor", CRON, List.of(CRON0 + "/end=\"@fortnightly\""),
        CRONF0 + ".end: \"@fortnightly\" is not a valid five-field cron expression: "
            + "unrecognized descriptor: @fortnightly");
    bad("unknown zone in a cron prefix", CRON, List.of(CRON0 + "/start=\"CRON_TZ=Mars/Olympus 0 * * * *\""),
        CRONF0 + ".start: \"CRON_TZ=Mars/Olympus 0 * * * *\" is not a valid five-field cron expression: "
            + "provided bad location Mars/Olympus: unknown time zone Mars/Olympus");
    bad("cron end equal to start", CRON, List.of(CRON0 + "/end=\"0 * * * *\""),
        CRONF0 + ".end: equals start, so the rule would never be active");
    bad("unknown time zone", CRON, List.of(CRON0 + "/timeZone=\"Mars/Olympus\""),
        CRONF0 + ".timeZone: \"Mars/Olympus\" is not a known IANA time zone such as UTC or Asia/Shanghai");
    bad("offset instead of time zone", CRON, List.of(CRON0 + "/timeZone=\"+08:00\""),
        CRONF0 + ".timeZone: \"+08:00\" is not a known IANA time zone such as UTC or Asia/Shanghai");
    bad("cron replicas missing", CRON, List.of("-" + CRON0 + "/replicas"), CRONF0 + ".replicas: is required");
    bad("cron replicas negative", CRON, List.of(CRON0 + "/replicas=-1"),
        CRONF0 + ".replicas: must be at least 0, got -1");
    // Portrait type and algorithm.
    bad("missing portrait type", REACTIVE, List.of("-" + D + "/portraitType"), DF + ".portraitType: is required");
    bad("unimplemented Burst portrait", REACTIVE, List.of(D + "/portraitType=\"Burst\""),
        DF + ".portraitType: must be Reactive or Predictive, got \"Burst\"");
    bad("missing algorithm", REACTIVE, List.of("-" + D + "/algorithm"), DF + ".algorithm: is required");
    bad("missing algorithm type", REACTIVE, List.of("-" + D + "/algorithm/type"), DF + ".algorithm.type: is required");
    bad("unknown algorithm type", REACTIVE, List.of(D + "/algorithm/type=\"Magic\""),
        DF + ".algorithm.type: must be KubeHPA, KPA, ExternalJob or Forecast, got \"Magic\"");
    bad("KubeHPA on a Predictive portrait", REACTIVE, List.of(D + "/portraitType=\"Predictive\""),
        DF + ".algorithm.type: KubeHPA generates Reactive portraits, not Predictive");
    bad("KPA on a Predictive portrait", KPA, List.of(D + "/portraitType=\"Predictive\""),
        DF + ".algorithm.type: KPA generates Reactive portraits, not Predictive");
    bad("Forecast on a Reactive portrait", FORECAST, List.of(D + "/portraitType=\"Reactive\""),
        DF + ".algorithm.type: Forecast generates Predictive portraits, not Reactive",
        DF + ".metrics[1].pods.target.type: the placeholder NA is only allowed for history metrics of Predictive "
            + "portraits",
        DF + ".metrics[2].object.target.type: the placeholder NA is only allowed for history metrics of Predictive "
            + "portraits");
    bad("KubeHPA parameters on a KPA algorithm", KPA, List.of(D + "/algorithm/kubeHPA={}"),
        DF + ".algorithm.kubeHPA: must be absent for algorithm type KPA");
    bad("ExternalJob parameters on a KubeHPA algorithm", REACTIVE,
        List.of(D + "/algorithm/externalJob={\"job\":{\"type\":\"CronJob\"}}"),
        DF + ".algorithm.externalJob: must be absent for algorithm type KubeHPA");
    // KubeHPA parameters.
    bad("KubeHPA without metrics", REACTIVE, List.of("-" + D + "/metrics"),
        DF + ".metrics: the KubeHPA algorithm needs at least one metric");
    bad("sync period not a duration", REACTIVE, List.of(D + "/algorithm/kubeHPA/syncPeriod=\"fast\""),
        DF + ".algorithm.kubeHPA.syncPeriod: \"fast\" is not a duration such as 30s, 5m or 1h30m");
    bad("sync period zero", REACTIVE, List.of(D + "/algorithm/kubeHPA/syncPeriod=\"0s\""),
        DF + ".algorithm.kubeHPA.syncPeriod: must be at least 1s, got 0s");
    bad("tolerance not a decimal", REACTIVE, List.of(D + "/algorithm/kubeHPA/tolerance=\"ten percent\""),
        DF + ".algorithm.kubeHPA.tolerance: \"ten percent\" is not a decimal number");
    bad("tolerance of one", REACTIVE, List.of(D + "/algorithm/kubeHPA/tolerance=\"1\""),
        DF + ".algorithm.kubeHPA.tolerance: must be below 1, got 1");
    bad("negative tolerance", REACTIVE, List.of(D + "/algorithm/kubeHPA/tolerance=\"-0.1\""),
        DF + ".algorithm.kubeHPA.tolerance: must be at least 0, got -0.1");
    bad("negative CPU initialization period", REACTIVE,
        List.of(D + "/algorithm/kubeHPA/cpuInitializationPeriod=\"-5m\""),
        DF + ".algorithm.kubeHPA.cpuInitializationPeriod: must be at least 0s, got -5m");
    bad("readiness delay without unit", REACTIVE, List.of(D + "/algorithm/kubeHPA/initialReadinessDelay=\"30\""),
        DF + ".algorithm.kubeHPA.initialReadinessDelay: \"30\" is not a duration such as 30s, 5m or 1h30m");
    // Metric specs.
    bad("metric without type", REACTIVE, List.of("-" + M0 + "/type"),
        M0F + ".type: is required (Resource, ContainerResource, Pods, Object or External)");
    bad("Resource metric without resource member", REACTIVE, List.of("-" + M0 + "/resource"),
        M0F + ".resource: is required for type Resource");
    bad("Resource metric with a pods member", REACTIVE,
        List.of(M0 + "/pods={\"metric\":{\"name\":\"x\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":1}}"),
        M0F + ".pods: must be absent for type Resource");
    bad("resource name missing", REACTIVE, List.of("-" + M0 + "/resource/name"), M0F + ".resource.name: is required");
    bad("metric target missing", REACTIVE, List.of("-" + M0 + "/resource/target"),
        M0F + ".resource.target: is required");
    bad("target type missing", REACTIVE, List.of("-" + M0 + "/resource/target/type"),
        M0F + ".resource.target.type: is required");
    bad("unknown target type", REACTIVE, List.of(M0 + "/resource/target/type=\"Percent\""),
        M0F + ".resource.target.type: must be Utilization, Value or AverageValue, got \"Percent\"");
    bad("Utilization without averageUtilization", REACTIVE, List.of("-" + M0 + "/resource/target/averageUtilization"),
        M0F + ".resource.target.averageUtilization: is required");
    bad("zero averageUtilization", REACTIVE, List.of(M0 + "/resource/target/averageUtilization=0"),
        M0F + ".resource.target.averageUtilization: must be at least 1, got 0");
    bad("Utilization with an averageValue too", REACTIVE, List.of(M0 + "/resource/target/averageValue=\"100m\""),
        M0F + ".resource.target.averageValue: must be absent for target type Utilization");
    bad("Value target on a Resource metric", REACTIVE,
        List.of(M0 + "/resource/target={\"type\":\"Value\",\"value\":\"1\"}"),
        M0F + ".resource.target.type: Value does not apply to Resource metrics; use AverageValue or Utilization");
    bad("Utilization target on a Pods metric", KPA,
        List.of(M0 + "/pods/target={\"type\":\"Utilization\",\"averageUtilization\":50}"),
        M0F + ".pods.target.type: Utilization applies only to Resource and ContainerResource metrics");
    bad("Value target on a Pods metric", KPA, List.of(M0 + "/pods/target={\"type\":\"Value\",\"value\":\"50\"}"),
        M0F + ".pods.target.type: Value does not apply to Pods metrics; use AverageValue");
    bad("AverageValue without averageValue", KPA, List.of("-" + M0 + "/pods/target/averageValue"),
        M0F + ".pods.target.averageValue: is required");
    bad("zero averageValue", KPA, List.of(M0 + "/pods/target/averageValue=\"0\""),
        M0F + ".pods.target.averageValue: must be positive, got 0");
    bad("negative averageValue", KPA, List.of(M0 + "/pods/target/averageValue=\"-5\""),
        M0F + ".pods.target.averageValue: must be positive, got -5");
    bad("NA placeholder on a reactive metric", REACTIVE, List.of(M0 + "/resource/target={\"type\":\"NA\"}"),
        M0F + ".resource.target.type: the placeholder NA is only allowed for history metrics of Predictive portraits");
    bad("External Value target without value", QPS, List.of("-" + M0 + "/external/target/value"),
        M0F + ".external.target.value: is required");
    bad("External metric without name", QPS, List.of("-" + M0 + "/external/metric/name"),
        M0F + ".external.metric.name: is required");
    bad("External metric without identifier", QPS, List.of("-" + M0 + "/external/metric"),
        M0F + ".external.metric: is required");
    bad("Object metric without described object", PREDICTIVE, List.of("-" + D + "/metrics/2/object/describedObject"),
        DF + ".metrics[2].object.describedObject: is required");
    bad("Object metric described object without kind", PREDICTIVE,
        List.of("-" + D + "/metrics/2/object/describedObject/kind"),
        DF + ".metrics[2].object.describedObject.kind: is required");
    bad("ContainerResource metric without container", REACTIVE,
        List.of(M0 + "={\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"cpu\",\"target\":"
            + "{\"type\":\"Utilization\",\"averageUtilization\":30}}}"),
        M0F + ".containerResource.container: is required");
    bad("Pods metric without identifier", KPA, List.of("-" + M0 + "/pods/metric"), M0F + ".pods.metric: is required");
    bad("duplicate metric names", PREDICTIVE, List.of(M0 + "/name=\"qps\""),
        DF + ".metrics[2].name: duplicate metric name \"qps\"");
    // KPA parameters.
    bad("KPA target below the minimum", KPA, List.of(KPAP + "/target=\"0.001\""),
        KPAF + ".target: must be at least 0.01, got 0.001");
    bad("KPA target not a decimal", KPA, List.of(KPAP + "/target=\"many\""),
        KPAF + ".target: \"many\" is not a decimal number");
    bad("KPA target utilization zero", KPA, List.of(KPAP + "/targetUtilizationPercentage=0"),
        KPAF + ".targetUtilizationPercentage: must be at least 1, got 0");
    bad("KPA target utilization above 100", KPA, List.of(KPAP + "/targetUtilizationPercentage=101"),
        KPAF + ".targetUtilizationPercentage: must be at most 100, got 101");
    bad("stable window below 6s", KPA, List.of(KPAP + "/stableWindow=\"5s\""),
        KPAF + ".stableWindow: must be at least 6s, got 5s");
    bad("stable window above 1h", KPA, List.of(KPAP + "/stableWindow=\"1h0m1s\""),
        KPAF + ".stableWindow: must be at most 1h, got 1h0m1s");
    bad("stable window with a fraction of a second", KPA, List.of(KPAP + "/stableWindow=\"6.5s\""),
        KPAF + ".stableWindow: must be a whole number of seconds, got 6.5s");
    bad("panic window below 1 percent", KPA, List.of(KPAP + "/panicWindowPercentage=\"0.5\""),
        KPAF + ".panicWindowPercentage: must be at least 1, got 0.5");
    bad("panic window above 100 percent", KPA, List.of(KPAP + "/panicWindowPercentage=\"100.5\""),
        KPAF + ".panicWindowPercentage: must be at most 100, got 100.5");
    bad("panic threshold below 110 percent", KPA, List.of(KPAP + "/panicThresholdPercentage=\"109.9\""),
        KPAF + ".panicThresholdPercentage: must be at least 110, got 109.9");
    bad("panic threshold above 1000 percent", KPA, List.of(KPAP + "/panicThresholdPercentage=\"1001\""),
        KPAF + ".panicThresholdPercentage: must be at most 1000, got 1001");
    bad("scale-up rate of one", KPA, List.of(KPAP + "/maxScaleUpRate=\"1.0\""),
        KPAF + ".maxScaleUpRate: must be greater than 1, got 1.0");
    bad("scale-down rate below one", KPA, List.of(KPAP + "/maxScaleDownRate=\"0.5\""),
        KPAF + ".maxScaleDownRate: must be greater than 1, got 0.5");
    bad("negative scale-down delay", KPA, List.of(KPAP + "/scaleDownDelay=\"-1s\""),
        KPAF + ".scaleDownDelay: must be at least 0s, got -1s");
    bad("scale-down delay above 1h", KPA, List.of(KPAP + "/scaleDownDelay=\"61m\""),
        KPAF + ".scaleDownDelay: must be at most 1h, got 61m");
    bad("scale-down delay with milliseconds", KPA, List.of(KPAP + "/scaleDownDelay=\"1500ms\""),
        KPAF + ".scaleDownDelay: must be a whole number of seconds, got 1500ms");
    bad("burst capacity below -1", KPA, List.of(KPAP + "/targetBurstCapacity=\"-2\""),
        KPAF + ".targetBurstCapacity: must be at least -1, got -2");
    bad("burst capacity between -1 and 0", KPA, List.of(KPAP + "/targetBurstCapacity=\"-0.5\""),
        KPAF + ".targetBurstCapacity: must be at least 0, or -1 for unlimited, got -0.5");
    bad("KPA without metrics", KPA, List.of("-" + D + "/metrics"),
        DF + ".metrics: the KPA algorithm needs at least one metric");
    bad("KPA on a total Value target without its own target", KPA,
        List.of(M0 + "={\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"queue_depth\"},\"target\":"
            + "{\"type\":\"Value\",\"value\":\"100\"}}}"),
        M0F + ".external.target.type: KPA needs a per-pod target: AverageValue or Utilization here, "
            + "or algorithm.kpa.target");
    // Predictive metric conventions.
    bad("predictive with two metrics", PREDICTIVE, List.of("-" + D + "/metrics/2"),
        DF + ".metrics: a Predictive portrait needs at least three metrics: the resource target, the ready pods "
            + "and one or more traffic metrics");
    bad("predictive first metric not a resource", PREDICTIVE,
        List.of(M0 + "={\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"cpu_total\"},\"target\":"
            + "{\"type\":\"AverageValue\",\"averageValue\":\"1\"}}}"),
        M0F + ".type: the first metric of a Predictive portrait is the resource target and must be Resource or "
            + "ContainerResource, got External");
    bad("predictive second metric not Pods", PREDICTIVE,
        List.of(D + "/metrics/1={\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"ready\"},\"target\":"
            + "{\"type\":\"NA\"}}}"),
        DF + ".metrics[1].type: the second metric of a Predictive portrait counts ready pods and must be Pods, got "
            + "External");
    bad("predictive traffic metric that is a resource", PREDICTIVE,
        List.of(D + "/metrics/2={\"name\":\"mem\",\"type\":\"Resource\",\"resource\":{\"name\":\"memory\","
            + "\"target\":{\"type\":\"NA\"}}}"),
        DF + ".metrics[2].type: metrics after the second are traffic metrics and must not be Resource");
    bad("predictive traffic metric without name", PREDICTIVE, List.of("-" + D + "/metrics/2/name"),
        DF + ".metrics[2].name: traffic metrics must be named, with the names used in training");
    bad("predictive resource target as placeholder", PREDICTIVE, List.of(M0 + "/resource/target={\"type\":\"NA\"}"),
        M0F + ".resource.target.type: the placeholder NA is only allowed for history metrics of Predictive portraits");
    // ExternalJob.
    bad("ExternalJob without parameters", PREDICTIVE, List.of("-" + JOB), JOBF + ": is required");
    bad("ExternalJob without job", PREDICTIVE, List.of("-" + JOB + "/job"), JOBF + ".job: is required");
    bad("ExternalJob job without type", PREDICTIVE, List.of("-" + JOB + "/job/type"), JOBF + ".job.type: is required");
    bad("CronJob job without cronJob", PREDICTIVE, List.of("-" + JOB + "/job/cronJob"),
        JOBF + ".job.cronJob: is required for job type CronJob");
    bad("CronJob without template", PREDICTIVE, List.of("-" + TPL), JOBF + ".job.cronJob.template: is required");
    bad("CronJob without schedule", PREDICTIVE, List.of("-" + TPL + "/spec/schedule"),
        TPLF + ".spec.schedule: is required");
    bad("CronJob schedule in words", PREDICTIVE, List.of(TPL + "/spec/schedule=\"every 30 minutes\""),
        TPLF + ".spec.schedule: \"every 30 minutes\" is not a valid five-field cron expression: "
            + "expected exactly 5 fields, found 3: [every 30 minutes]");
    bad("CronJob without containers", PREDICTIVE,
        List.of("-" + TPL + "/spec/jobTemplate/spec/template/spec/containers"),
        TPLF + ".spec.jobTemplate.spec.template.spec.containers: at least one container is required "
            + "(the one named algorithm gets the default image)");
    bad("ExternalJob without result source", PREDICTIVE, List.of("-" + JOB + "/resultSource"),
        JOBF + ".resultSource: is required");
    bad("result source without type", PREDICTIVE, List.of("-" + JOB + "/resultSource/type"),
        JOBF + ".resultSource.type: is required");
    // Forecast.
    bad("forecast history in days", FORECAST, List.of(FC + "/historyLength=\"7d\""),
        FCF + ".historyLength: \"7d\" is not a duration such as 30s, 5m or 1h30m");
    bad("forecast history shorter than two seasons", FORECAST, List.of(FC + "/historyLength=\"47h59m\""),
        FCF + ".historyLength: must cover at least two seasonality periods (48h), got 47h59m");
    bad("forecast history against the default season", FORECAST,
        List.of("-" + FC + "/seasonalityPeriod", FC + "/historyLength=\"24h\""),
        FCF + ".historyLength: must cover at least two seasonality periods (48h), got 24h");
    bad("forecast step below a minute", FORECAST, List.of(FC + "/scalingFreq=\"30s\""),
        FCF + ".scalingFreq: must be at least 1m, got 30s");
    bad("forecast horizon shorter than a step", FORECAST, List.of(FC + "/forecastHorizon=\"5m\""),
        FCF + ".forecastHorizon: must be at least scalingFreq (10m), got 5m");
    bad("forecast lead as long as the horizon", FORECAST, List.of(FC + "/leadTime=\"1h\""),
        FCF + ".leadTime: must be below forecastHorizon (1h), got 1h");
    bad("forecast lead negative", FORECAST, List.of(FC + "/leadTime=\"-1m\""),
        FCF + ".leadTime: must be at least 0s, got -1m");
    bad("forecast season shorter than a step", FORECAST, List.of(FC + "/seasonalityPeriod=\"5m\""),
        FCF + ".seasonalityPeriod: must be at least scalingFreq (10m), got 5m");
    // Gray strategy.
    bad("gray without state", GRAY, List.of("-" + GRAY_DOWN + "/grayState"), GRAY_DOWNF + ".grayState: is required");
    bad("gray interval missing", GRAY, List.of("-" + GRAY_DOWN + "/changeIntervalSeconds"),
        GRAY_DOWNF + ".changeIntervalSeconds: is required");
    bad("gray interval zero", GRAY, List.of(GRAY_DOWN + "/changeIntervalSeconds=0"),
        GRAY_DOWNF + ".changeIntervalSeconds: must be at least 1, got 0");
    bad("gray percent missing", GRAY, List.of("-" + GRAY_DOWN + "/changePercent"),
        GRAY_DOWNF + ".changePercent: is required");
    bad("gray percent zero", GRAY, List.of(GRAY_DOWN + "/changePercent=0"),
        GRAY_DOWNF + ".changePercent: must be at least 1, got 0");
    bad("gray percent above 100", GRAY, List.of(GRAY_DOWN + "/changePercent=101"),
        GRAY_DOWNF + ".changePercent: must be at most 100, got 101");
    bad("negative observation", GRAY, List.of(GRAY_DOWN + "/observationSeconds=-1"),
        GRAY_DOWNF + ".observationSeconds: must be at least 0, got -1");
    bad("scale-up gray percent above 100", GRAY,
        List.of("/spec/behavior/scaleUp/grayStrategy={\"grayState\":\"Online\",\"changeIntervalSeconds\":10,"
            + "\"changePercent\":150}"),
        "spec.behavior.scaleUp.grayStrategy.changePercent: must be at most 100, got 150");
    bad("cutoff gray on a workload without pod ranking", GRAY,
        List.of("/spec/scaleTargetRef={\"apiVersion\":\"apps.kruise.io/v1alpha1\",\"kind\":\"CloneSet\","
            + "\"name\":\"nginx\"}"),
        GRAY_DOWNF + ".grayState: Cutoff needs a Deployment, StatefulSet or ReplicaSet target whose pods can be "
            + "picked, got CloneSet; use Deleted");
    // Replica profile behaviour and stability checkers.
    bad("external pod sorter", GRAY, List.of("/spec/behavior/replicaProfile/podSorter={\"type\":\"External\","
            + "\"external\":{\"name\":\"mine\"}}"),
        "spec.behavior.replicaProfile.podSorter.type: External pod sorters are not supported; use WorkloadDefault");
    bad("external traffic controller", GRAY, List.of("/spec/behavior/replicaProfile/podTrafficController="
            + "{\"type\":\"External\",\"external\":{\"name\":\"mine\"}}"),
        "spec.behavior.replicaProfile.podTrafficController.type: External pod traffic controllers are not "
            + "supported; use ReadinessGate");
    bad("metrics stability checker without metrics", GRAY,
        List.of("/spec/stabilityCheckers=[{\"type\":\"Metrics\",\"stabilizationAction\":\"Pause\"}]"),
        "spec.stabilityCheckers[0].metrics.metrics: at least one metric is required for type Metrics");
    bad("external stability checker without external", GRAY,
        List.of("/spec/stabilityCheckers=[{\"type\":\"External\",\"stabilizationAction\":\"Rollback\"}]"),
        "spec.stabilityCheckers[0].external: is required");
    bad("stability checker with negative cool-down", GRAY,
        List.of("/spec/stabilityCheckers=[{\"type\":\"External\",\"stabilizationAction\":\"Pause\","
            + "\"coolDownSeconds\":-1,\"external\":{\"name\":\"x\"}}]"),
        "spec.stabilityCheckers[0].coolDownSeconds: must be at least 0, got -1");
    bad("stability checker without action", GRAY,
        List.of("/spec/stabilityCheckers=[{\"type\":\"External\",\"external\":{\"name\":\"x\"}}]"),
        "spec.stabilityCheckers[0].stabilizationAction: is required");
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void invalidSpecIsReportedWithFieldPathAndProblem(Case c) {
    ValidationResult result = SpecValidator.validate(SpecEdits.apply(c.sample(), c.edits()));
    assertEquals(c.expected(), result.violations().stream().map(Violation::render).toList());
  }

  @org.junit.jupiter.api.Test
  void corpusCoversAtLeastSixtyCasesWithDistinctNames() {
    assertEquals(CASES.size(), CASES.stream().map(Case::name).distinct().count());
    org.junit.jupiter.api.Assertions.assertTrue(CASES.size() >= 60, "cases: " + CASES.size());
  }
}
