package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.reflex.embedded.apiserver.ServerSideApply.Applied;
import dev.reflex.embedded.apiserver.ServerSideApply.ApplyResult;
import dev.reflex.embedded.apiserver.ServerSideApply.Conflicts;
import dev.reflex.embedded.apiserver.ServerSideApply.Rejected;
import dev.reflex.embedded.apiserver.ServerSideApply.Target;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServerSideApplyTest {

  /** JSON written with single quotes, so that the tables stay readable. */
  static JsonObject j(String singleQuoted) {
    return new JsonObject(singleQuoted.replace('\'', '"'));
  }

  static final Instant T1 = Instant.parse("2026-12-02T16:30:00Z");
  static final Instant T2 = Instant.parse("2026-12-02T16:31:00Z");
  static final Instant T3 = Instant.parse("2026-12-02T16:32:00.750Z");

  /**
   * A Deployment the way kube publishes it: components and $refs (some wrapped in allOf), list extensions on the
   * property.
   */
  static final SchemaContext COMPONENTS = new SchemaContext(Map.of(
      "io.k8s.api.apps.v1.Deployment", j("{'type':'object','properties':{'apiVersion':{'type':'string'},"
          + "'kind':{'type':'string'},'metadata':{'allOf':[{'$ref':'#/components/schemas/ObjectMeta'}],'default':{}},"
          + "'spec':{'allOf':[{'$ref':'#/components/schemas/DeploymentSpec'}]},"
          + "'status':{'type':'object','properties':{'replicas':{'type':'integer'}}}}}"),
      "ObjectMeta", j("{'type':'object','properties':{'name':{'type':'string'},'namespace':{'type':'string'},"
          + "'uid':{'type':'string'},'resourceVersion':{'type':'string'},"
          + "'labels':{'type':'object','additionalProperties':{'type':'string'}},"
          + "'annotations':{'type':'object','additionalProperties':{'type':'string'}},"
          + "'managedFields':{'type':'array','items':{'type':'object'}}}}"),
      "DeploymentSpec", j("{'type':'object','properties':{'replicas':{'type':'integer'},'paused':{'type':'boolean'},"
          + "'selector':{'allOf':[{'$ref':'#/components/schemas/LabelSelector'}]},"
          + "'template':{'$ref':'#/components/schemas/PodTemplateSpec'}}}"),
      "LabelSelector", j("{'type':'object','x-kubernetes-map-type':'atomic','properties':{"
          + "'matchLabels':{'type':'object','additionalProperties':{'type':'string'}}}}"),
      "PodTemplateSpec", j("{'type':'object','properties':{'metadata':{'$ref':'#/components/schemas/ObjectMeta'},"
          + "'spec':{'$ref':'#/components/schemas/PodSpec'}}}"),
      "PodSpec", j("{'type':'object','properties':{'containers':{'type':'array',"
          + "'items':{'$ref':'#/components/schemas/Container'},'x-kubernetes-list-type':'map',"
          + "'x-kubernetes-list-map-keys':['name'],'x-kubernetes-patch-merge-key':'name',"
          + "'x-kubernetes-patch-strategy':'merge'}}}"),
      "Container", j("{'type':'object','properties':{'name':{'type':'string'},'image':{'type':'string'},"
          + "'args':{'type':'array','items':{'type':'string'}},"
          + "'env':{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'},"
          + "'value':{'type':'string'}}},'x-kubernetes-patch-merge-key':'name','x-kubernetes-patch-strategy':'merge'},"
          + "'ports':{'type':'array','items':{'$ref':'#/components/schemas/ContainerPort'},"
          + "'x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['containerPort','protocol']}}}"),
      "ContainerPort", j("{'type':'object','properties':{'containerPort':{'type':'integer'},"
          + "'protocol':{'type':'string','default':'TCP'},'name':{'type':'string'}}}")));

  static final JsonObject DEPLOYMENT = j("{'$ref':'#/components/schemas/io.k8s.api.apps.v1.Deployment'}");

  /** A custom resource's schema: inline, metadata left open, a preserve-unknown-fields part. */
  static final JsonObject WIDGET = j("{'type':'object','properties':{'apiVersion':{'type':'string'},"
      + "'kind':{'type':'string'},'metadata':{'type':'object'},"
      + "'spec':{'type':'object','properties':{'size':{'type':'integer'},"
      + "'tags':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'set'},"
      + "'extra':{'type':'object','x-kubernetes-preserve-unknown-fields':true}}},"
      + "'status':{'type':'object','properties':{'ready':{'type':'boolean'}}}}}");

  // ---------------------------------------------------------------------------------------------- scenarios

  /** One write of a scenario. */
  sealed interface Step permits ApplyStep, UpdateStep {
  }

  record ApplyStep(String manager, boolean force, JsonObject body, Instant at) implements Step {
  }

  record UpdateStep(String manager, JsonObject after, Instant at) implements Step {
  }

  static ApplyStep apply(String manager, String body, Instant at) {
    return new ApplyStep(manager, false, j(body), at);
  }

  static ApplyStep force(String manager, String body, Instant at) {
    return new ApplyStep(manager, true, j(body), at);
  }

  /** An ordinary write: the live object with {@code edit} merge-patched into it (as a controller's update is). */
  static UpdateStep update(String manager, String edit, Instant at) {
    return new UpdateStep(manager, j(edit), at);
  }

  /** RFC 7386, enough for the scenarios' edits. */
  static JsonObject mergePatch(JsonObject target, JsonObject patch) {
    for (String key : patch.fieldNames()) {
      Object value = patch.getValue(key);
      if (value == null) {
        target.remove(key);
      } else if (value instanceof JsonObject nested && target.getValue(key) instanceof JsonObject existing) {
        target.put(key, mergePatch(existing, nested));
      } else {
        target.put(key, value);
      }
    }
    return target;
  }

  static final String HEAD = "'apiVersion':'apps/v1','kind':'Deployment'";
  static final String NGINX = "{'name':'nginx','image':'nginx:1'}";

  /** Runs the steps; the last one's result is answered, earlier ones must apply. */
  static ApplyResult run(JsonObject schema, SchemaContext ctx, Target target, List<Step> steps) {
    JsonObject live = null;
    ApplyResult last = null;
    for (Step step : steps) {
      if (step instanceof ApplyStep a) {
        last = ServerSideApply.apply(live, a.body(), a.manager(), a.force(), target, schema, ctx, a.at());
        if (last instanceof Applied done) {
          live = done.object();
        }
      } else {
        UpdateStep u = (UpdateStep) step;
        JsonObject after = mergePatch(live.copy(), u.after());
        live = ServerSideApply.recordUpdate(live, after, u.manager(), "Update", "", target.apiVersion(), schema, ctx,
            u.at());
        last = new Applied(live);
      }
      if (step != steps.get(steps.size() - 1)) {
        assertInstanceOf(Applied.class, last, () -> "step " + step + " did not apply");
      }
    }
    return last;
  }

  static Stream<Arguments> deploymentScenarios() {
    return Stream.of(
        Arguments.of("the first apply creates the object, owned by its manager",
            List.of(apply("A", "{" + HEAD + ",'metadata':{'name':'web','labels':{'app':'web'}},"
                + "'spec':{'replicas':2,'template':{'spec':{'containers':[" + NGINX + "]}}}}", T1)),
            "{" + HEAD + ",'metadata':{'name':'web','labels':{'app':'web'},'managedFields':[{'manager':'A',"
                + "'operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:replicas':{},"
                + "'f:template':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{},"
                + "'f:name':{}}}}}}}}]},'spec':{'replicas':2,'template':{'spec':{'containers':[" + NGINX + "]}}}}"),

        Arguments.of("a second apply that drops fields removes them (and the emptied label map)",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web','labels':{'app':'web'}},"
                    + "'spec':{'replicas':2,'paused':false}}", T1),
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':3}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':[{'manager':'A','operation':'Apply',"
                + "'apiVersion':'apps/v1','time':'2026-12-02T16:31:00Z','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:spec':{'f:replicas':{}}}}]},'spec':{'replicas':3}}"),

        Arguments.of("forcing takes the field: the other applier loses it",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,'paused':false}}", T1),
                force("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':5}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}},"
                + "{'manager':'B','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:31:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}}]},"
                + "'spec':{'replicas':5,'paused':false}}"),

        // The object does not change, so kube renews no time: the new applier's entry has none.
        Arguments.of("applying an equal value shares the field",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,'paused':false}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'B','operation':'Apply','apiVersion':'apps/v1',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}},"
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{},'f:replicas':{}}}}]},"
                + "'spec':{'replicas':2,'paused':false}}"),

        Arguments.of("a shared field stays when one of its appliers drops it",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,'paused':false}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2}}", T2),
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'paused':false}}", T3)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'B','operation':'Apply','apiVersion':'apps/v1',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}},"
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}}]},"
                + "'spec':{'replicas':2,'paused':false}}"),

        Arguments.of("containers keyed by name merge across two managers",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':["
                    + NGINX + "]}}}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':["
                    + "{'name':'sidecar','image':'envoy:1','ports':[{'containerPort':9901}]}]}}}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:template':{'f:spec':{'f:containers':{"
                + "'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{},'f:name':{}}}}}}}},"
                + "{'manager':'B','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:31:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:template':{'f:spec':{'f:containers':{"
                + "'k:{\\'name\\':\\'sidecar\\'}':{'.':{},'f:image':{},'f:name':{},'f:ports':{"
                + "'k:{\\'containerPort\\':9901,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}}}}}}}}}]},"
                + "'spec':{'template':{'spec':{'containers':[" + NGINX + ","
                + "{'name':'sidecar','image':'envoy:1','ports':[{'containerPort':9901}]}]}}}}"),

        Arguments.of("a manager that stops applying its container removes only that container",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':["
                    + NGINX + "]}}}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'template':{'spec':{'containers':["
                    + "{'name':'sidecar','image':'envoy:1'}]}}}}", T2),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'paused':true}}", T3)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:template':{'f:spec':{'f:containers':{"
                + "'k:{\\'name\\':\\'nginx\\'}':{'.':{},'f:image':{},'f:name':{}}}}}}}},"
                + "{'manager':'B','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:32:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}}]},"
                + "'spec':{'template':{'spec':{'containers':[" + NGINX + "]}},'paused':true}}"),

        Arguments.of("a controller's update takes the field from the applier; the applier keeps the rest",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,'paused':false}}", T1),
                update("kube-controller-manager", "{'spec':{'replicas':4}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}},"
                + "{'manager':'kube-controller-manager','operation':'Update','apiVersion':'apps/v1',"
                + "'time':'2026-12-02T16:31:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}}]},"
                + "'spec':{'replicas':4,'paused':false}}"),

        Arguments.of("an applier dropping a field an updater changed leaves it (it is the updater's now)",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,'paused':false}}", T1),
                update("hpa", "{'spec':{'replicas':4}}", T2),
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'paused':false}}", T3)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}},"
                + "{'manager':'hpa','operation':'Update','apiVersion':'apps/v1',"
                + "'time':'2026-12-02T16:31:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}}]},"
                + "'spec':{'replicas':4,'paused':false}}"),

        Arguments.of("two updates by one manager are one entry; its time is the last change's",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'paused':false}}", T1),
                update("ctl", "{'spec':{'replicas':1}}", T2),
                update("ctl", "{'metadata':{'labels':{'x':'y'}}}", T3)),
            "{" + HEAD + ",'metadata':{'name':'web','labels':{'x':'y'},'managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:paused':{}}}},"
                + "{'manager':'ctl','operation':'Update','apiVersion':'apps/v1',"
                + "'time':'2026-12-02T16:32:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:labels':{"
                + "'.':{},'f:x':{}}},'f:spec':{'f:replicas':{}}}}]},"
                + "'spec':{'paused':false,'replicas':1}}"),

        Arguments.of("an atomic selector is one field, replaced whole",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'selector':{'matchLabels':{'a':'1',"
                    + "'b':'2'}}}}", T1),
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},"
                    + "'spec':{'selector':{'matchLabels':{'a':'1'}}}}", T2)),
            "{" + HEAD + ",'metadata':{'name':'web','managedFields':["
                + "{'manager':'A','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:31:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:selector':{}}}}]},"
                + "'spec':{'selector':{'matchLabels':{'a':'1'}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentScenarios")
  void deploymentScenario(String label, List<Step> steps, String expected) {
    ApplyResult result = run(DEPLOYMENT, COMPONENTS, Target.mainResource("apps/v1", "Deployment", true), steps);
    Applied applied = assertInstanceOf(Applied.class, result, () -> "got " + result);
    assertEquals(j(expected), applied.object());
  }

  static Stream<Arguments> conflictScenarios() {
    return Stream.of(
        Arguments.of("another applier's field",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':5}}", T2)),
            "Apply failed with 1 conflict: conflict with \"A\": .spec.replicas",
            "[{'reason':'FieldManagerConflict','message':'conflict with \\'A\\'','field':'.spec.replicas'}]"),
        Arguments.of("an updater's fields, grouped under it",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,"
                    + "'template':{'spec':{'containers':[" + NGINX + "]}}}}", T1),
                update("kubectl-client-side-apply", "{'spec':{'replicas':3,'template':{'spec':{'containers':["
                    + "{'name':'nginx','image':'nginx:2'}]}}}}", T2),
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2,"
                    + "'template':{'spec':{'containers':[" + NGINX + "]}}}}", T3)),
            "Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using apps/v1:\n"
                + "- .spec.replicas\n- .spec.template.spec.containers[name=\"nginx\"].image",
            "[{'reason':'FieldManagerConflict','message':'conflict with \\'kubectl-client-side-apply\\' using apps/v1',"
                + "'field':'.spec.replicas'},{'reason':'FieldManagerConflict','message':'conflict with "
                + "\\'kubectl-client-side-apply\\' using apps/v1',"
                + "'field':'.spec.template.spec.containers[name=\\'nginx\\'].image'}]"),
        Arguments.of("two owners, listed by owner",
            List.of(
                apply("A", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':2}}", T1),
                apply("B", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'paused':true}}", T1),
                apply("C", "{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':1,'paused':false}}", T2)),
            "Apply failed with 2 conflicts: conflicts with \"A\":\n- .spec.replicas\nconflicts with \"B\":\n"
                + "- .spec.paused",
            "[{'reason':'FieldManagerConflict','message':'conflict with \\'A\\'','field':'.spec.replicas'},"
                + "{'reason':'FieldManagerConflict','message':'conflict with \\'B\\'','field':'.spec.paused'}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conflictScenarios")
  void conflictsAnswer409(String label, List<Step> steps, String message, String causes) {
    ApplyResult result = run(DEPLOYMENT, COMPONENTS, Target.mainResource("apps/v1", "Deployment", true), steps);
    Conflicts conflicts = assertInstanceOf(Conflicts.class, result, () -> "got " + result);
    assertEquals(message, conflicts.message());
    JsonObject status = conflicts.status();
    assertEquals(j("{'kind':'Status','apiVersion':'v1','metadata':{},'status':'Failure','reason':'Conflict',"
        + "'code':409,'details':{'causes':" + causes + "}}").put("message", message), status);
  }

  // ---------------------------------------------------------------------------------------------- create, reject

  @Test
  void createThroughUpdateRecordsWhatTheWriterSet() {
    JsonObject created = ServerSideApply.recordUpdate(null,
        j("{" + HEAD + ",'metadata':{'name':'web','uid':'u1','labels':{'app':'web'}},'spec':{'replicas':1}}"),
        ServerSideApply.defaultManager("kubectl/v1.32.0 (linux/amd64) kubernetes/abc123"), "Update", "", "apps/v1",
        DEPLOYMENT, COMPONENTS, T1);
    assertEquals(j("{" + HEAD + ",'metadata':{'name':'web','uid':'u1','labels':{'app':'web'},'managedFields':["
        + "{'manager':'kubectl','operation':'Update','apiVersion':'apps/v1','time':'2026-12-02T16:30:00Z',"
        + "'fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:labels':{'.':{},'f:app':{}}},"
        + "'f:spec':{'.':{},'f:replicas':{}}}}]},'spec':{'replicas':1}}"), created);
  }

  @Test
  void anOwnerAWriteLeavesAloneKeepsTheStoredFieldsV1AndAnOwnerItTouchesGetsANewOne() {
    JsonObject created = ServerSideApply.recordUpdate(null,
        j("{" + HEAD + ",'metadata':{'name':'web','uid':'u1','labels':{'app':'web'}},'spec':{'replicas':1}}"),
        "kubectl", "Update", "", "apps/v1", DEPLOYMENT, COMPONENTS, T1);
    StoredObject stored = new StoredObject(created, 7, "default/web");
    JsonObject labelled = created.copy();
    labelled.getJsonObject("metadata").getJsonObject("labels").put("tier", "front");
    JsonObject afterLabel = ServerSideApply.recordStoredUpdate(stored, labelled, "labeller", "Update", "", "apps/v1",
        DEPLOYMENT, COMPONENTS, T2);
    assertSame(fieldsV1Of(created, "kubectl"), fieldsV1Of(afterLabel, "kubectl"),
        "kubectl's set is untouched, so its stored FieldsV1 is written back as it was");
    assertEquals(j("{'f:metadata':{'f:labels':{'f:tier':{}}}}"), fieldsV1Of(afterLabel, "labeller"));

    JsonObject scaled = afterLabel.copy();
    scaled.getJsonObject("spec").put("replicas", 3);
    JsonObject afterScale = ServerSideApply.recordStoredUpdate(new StoredObject(afterLabel, 8, "default/web"), scaled,
        "scaler", "Update", "", "apps/v1", DEPLOYMENT, COMPONENTS, T2);
    assertEquals(j("{'f:metadata':{'f:labels':{'.':{},'f:app':{}}},'f:spec':{}}"),
        fieldsV1Of(afterScale, "kubectl"), "spec.replicas moved to the scaler");
    assertSame(fieldsV1Of(afterLabel, "labeller"), fieldsV1Of(afterScale, "labeller"));
  }

  private static JsonObject fieldsV1Of(JsonObject object, String manager) {
    for (Object entry : object.getJsonObject("metadata").getJsonArray("managedFields")) {
      if (manager.equals(((JsonObject) entry).getString("manager"))) {
        return ((JsonObject) entry).getJsonObject("fieldsV1");
      }
    }
    throw new AssertionError("no entry of " + manager + " in " + object.encode());
  }

  @Test
  void clearedManagedFieldsStayClearedOnUpdateAndFirstApplyAttributesExistingFields() {
    JsonObject live = j("{" + HEAD + ",'metadata':{'name':'web','uid':'u1','managedFields':[{'manager':'x',"
        + "'operation':'Update','apiVersion':'apps/v1','fieldsType':'FieldsV1',"
        + "'fieldsV1':{'f:spec':{'f:paused':{}}}}]},"
        + "'spec':{'replicas':1,'paused':true}}");
    JsonObject cleared = ServerSideApply.recordUpdate(live, live.copy().put("metadata",
        live.getJsonObject("metadata").copy().put("managedFields",
            new io.vertx.core.json.JsonArray().add(new JsonObject()))),
        "kubectl-edit", "Update", "", "apps/v1", DEPLOYMENT, COMPONENTS, T2);
    assertEquals(j("{" + HEAD + ",'metadata':{'name':'web','uid':'u1'},'spec':{'replicas':1,'paused':true}}"),
        cleared);
    ApplyResult applied = ServerSideApply.apply(cleared, j("{" + HEAD + ",'metadata':{'name':'web'},"
        + "'spec':{'replicas':2}}"), "A", false, Target.mainResource("apps/v1", "Deployment", true), DEPLOYMENT,
        COMPONENTS, T3);
    Conflicts conflicts = assertInstanceOf(Conflicts.class, applied);
    assertEquals("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas",
        conflicts.message());
  }

  @Test
  void statusIsNeitherAppliedNorOwnedOnTheMainResource() {
    ApplyResult result = ServerSideApply.apply(null, j("{'apiVersion':'example.com/v1','kind':'Widget',"
            + "'metadata':{'name':'w','finalizers':['a','b']},'spec':{'size':1,'tags':['x'],'extra':{'deep':{'k':1}}},"
            + "'status':{'ready':true}}"), "ctl", false, Target.mainResource("example.com/v1", "Widget", true),
        WIDGET, SchemaContext.NONE, T1);
    Applied applied = assertInstanceOf(Applied.class, result);
    assertEquals(j("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','finalizers':['a','b'],"
        + "'managedFields':[{'manager':'ctl','operation':'Apply','apiVersion':'example.com/v1',"
        + "'time':'2026-12-02T16:30:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:finalizers':{"
        + "'v:\\'a\\'':{},'v:\\'b\\'':{}}},'f:spec':{'f:extra':{'f:deep':{'.':{},'f:k':{}}},'f:size':{},"
        + "'f:tags':{'v:\\'x\\'':{}}}}}]},'spec':{'size':1,'tags':['x'],'extra':{'deep':{'k':1}}}}"),
        applied.object());
  }

  @Test
  void statusSubresourceAppliesStatusOnly() {
    JsonObject live = ((Applied) ServerSideApply.apply(null, j("{'apiVersion':'example.com/v1','kind':'Widget',"
            + "'metadata':{'name':'w'},'spec':{'size':1}}"), "ctl", false,
        Target.mainResource("example.com/v1", "Widget", true), WIDGET, SchemaContext.NONE, T1)).object();
    ApplyResult result = ServerSideApply.apply(live, j("{'apiVersion':'example.com/v1','kind':'Widget',"
            + "'metadata':{'name':'w'},'spec':{'size':9},'status':{'ready':true}}"), "operator", false,
        Target.statusSubresource("example.com/v1", "Widget"), WIDGET, SchemaContext.NONE, T2);
    Applied applied = assertInstanceOf(Applied.class, result);
    assertEquals(j("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','managedFields':["
        + "{'manager':'ctl','operation':'Apply','apiVersion':'example.com/v1','time':'2026-12-02T16:30:00Z',"
        + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:size':{}}}},"
        + "{'manager':'operator','operation':'Apply','apiVersion':'example.com/v1','time':'2026-12-02T16:31:00Z',"
        + "'fieldsType':'FieldsV1','fieldsV1':{'f:status':{'f:ready':{}}},'subresource':'status'}]},"
        + "'spec':{'size':1},'status':{'ready':true}}"), applied.object());
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of("{'apiVersion':'apps/v1','kind':'Deploymentx','metadata':{'name':'web'}}", 400,
            "invalid object type: apps/v1, Kind=Deploymentx"),
        Arguments.of("{'apiVersion':'apps/v1beta1','kind':'Deployment','metadata':{'name':'web'}}", 400,
            "invalid object type: apps/v1beta1, Kind=Deployment"),
        Arguments.of("{'kind':'Deployment','metadata':{'name':'web'}}", 400, "invalid object type: /, Kind=Deployment"),
        Arguments.of("{" + HEAD + ",'metadata':{'name':'web','managedFields':[]}}", 400,
            "metadata.managedFields must be nil"),
        Arguments.of("{" + HEAD + ",'metadata':{'name':'web','namespace':'ns'},'spec':{'template':{'spec':{"
                + "'containers':[{'image':'x'}]}}}}", 500,
            "failed to create typed patch object (ns/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: "
                + "element 0: associative list with keys has an element that omits all key fields [\"name\"] "
                + "(and doesn't have default values for any key fields)"),
        Arguments.of("{" + HEAD + ",'metadata':{'name':'web'},'spec':{'template':{'spec':{"
                + "'containers':[{'name':'a'},{'name':'a'}]}}}}", 500,
            "failed to create typed patch object (/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: "
                + "duplicate entries for key [name=\"a\"]"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("rejections")
  void badApplyBodiesAreRejectedAsKubeDoes(String body, int code, String message) {
    ApplyResult result = ServerSideApply.apply(null, j(body), "A", false,
        Target.mainResource("apps/v1", "Deployment", true), DEPLOYMENT, COMPONENTS, T1);
    Rejected rejected = assertInstanceOf(Rejected.class, result, () -> "got " + result);
    assertEquals(code, rejected.code());
    assertEquals(message, rejected.message());
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "kubectl/v1.32.0 (linux/amd64) kubernetes/abc123|kubectl",
      "kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/abc/system:serviceaccount:kube-system:x|"
          + "kube-controller-manager",
      "Go-http-client/2.0|Go-http-client",
      "fabric8-kubernetes-client/7.3.1|fabric8-kubernetes-client",
      "no slash at all|no slash at all",
      "''|''"})
  void defaultManagerIsTheUserAgentUpToItsFirstSlash(String userAgent, String manager) {
    assertEquals(manager, ServerSideApply.defaultManager(userAgent));
  }

  @Test
  void defaultManagerDropsUnprintablesAndStopsAt128Bytes() {
    assertEquals("ab", ServerSideApply.defaultManager("a\tb\u0000/1"));
    assertEquals("x".repeat(128), ServerSideApply.defaultManager("x".repeat(200)));
  }

  @Test
  void moreThanTenUpdatersFoldTheOldestIntoAncientChanges() {
    JsonObject live = ((Applied) ServerSideApply.apply(null, j("{" + HEAD + ",'metadata':{'name':'web'}}"), "A",
        false, Target.mainResource("apps/v1", "Deployment", true), DEPLOYMENT, COMPONENTS, T1)).object();
    for (int i = 0; i < 11; i++) {
      JsonObject after = live.copy();
      JsonObject metadata = after.getJsonObject("metadata");
      JsonObject labels = metadata.getJsonObject("labels", new JsonObject());
      metadata.put("labels", labels.put("l" + i, "v"));
      live = ServerSideApply.recordUpdate(live, after, "m" + i, "Update", "", "apps/v1", DEPLOYMENT, COMPONENTS,
          T1.plusSeconds(i));
    }
    List<String> managers = live.getJsonObject("metadata").getJsonArray("managedFields").stream()
        .map(e -> ((JsonObject) e).getString("manager")).toList();
    assertEquals(List.of("ancient-changes", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"), managers);
  }

  @Test
  void kubectlTakesOverWhatItAppliedClientSideAndKeepsItsAnnotationCurrent() {
    String lastApplied = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},"
        + "\"name\":\"web\"},\"spec\":{\"replicas\":2}}\n";
    JsonObject clientSide = j("{" + HEAD + ",'metadata':{'name':'web','annotations':{}},'spec':{'replicas':2}}");
    clientSide.getJsonObject("metadata").getJsonObject("annotations").put(ServerSideApply.LAST_APPLIED, lastApplied);
    JsonObject live = ServerSideApply.recordUpdate(null, clientSide, "kubectl-client-side-apply", "Update", "",
        "apps/v1", DEPLOYMENT, COMPONENTS, T1);
    JsonObject body = j("{" + HEAD + ",'metadata':{'name':'web'},'spec':{'replicas':3}}");
    Target target = Target.mainResource("apps/v1", "Deployment", true);

    Conflicts other = assertInstanceOf(Conflicts.class,
        ServerSideApply.apply(live, body, "argocd", false, target, DEPLOYMENT, COMPONENTS, T2));
    assertEquals("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: "
        + ".spec.replicas", other.message());

    Applied kubectl = assertInstanceOf(Applied.class,
        ServerSideApply.apply(live, body, "kubectl", false, target, DEPLOYMENT, COMPONENTS, T2));
    JsonObject expected = j("{" + HEAD + ",'metadata':{'name':'web','annotations':{},'managedFields':["
        + "{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-02T16:31:00Z',"
        + "'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}},"
        + "{'manager':'kubectl-client-side-apply','operation':'Update','apiVersion':'apps/v1',"
        + "'time':'2026-12-02T16:30:00Z','fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:annotations':{"
        + "'.':{},'f:kubectl.kubernetes.io/last-applied-configuration':{}}},'f:spec':{}}}]},'spec':{'replicas':3}}");
    expected.getJsonObject("metadata").getJsonObject("annotations").put(ServerSideApply.LAST_APPLIED,
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":3}}\n");
    assertEquals(expected, kubectl.object());
  }
}
