package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.PatchTestSchemas.CTX;
import static dev.reflex.embedded.apiserver.PatchTestSchemas.DEPLOYMENT;
import static dev.reflex.embedded.apiserver.PatchTestSchemas.INLINE_POD;
import static dev.reflex.embedded.apiserver.PatchTestSchemas.POD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrategicMergePatchTest {

  /** JSON written with single quotes, to keep the tables readable. */
  private static JsonObject j(String json) {
    return new JsonObject(json.replace('\'', '"'));
  }

  /** A Deployment whose pod template spec is {@code podSpec}. */
  private static String deployment(String podSpec) {
    return "{'metadata':{'name':'web'},'spec':{'replicas':2,'template':{'spec':" + podSpec + "}}}";
  }

  private static String containers(String list) {
    return deployment("{'containers':" + list + "}");
  }

  static Stream<Arguments> deploymentPatches() {
    return Stream.of(
        // The kubectl patch task page: the new container is merged into the list (first, without an order
        // directive), the tolerations list has no strategy and is replaced.
        Arguments.of("kubectl docs: add a container",
            deployment("{'containers':[{'name':'patch-demo-ctr','image':'nginx'}],"
                + "'tolerations':[{'effect':'NoSchedule','key':'dedicated','value':'test-team'}]}"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'patch-demo-ctr-2','image':'redis'}]}}}}",
            deployment("{'containers':[{'name':'patch-demo-ctr-2','image':'redis'},"
                + "{'name':'patch-demo-ctr','image':'nginx'}],"
                + "'tolerations':[{'effect':'NoSchedule','key':'dedicated','value':'test-team'}]}")),
        Arguments.of("kubectl docs: tolerations are replaced",
            deployment("{'containers':[{'name':'c','image':'nginx'}],"
                + "'tolerations':[{'effect':'NoSchedule','key':'dedicated','value':'test-team'}]}"),
            "{'spec':{'template':{'spec':{'tolerations':[{'effect':'NoSchedule','key':'disktype','value':'ssd'}]}}}}",
            deployment("{'containers':[{'name':'c','image':'nginx'}],"
                + "'tolerations':[{'effect':'NoSchedule','key':'disktype','value':'ssd'}]}")),
        Arguments.of("image of one container, the rest kept",
            containers("[{'name':'a','image':'a:1','ports':[{'containerPort':80}]},{'name':'b','image':'b:1'}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'a:2'}]}}}}",
            containers("[{'name':'a','image':'a:2','ports':[{'containerPort':80}]},{'name':'b','image':'b:1'}]")),
        Arguments.of("labels merge, null deletes",
            "{'metadata':{'name':'web','labels':{'app':'web','tier':'fe'},'annotations':{'a':'1'}}}",
            "{'metadata':{'labels':{'tier':null,'v':'2'}}}",
            "{'metadata':{'name':'web','labels':{'app':'web','v':'2'},'annotations':{'a':'1'}}}"),
        Arguments.of("args have no strategy: replaced",
            containers("[{'name':'a','args':['x','y']}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','args':['z']}]}}}}",
            containers("[{'name':'a','args':['z']}]")),
        // What kubectl apply (client side) sends: $setElementOrder for every merged list it touches.
        Arguments.of("apply adds a container after the others",
            containers("[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'},{'name':'c'}],"
                + "'containers':[{'name':'c','image':'c:1'}]}}}}",
            containers("[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'},{'name':'c','image':'c:1'}]")),
        Arguments.of("apply removes a container",
            containers("[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'}],"
                + "'containers':[{'$patch':'delete','name':'b'}]}}}}",
            containers("[{'name':'a','image':'a:1'}]")),
        Arguments.of("apply reorders without changing any container",
            containers("[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}}}",
            containers("[{'name':'b','image':'b:1'},{'name':'a','image':'a:1'}]")),
        Arguments.of("apply keeps a server-only container where it was",
            containers("[{'name':'a'},{'name':'sidecar','image':'s'},{'name':'b'}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'},{'name':'c'}],"
                + "'containers':[{'name':'c','image':'c:1'}]}}}}",
            containers("[{'name':'a'},{'name':'sidecar','image':'s'},{'name':'b'},{'name':'c','image':'c:1'}]")),
        Arguments.of("apply changes an env var from value to valueFrom",
            containers("[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}]}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{'name':'a',"
                + "'$setElementOrder/env':[{'name':'X'},{'name':'Y'}],'env':[{'name':'X','value':null,"
                + "'valueFrom':{'fieldRef':{'fieldPath':'metadata.name'}}}]}]}}}}",
            containers("[{'name':'a','env':[{'name':'X','valueFrom':{'fieldRef':{'fieldPath':'metadata.name'}}},"
                + "{'name':'Y','value':'2'}]}]")),
        Arguments.of("ports merge by containerPort",
            containers("[{'name':'a','ports':[{'containerPort':80,'name':'http'}]}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','$setElementOrder/ports':[{'containerPort':80},"
                + "{'containerPort':8080}],'ports':[{'containerPort':80,'protocol':'TCP'},"
                + "{'containerPort':8080,'name':'alt'}]}]}}}}",
            containers("[{'name':'a','ports':[{'containerPort':80,'name':'http','protocol':'TCP'},"
                + "{'containerPort':8080,'name':'alt'}]}]")),
        Arguments.of("volumeMounts: $patch delete by mountPath",
            containers("[{'name':'a','volumeMounts':[{'name':'d','mountPath':'/data'},{'name':'c',"
                + "'mountPath':'/c'}]}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','volumeMounts':[{'$patch':'delete',"
                + "'mountPath':'/data'}]}]}}}}",
            containers("[{'name':'a','volumeMounts':[{'name':'c','mountPath':'/c'}]}]")),
        Arguments.of("null deletes a whole list",
            containers("[{'name':'a','args':['x'],'env':[{'name':'X'}]}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':null}]}}}}",
            containers("[{'name':'a','args':['x']}]")),
        // retainKeys: kubectl apply switching RollingUpdate to Recreate
        Arguments.of("apply: RollingUpdate to Recreate",
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        Arguments.of("$retainKeys clears what it does not name even without a null",
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        Arguments.of("without $retainKeys the strategy object merges",
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate','rollingUpdate':{'maxSurge':1}}}}"),
        Arguments.of("$retainKeys in a new object is dropped with the rest of the directives",
            "{'spec':{'replicas':1}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'replicas':1,'strategy':{'type':'Recreate'}}}"),
        Arguments.of("volumes (merge,retainKeys): the source changes",
            deployment("{'volumes':[{'name':'data','emptyDir':{}},{'name':'other','emptyDir':{}}]}"),
            "{'spec':{'template':{'spec':{'volumes':[{'$retainKeys':['configMap','name'],'name':'data',"
                + "'configMap':{'name':'cm'}}]}}}}",
            deployment("{'volumes':[{'name':'data','configMap':{'name':'cm'}},{'name':'other','emptyDir':{}}]}")),
        // $patch in objects and as a list element
        Arguments.of("$patch replace in an object",
            deployment("{'nodeSelector':{'zone':'a','disk':'ssd'}}"),
            "{'spec':{'template':{'spec':{'nodeSelector':{'$patch':'replace','zone':'b'}}}}}",
            deployment("{'nodeSelector':{'zone':'b'}}")),
        Arguments.of("$patch delete in an object leaves it empty",
            "{'spec':{'selector':{'matchLabels':{'app':'web'}},'replicas':1}}",
            "{'spec':{'selector':{'$patch':'delete'}}}",
            "{'spec':{'selector':{},'replicas':1}}"),
        Arguments.of("$patch delete of an object that is not there adds nothing",
            "{'spec':{'replicas':1}}",
            "{'spec':{'selector':{'$patch':'delete'}}}",
            "{'spec':{'replicas':1}}"),
        Arguments.of("{$patch: replace} as a list element replaces the list",
            containers("[{'name':'a','image':'a:1'},{'name':'b'}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'x','image':'x:1'},{'$patch':'replace'}]}}}}",
            containers("[{'name':'x','image':'x:1'}]")),
        Arguments.of("a new element keeps none of its nulls",
            containers("[{'name':'a'}]"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'c','image':null,'args':['x']}]}}}}",
            containers("[{'name':'c','args':['x']},{'name':'a'}]")),
        // Finalizers: a list of strings merged as a set
        Arguments.of("finalizers: a new one without order goes first",
            "{'metadata':{'finalizers':['a','b']}}", "{'metadata':{'finalizers':['c']}}",
            "{'metadata':{'finalizers':['c','a','b']}}"),
        Arguments.of("finalizers: apply's order puts it last",
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$setElementOrder/finalizers':['a','b','c'],'finalizers':['c']}}",
            "{'metadata':{'finalizers':['a','b','c']}}"),
        Arguments.of("finalizers: one already there is not added twice",
            "{'metadata':{'finalizers':['a','b']}}", "{'metadata':{'finalizers':['b','a']}}",
            "{'metadata':{'finalizers':['b','a']}}"),
        Arguments.of("finalizers: $deleteFromPrimitiveList",
            "{'metadata':{'finalizers':['a','b','c']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b','x']}}",
            "{'metadata':{'finalizers':['a','c']}}"),
        Arguments.of("finalizers: apply deletes one",
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$setElementOrder/finalizers':['a'],'$deleteFromPrimitiveList/finalizers':['b']}}",
            "{'metadata':{'finalizers':['a']}}"),
        Arguments.of("$deleteFromPrimitiveList of a missing list adds nothing",
            "{'metadata':{'name':'x'}}", "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}",
            "{'metadata':{'name':'x'}}"),
        Arguments.of("ownerReferences merge by uid",
            "{'metadata':{'ownerReferences':[{'uid':'1','kind':'ReplicaSet','name':'rs'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'1','controller':true},{'uid':'2','kind':'X','name':'x'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'1','kind':'ReplicaSet','name':'rs','controller':true},"
                + "{'uid':'2','kind':'X','name':'x'}]}}"),
        // Fields the schema does not describe merge as in a JSON merge patch
        Arguments.of("unknown fields: maps merge, lists replace",
            "{'spec':{'extra':{'a':{'b':1},'list':[1,2]}}}",
            "{'spec':{'extra':{'a':{'c':2},'list':[3]}}}",
            "{'spec':{'extra':{'a':{'b':1,'c':2},'list':[3]}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentPatches")
  void patchesDeploymentsAsKubeApiserver(String name, String original, String patch, String expected) {
    JsonObject originalObject = j(original);
    JsonObject patchObject = j(patch);
    assertEquals(j(expected), StrategicMergePatch.apply(originalObject, patchObject, DEPLOYMENT, CTX));
    assertEquals(j(original), originalObject, "the original is not modified");
    assertEquals(j(patch), patchObject, "the patch is not modified");
  }

  static Stream<Arguments> podPatches() {
    return Stream.of(
        Arguments.of("status conditions merge by type",
            "{'status':{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'True'},"
                + "{'type':'Ready','status':'False','reason':'ContainersNotReady'}]}}",
            "{'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True','reason':null}]}}",
            "{'status':{'phase':'Running','conditions':[{'type':'PodScheduled','status':'True'},"
                + "{'type':'Ready','status':'True'}]}}"),
        Arguments.of("status conditions: a new type goes first without an order directive",
            "{'status':{'conditions':[{'type':'PodScheduled','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Initialized','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Initialized','status':'True'},"
                + "{'type':'PodScheduled','status':'True'}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podPatches")
  void patchesPodsAsKubeApiserver(String name, String original, String patch, String expected) {
    assertEquals(j(expected), StrategicMergePatch.apply(j(original), j(patch), POD, CTX));
  }

  @Test
  void mergeKeysCompareByValueNotByJavaType() {
    JsonObject original = j(containers("[{'name':'a','ports':[{'name':'http'}]}]"));
    original.getJsonObject("spec").getJsonObject("template").getJsonObject("spec").getJsonArray("containers")
        .getJsonObject(0).getJsonArray("ports").getJsonObject(0).put("containerPort", 80L);
    JsonObject patched = StrategicMergePatch.apply(original,
        j("{'spec':{'template':{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,"
            + "'protocol':'TCP'}]}]}}}}"),
        DEPLOYMENT, CTX);
    assertEquals(j(containers("[{'name':'a','ports':[{'name':'http','containerPort':80,'protocol':'TCP'}]}]")),
        patched);
  }

  @Test
  void inlineSchemasWithoutReferencesWork() {
    JsonObject patched = StrategicMergePatch.apply(
        j("{'spec':{'containers':[{'name':'a','args':['x']},{'name':'b'}]}}"),
        j("{'spec':{'containers':[{'name':'a','args':['y']}]}}"), INLINE_POD, SchemaContext.NONE);
    assertEquals(j("{'spec':{'containers':[{'name':'a','args':['y','x']},{'name':'b'}]}}"), patched);
  }

  @Test
  void withoutSchemaItIsAJsonMergePatchThatHonoursDirectives() {
    JsonObject patched = StrategicMergePatch.apply(
        j("{'spec':{'containers':[{'name':'a'},{'name':'b'}],'selector':{'a':'1'},'x':{'y':1}}}"),
        j("{'spec':{'containers':[{'name':'c'}],'selector':{'$patch':'replace','b':'2'},'x':{'y':null}}}"),
        null, SchemaContext.NONE);
    assertEquals(j("{'spec':{'containers':[{'name':'c'}],'selector':{'b':'2'},'x':{}}}"), patched);
  }

  static Stream<Arguments> refusedPatches() {
    return Stream.of(
        Arguments.of(containers("[{'name':'a'}]"),
            "{'spec':{'template':{'spec':{'containers':[{'image':'x'}]}}}}",
            500, "", "map: map[image:x] does not contain declared merge key: name"),
        Arguments.of(containers("[{'name':'a'}]"),
            "{'spec':{'template':{'spec':{'containers':[{'$patch':'merge','name':'a'}]}}}}",
            500, "", "merging lists cannot yet be specified in the patch"),
        Arguments.of("{'spec':{'selector':{'a':'b'}}}", "{'spec':{'selector':{'$patch':'merge'}}}",
            500, "", "unknown patch type: merge in map: map[$patch:merge]"),
        Arguments.of(containers("[{'name':'a'}]"),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'}],"
                + "'containers':[{'name':'b','image':'x'}]}}}}",
            500, "", "The order in patch list:\n[map[image:x name:b]]\n doesn't match $setElementOrder list:\n"
                + "[map[name:a]]\n"),
        Arguments.of("{'metadata':{'finalizers':['a']}}", "{'metadata':{'finalizers':[1]}}",
            500, "", "list element types are not identical: [[a] [1]]"),
        Arguments.of("{'spec':{'strategy':{'type':'RollingUpdate'}}}",
            "{'spec':{'strategy':{'$retainKeys':'type','type':'Recreate'}}}",
            400, "BadRequest", "invalid patch format of retainKeys"),
        Arguments.of("{'spec':{'strategy':{'type':'RollingUpdate'}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':{'maxSurge':1}}}}",
            400, "BadRequest", "invalid patch format of retainKeys"),
        Arguments.of("{'metadata':{'finalizers':['a']}}", "{'metadata':{'$deleteFromPrimitiveListfinalizers':['a']}}",
            400, "BadRequest", "invalid patch format of primitive list"),
        Arguments.of("{'metadata':{'finalizers':['a']}}", "{'metadata':{'$setElementOrder':['a']}}",
            400, "BadRequest", "invalid patch format of setElementOrder list"),
        Arguments.of("{'metadata':{'finalizers':[]}}", "{'metadata':{'finalizers':[['a']]}}",
            422, "Invalid", PatchException.UNPROCESSABLE_MESSAGE));
  }

  @ParameterizedTest
  @MethodSource("refusedPatches")
  void refusesAsKubeApiserver(String original, String patch, int code, String reason, String message) {
    PatchException e = assertThrows(PatchException.class,
        () -> StrategicMergePatch.apply(j(original), j(patch), DEPLOYMENT, CTX));
    assertEquals(code, e.code());
    assertEquals(reason, e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void unmappedErrorsAreBareStatuses() {
    PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(
        j(containers("[{'name':'a'}]")), j("{'spec':{'template':{'spec':{'containers':[{'image':'x'}]}}}}"),
        DEPLOYMENT, CTX));
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"map: map[image:x] does not contain declared merge key: name\",\"code\":500}"), e.status());
  }

  @Test
  void refusesAStrategyKubeCannotRead() {
    JsonObject schema = j("{'properties':{'items':{'type':'array','x-kubernetes-patch-strategy':'merge,replace'}}}");
    PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(
        j("{'items':['a']}"), j("{'items':['b']}"), schema, SchemaContext.NONE));
    assertEquals(500, e.code());
    assertEquals("unexpected patch strategy: [merge replace]", e.getMessage());
  }

  @Test
  void decodesRequestBodies() {
    assertEquals(new JsonObject(), StrategicMergePatch.decode("null"));
    assertEquals(j("{'a':1}"), StrategicMergePatch.decode("{\"a\":1}"));
    PatchException notJson = assertThrows(PatchException.class, () -> StrategicMergePatch.decode("{a"));
    assertEquals("invalid JSON patch", notJson.getMessage());
    assertEquals(400, notJson.code());
    PatchException array = assertThrows(PatchException.class, () -> StrategicMergePatch.decode("[1]"));
    assertEquals("json: cannot unmarshal array into Go value of type map[string]interface {}", array.getMessage());
    assertEquals(400, array.code());
  }
}
