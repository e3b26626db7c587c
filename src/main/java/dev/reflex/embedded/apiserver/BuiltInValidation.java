package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;

import dev.reflex.core.portrait.CronSyntax;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * kube-apiserver's validation of built-in kinds, for what autoscalers, kubectl and the HPA walkthrough run into:
 * workload selectors and templates, containers and ports, Services, HPAs, Jobs and CronJobs, Leases, and the
 * update rules on selectors. Messages and field paths are kube's. Call it on the defaulted object (kube validates
 * after defaulting, so a missing {@code restartPolicy} is already {@code Always}); metadata (names, labels,
 * resourceVersion) is the server core's to check.
 */
public final class BuiltInValidation {

  private static final List<String> CONCURRENCY_POLICIES = List.of("Allow", "Forbid", "Replace");
  private static final List<String> JOB_RESTART_POLICIES = List.of("OnFailure", "Never");

  private BuiltInValidation() {
  }

  /**
   * The field errors of {@code object}, empty when valid or when the kind has no rules here.
   *
   * @param oldObject the stored object on update, null on create
   */
  public static List<FieldError> validate(String group, String kind, JsonObject object, JsonObject oldObject) {
    List<FieldError> errors = new ArrayList<>();
    switch (group + "/" + kind) {
      case "/Pod" -> errors.addAll(PodSpecValidation.validate(object(object, "spec"), "spec"));
      case "/Service" -> errors.addAll(ServiceValidation.validate(object));
      case "apps/Deployment" -> {
        errors.addAll(WorkloadValidation.deployment(object));
        if (oldObject != null) {
          errors.addAll(WorkloadValidation.selectorImmutable(object, oldObject, "spec.selector"));
        }
      }
      case "apps/ReplicaSet" -> {
        errors.addAll(WorkloadValidation.replicaSet(object));
        if (oldObject != null) {
          errors.addAll(WorkloadValidation.selectorImmutable(object, oldObject, "spec.selector"));
        }
      }
      case "apps/DaemonSet" -> {
        errors.addAll(WorkloadValidation.daemonSet(object));
        if (oldObject != null) {
          errors.addAll(WorkloadValidation.selectorImmutable(object, oldObject, "spec.selector"));
        }
      }
      case "apps/StatefulSet" -> {
        errors.addAll(WorkloadValidation.statefulSet(object));
        if (oldObject != null) {
          errors.addAll(WorkloadValidation.statefulSetUpdate(object, oldObject));
        }
      }
      case "batch/Job" -> {
        errors.addAll(job(object));
        if (oldObject != null) {
          errors.addAll(WorkloadValidation.selectorImmutable(object, oldObject, "spec.selector"));
        }
      }
      case "batch/CronJob" -> errors.addAll(cronJob(object, oldObject));
      case "autoscaling/HorizontalPodAutoscaler" -> {
        // kube validates the internal (v2-shaped) object whichever version came in
        JsonObject v2 = "autoscaling/v1".equals(object.getString("apiVersion")) ? HpaConversion.toV2(object) : object;
        errors.addAll(HpaValidation.validateSpec(object(v2, "spec")));
      }
      case "coordination.k8s.io/Lease" -> errors.addAll(lease(object));
      default -> {
        // nothing kind-specific to check
      }
    }
    return errors;
  }

  private static List<FieldError> job(JsonObject job) {
    JsonObject spec = object(job, "spec") == null ? new JsonObject() : job.getJsonObject("spec");
    List<FieldError> errors = jobSpec(spec, "spec");
    JsonObject selector = object(spec, "selector");
    if (selector == null) {
      errors.add(FieldError.required("spec.selector", ""));
    } else {
      errors.addAll(SelectorChecks.validate(selector, "spec.selector"));
    }
    if (selector != null) {
      // a nil selector converts without error in kube but is already reported; a set one must match the pods
      WorkloadValidation.templateLabels(selector, object(spec, "template"), errors);
    }
    return errors;
  }

