package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The IntelligentHorizontalPodAutoscaler CRD this project ships, and its cron sample, through {@code apply}. */
class SchemaValidatorCrdTest {

  private static final String KIND = "IntelligentHorizontalPodAutoscaler.autoscaling.kapacitystack.io";
  private static JsonObject schema;
  private static JsonObject sample;

  @BeforeAll
  static void load() throws IOException {
    JsonObject crd = yaml("deploy/crds/intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io-v1.yml");
    schema = crd.getJsonObject("spec").getJsonArray("versions").getJsonObject(0).getJsonObject("schema")
        .getJsonObject("openAPIV3Schema");
    sample = yaml("deploy/samples/cron-portrait-sample.yaml");
  }

  @SuppressWarnings("unchecked")
  private static JsonObject yaml(String file) throws IOException {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of(file)));
    return JsonValues.copyObject(new JsonObject((Map<String, Object>) doc));
  }

  private static SchemaValidator.Outcome apply(JsonObject object) {
    return SchemaValidator.apply(object, schema, SchemaContext.NONE);
  }

  @Test
  void theCronSampleIsValidAndComesOutWithTheDeclaredDefaults() {
    SchemaValidator.Outcome outcome = apply(sample);

    JsonObject expected = sample.copy();
    expected.getJsonObject("spec").put("scaleMode", "Auto");
    JsonArray crons = expected.getJsonObject("spec").getJsonArray("portraitProviders").getJsonObject(0)
        .getJsonObject("cron").getJsonArray("crons");
    for (int i = 0; i < crons.size(); i++) {
      crons.getJsonObject(i).put("timeZone", "UTC");
    }
    assertEquals(List.of(), outcome.errors());
    assertEquals(List.of(), outcome.unknownFields());
    assertEquals(expected, outcome.object());
  }

  @Test
  void aStringMinReplicasIsTheTypeErrorKubeAnswers() {
    JsonObject bad = sample.copy();
    bad.getJsonObject("spec").put("minReplicas", "abc");

    List<FieldError> errors = apply(bad).errors();

    assertEquals(List.of(FieldError.typeInvalid("spec.minReplicas", "string",
        "spec.minReplicas in body must be of type integer: \"string\"")), errors);
    assertEquals(new JsonObject().put("reason", "FieldValueTypeInvalid").put("message",
            "Invalid value: \"string\": spec.minReplicas in body must be of type integer: \"string\"")
        .put("field", "spec.minReplicas"), errors.get(0).cause());
    assertEquals(KIND + " \"cron-portrait-sample\" is invalid: spec.minReplicas: Invalid value: \"string\": "
        + "spec.minReplicas in body must be of type integer: \"string\"",
        SchemaValidator.invalidMessage(KIND, "cron-portrait-sample", errors));
  }

  @Test
  void unknownFieldsArePrunedAndReportedSorted() {
    JsonObject extra = sample.copy();
    extra.getJsonObject("spec").put("bogus", 1).put("another", true);
    extra.getJsonObject("spec").getJsonArray("portraitProviders").getJsonObject(0).put("weight", 3);
    extra.put("top", "x");
    extra.getJsonObject("metadata").put("colour", "blue");

    SchemaValidator.Outcome outcome = apply(extra);

    assertEquals(List.of("metadata.colour", "spec.another", "spec.bogus", "spec.portraitProviders[0].weight", "top"),
        outcome.unknownFields());
    assertEquals(List.of(), outcome.errors());
    assertEquals(apply(sample).object(), outcome.object());
  }

  @Test
  void severalErrorsCombineIntoOneBracketedMessage() {
    JsonObject bad = sample.copy();
    JsonObject spec = bad.getJsonObject("spec");
    spec.put("minReplicas", -1);
    spec.getJsonObject("scaleTargetRef").remove("name");
    spec.getJsonArray("portraitProviders").getJsonObject(0).put("type", "Weekly");
    spec.getJsonArray("portraitProviders").getJsonObject(0).getJsonObject("cron").put("crons", new JsonArray());

    List<FieldError> errors = apply(bad).errors();

    assertEquals(List.of(
        "spec.minReplicas: Invalid value: -1: spec.minReplicas in body should be greater than or equal to 0",
        "spec.portraitProviders[0].cron.crons: Invalid value: 0: spec.portraitProviders[0].cron.crons in body should "
            + "have at least 1 items",
        "spec.portraitProviders[0].type: Unsupported value: \"Weekly\": supported values: \"Cron\", \"Dynamic\", "
            + "\"Static\"",
        "spec.scaleTargetRef.name: Required value"), errors.stream().map(FieldError::message).toList());
  }

  @Test
  void aDefaultInsideAnAbsentParentIsNotApplied() {
    JsonObject withBehavior = sample.copy();
    withBehavior.getJsonObject("spec").put("behavior", new JsonObject().put("replicaProfile",
        new JsonObject().put("podSorter", new JsonObject())));

    JsonObject out = apply(withBehavior).object();

    JsonObject profile = out.getJsonObject("spec").getJsonObject("behavior").getJsonObject("replicaProfile");
    assertEquals(new JsonObject().put("podSorter", new JsonObject().put("type", "WorkloadDefault")), profile);
    assertEquals(null, apply(sample).object().getJsonObject("spec").getValue("behavior"));
  }
}
