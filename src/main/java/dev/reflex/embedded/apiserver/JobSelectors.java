package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.child;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The selector the Job registry generates on create unless {@code spec.manualSelector} is true: the pod template is
 * labelled with the Job's name and uid (each under its current and its legacy key) and the selector picks the uid,
 * so a Job's pods can never be confused with another Job's of the same name.
 */
public final class JobSelectors {

  public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  public static final String LEGACY_CONTROLLER_UID = "controller-uid";
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";
  public static final String LEGACY_JOB_NAME = "job-name";

  private JobSelectors() {
  }

  /**
   * A copy of the Job with the generated selector and template labels; labels the user set are kept (a clash then
   * fails validation, as in kube). Call it between two {@link BuiltInDefaults#apply} passes: the second copies the
   * now complete template labels onto a Job that has none, as kube's read back from storage does.
   */
  public static JsonObject generate(JsonObject job, String uid) {
    JsonObject out = job.copy();
    JsonObject spec = child(out, "spec");
    if (Boolean.TRUE.equals(spec.getValue("manualSelector"))) {
      return out;
    }
    String name = JsonNodes.string(JsonNodes.object(out, "metadata"), "name");
    JsonObject labels = child(child(child(spec, "template"), "metadata"), "labels");
    for (String key : List.of(LEGACY_JOB_NAME, JOB_NAME)) {
      JsonNodes.defaultValue(labels, key, name);
    }
    for (String key : List.of(LEGACY_CONTROLLER_UID, CONTROLLER_UID)) {
      JsonNodes.defaultValue(labels, key, uid);
    }
    JsonNodes.defaultValue(child(child(spec, "selector"), "matchLabels"), CONTROLLER_UID, uid);
    return out;
  }
}