  /** What a Job's spec and a CronJob's job template share. */
  private static List<FieldError> jobSpec(JsonObject spec, String path) {
    List<FieldError> errors = new ArrayList<>();
    for (String key : List.of("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
        "ttlSecondsAfterFinished")) {
      nonNegative(spec, key, path + "." + key, errors);
    }
    JsonObject podSpec = JsonNodes.path(spec, "template", "spec");
    errors.addAll(PodSpecValidation.validate(podSpec, path + ".template.spec"));
    String restartPolicy = JsonNodes.string(podSpec, "restartPolicy");
    if (!JOB_RESTART_POLICIES.contains(restartPolicy)) {
      errors.add(FieldError.notSupported(path + ".template.spec.restartPolicy", restartPolicy, JOB_RESTART_POLICIES));
    }
    return errors;
  }

  private static List<FieldError> cronJob(JsonObject cronJob, JsonObject oldCronJob) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject spec = object(cronJob, "spec") == null ? new JsonObject() : cronJob.getJsonObject("spec");
    String schedule = JsonNodes.string(spec, "schedule");
    if (schedule.isEmpty()) {
      errors.add(FieldError.required("spec.schedule", ""));
    } else {
      CronSyntax.problem(schedule)
          .ifPresent(problem -> errors.add(FieldError.invalid("spec.schedule", schedule, problem)));
      // TZ in the schedule is only tolerated on objects that already had it
      boolean allowTz = JsonNodes.string(JsonNodes.object(oldCronJob, "spec"), "schedule").contains("TZ");
      if (allowTz && schedule.contains("TZ") && spec.getValue("timeZone") != null) {
        errors.add(FieldError.invalid("spec.schedule", schedule,
            "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
      } else if (!allowTz && schedule.contains("TZ")) {
        errors.add(FieldError.invalid("spec.schedule", schedule,
            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
      }
    }
    nonNegative(spec, "startingDeadlineSeconds", "spec.startingDeadlineSeconds", errors);
    String policy = JsonNodes.string(spec, "concurrencyPolicy");
    if (policy.isEmpty()) {
      errors.add(FieldError.required("spec.concurrencyPolicy", ""));
    } else if (!CONCURRENCY_POLICIES.contains(policy)) {
      errors.add(FieldError.notSupported("spec.concurrencyPolicy", policy, CONCURRENCY_POLICIES));
    }
    JsonObject jobSpec = JsonNodes.path(spec, "jobTemplate", "spec");
    errors.addAll(jobSpec(jobSpec == null ? new JsonObject() : jobSpec, "spec.jobTemplate.spec"));
    JsonObject selector = object(jobSpec, "selector");
    if (selector != null) {
      errors.add(FieldError.invalid("spec.jobTemplate.spec.selector", GoValues.labelSelector(selector),
          "`selector` will be auto-generated"));
    }
    if (jobSpec != null && Boolean.TRUE.equals(jobSpec.getValue("manualSelector"))) {
      errors.add(FieldError.notSupported("spec.jobTemplate.spec.manualSelector", true, List.of("nil", "false")));
    }
    nonNegative(spec, "successfulJobsHistoryLimit", "spec.successfulJobsHistoryLimit", errors);
    nonNegative(spec, "failedJobsHistoryLimit", "spec.failedJobsHistoryLimit", errors);
    return errors;
  }

  private static List<FieldError> lease(JsonObject lease) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject spec = object(lease, "spec");
    if (spec != null && spec.getValue("leaseDurationSeconds") instanceof Number n && n.longValue() <= 0) {
      errors.add(FieldError.invalid("spec.leaseDurationSeconds", n, "must be greater than 0"));
    }
    if (spec != null && spec.getValue("leaseTransitions") instanceof Number n && n.longValue() < 0) {
      errors.add(FieldError.invalid("spec.leaseTransitions", n, "must be greater than or equal to 0"));
    }
    return errors;
  }

  private static void nonNegative(JsonObject spec, String key, String path, List<FieldError> errors) {
    if (spec != null) {
      WorkloadValidation.nonNegative(spec, key, path, errors);
    }
  }
}
