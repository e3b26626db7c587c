package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The rows of Jobs (STATUS, COMPLETIONS, DURATION) and CronJobs (SCHEDULE … LAST SCHEDULE). */
final class JobCells {

  private JobCells() {
  }

  static TableRow row(JsonObject job, Instant now) {
    JsonObject spec = Fields.object(job, "spec");
    JsonObject status = Fields.object(job, "status");
    long succeeded = Fields.integer(status, "succeeded");
    Long completions = Fields.integerOrNull(spec, "completions");
    Long parallelism = Fields.integerOrNull(spec, "parallelism");
    if (completions == null && parallelism == null) {
      // batch/v1 defaulting sets both to 1 when neither is given.
      completions = 1L;
    }
    String completionsCell;
    if (completions != null) {
      completionsCell = succeeded + "/" + completions;
    } else if (parallelism > 1) {
      completionsCell = succeeded + "/1 of " + parallelism;
    } else {
      completionsCell = succeeded + "/1";
    }
    Instant start = Fields.time(status, "startTime");
    Instant completion = Fields.time(status, "completionTime");
    String duration = start == null ? ""
        : HumanDuration.of(Duration.between(start, completion == null ? now : completion));
    String[] containers = BuiltInColumns.containers(Fields.object(spec, "template", "spec"));
    return TableRow.of(BuiltInColumns.name(job), jobStatus(job), completionsCell, duration,
        BuiltInColumns.age(job, now), containers[0], containers[1],
        LabelFormat.selectorOrNone(Fields.objectOrNull(spec, "selector")));
  }

  private static String jobStatus(JsonObject job) {
    List<JsonObject> conditions = Fields.objects(job, "status", "conditions");
    if (conditionTrue(conditions, "Complete")) {
      return "Complete";
    }
    if (conditionTrue(conditions, "Failed")) {
      return "Failed";
    }
    if (Fields.has(job, "metadata", "deletionTimestamp")) {
      return "Terminating";
    }
    if (conditionTrue(conditions, "Suspended")) {
      return "Suspended";
    }
    if (conditionTrue(conditions, "FailureTarget")) {
      return "FailureTarget";
    }
    return "Running";
  }

  /** The first condition of that type decides, as kube's hasJobCondition does. */
  private static boolean conditionTrue(List<JsonObject> conditions, String type) {
    for (JsonObject condition : conditions) {
      if (type.equals(Fields.string(condition, "type"))) {
        return "True".equals(Fields.string(condition, "status"));
      }
    }
    return false;
  }

  static TableRow cronJobRow(JsonObject cronJob, Instant now) {
    JsonObject spec = Fields.object(cronJob, "spec");
    Instant lastSchedule = Fields.time(cronJob, "status", "lastScheduleTime");
    Object suspend = spec.getValue("suspend");
    // batch/v1 defaults suspend to false, so only a malformed object shows <unset>.
    String suspendCell = suspend == null ? "False"
        : suspend instanceof Boolean b ? (b ? "True" : "False") : "<unset>";
    JsonObject jobSpec = Fields.object(spec, "jobTemplate", "spec");
    String[] containers = BuiltInColumns.containers(Fields.object(jobSpec, "template", "spec"));
    return TableRow.of(BuiltInColumns.name(cronJob), Fields.string(spec, "schedule"),
        spec.getValue("timeZone") instanceof String zone ? zone : "<none>", suspendCell,
        (long) Fields.size(cronJob, "status", "active"),
        lastSchedule == null ? "<none>" : HumanDuration.since(lastSchedule, now), BuiltInColumns.age(cronJob, now),
        containers[0], containers[1], LabelFormat.selectorOrNone(Fields.objectOrNull(jobSpec, "selector")));
  }
}
