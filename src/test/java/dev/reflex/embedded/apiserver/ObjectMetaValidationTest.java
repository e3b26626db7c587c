package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.embedded.apiserver.ObjectMetaValidation.NameRule;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ObjectMeta's checks on create and update, one row per rule, with kube-apiserver's messages. */
class ObjectMetaValidationTest {

  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
      + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
      + "[a-z0-9])?)*')";
  private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
      + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
      + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String QUALIFIED = "must consist of alphanumeric characters, '-', '_' or '.', and must start "
      + "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
      + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  static Stream<Arguments> create() {
    return Stream.of(
        Arguments.of("a valid namespaced object", "{\"name\":\"web-1.a\",\"namespace\":\"default\"}", true,
            NameRule.DNS1123_SUBDOMAIN, List.of()),
        Arguments.of("no name", "{\"namespace\":\"default\"}", true, NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.name: Required value: name or generateName is required")),
        Arguments.of("a name that is no DNS subdomain", "{\"name\":\"Foo_bar\",\"namespace\":\"default\"}", true,
            NameRule.DNS1123_SUBDOMAIN, List.of("metadata.name: Invalid value: \"Foo_bar\": " + SUBDOMAIN_MSG)),
        Arguments.of("a namespace name with a dot", "{\"name\":\"a.b\"}", false, NameRule.DNS1123_LABEL,
            List.of("metadata.name: Invalid value: \"a.b\": must not contain dots")),
        Arguments.of("a label name that is too long", "{\"name\":\"" + "a".repeat(64) + "\"}", false,
            NameRule.DNS1123_LABEL, List.of("metadata.name: Invalid value: \"" + "a".repeat(64)
                + "\": must be no more than 63 characters")),
        Arguments.of("a label name with capitals", "{\"name\":\"Web\"}", false, NameRule.DNS1123_LABEL,
            List.of("metadata.name: Invalid value: \"Web\": " + LABEL_MSG)),
        Arguments.of("a service name starting with a digit", "{\"name\":\"1web\",\"namespace\":\"d\"}", true,
            NameRule.DNS1035_LABEL, List.of("metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist "
                + "of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an "
                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?')")),
        Arguments.of("a path-segment name", "{\"name\":\"system:controller/x\"}", false, NameRule.PATH_SEGMENT,
            List.of("metadata.name: Invalid value: \"system:controller/x\": may not contain '/'")),
        Arguments.of("a generateName ending in a dash is fine", "{\"generateName\":\"web-\",\"name\":\"web-abcde\","
            + "\"namespace\":\"d\"}", true, NameRule.DNS1123_SUBDOMAIN, List.of()),
        Arguments.of("a bad generateName", "{\"generateName\":\"Web-\",\"name\":\"web-abcde\",\"namespace\":\"d\"}",
            true, NameRule.DNS1123_SUBDOMAIN, List.of("metadata.generateName: Invalid value: \"Web-\": "
                + SUBDOMAIN_MSG)),
        Arguments.of("a namespaced object without namespace", "{\"name\":\"a\"}", true, NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.namespace: Required value")),
        Arguments.of("a cluster object with a namespace", "{\"name\":\"a\",\"namespace\":\"d\"}", false,
            NameRule.DNS1123_SUBDOMAIN, List.of("metadata.namespace: Forbidden: not allowed on this type")),
        Arguments.of("a bad namespace", "{\"name\":\"a\",\"namespace\":\"Default\"}", true, NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.namespace: Invalid value: \"Default\": " + LABEL_MSG)),
        Arguments.of("a negative generation", "{\"name\":\"a\",\"generation\":-1}", false,
            NameRule.DNS1123_SUBDOMAIN, List.of("metadata.generation: Invalid value: -1: must be greater than or "
                + "equal to 0")),
        Arguments.of("a bad label key and value", "{\"name\":\"a\",\"labels\":{\"-x\":\"ok\",\"app\":\"a b\"}}", false,
            NameRule.DNS1123_SUBDOMAIN, List.of("metadata.labels: Invalid value: \"-x\": name part " + QUALIFIED,
                "metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of "
                    + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                    + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                    + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        Arguments.of("a label key with a bad prefix", "{\"name\":\"a\",\"labels\":{\"Example.com/app\":\"x\"}}",
            false, NameRule.DNS1123_SUBDOMAIN, List.of("metadata.labels: Invalid value: \"Example.com/app\": "
                + "prefix part " + SUBDOMAIN_MSG)),
        Arguments.of("annotations over 256 KiB", "{\"name\":\"a\",\"annotations\":{\"k\":\"" + "x".repeat(262144)
            + "\"}}", false, NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.annotations: Too long: may not be more than 262144 bytes")),
        Arguments.of("an annotation key with two slashes", "{\"name\":\"a\",\"annotations\":{\"a/b/c\":\"\"}}", false,
            NameRule.DNS1123_SUBDOMAIN, List.of("metadata.annotations: Invalid value: \"a/b/c\": a qualified name "
                + QUALIFIED + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
        Arguments.of("an owner reference missing its parts", "{\"name\":\"a\",\"ownerReferences\":[{\"apiVersion\":"
            + "\"apps/\"}]}", false, NameRule.DNS1123_SUBDOMAIN, List.of(
                "metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": kind must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": name must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": uid must not be empty")),
        Arguments.of("both deletion finalizers", "{\"name\":\"a\",\"finalizers\":[\"orphan\",\"foregroundDeletion\"]}",
            false, NameRule.DNS1123_SUBDOMAIN, List.of("metadata.finalizers: Invalid value: []string{\"orphan\", "
                + "\"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set")),
        Arguments.of("a managed fields entry with a bad operation", "{\"name\":\"a\",\"managedFields\":[{\"manager\":"
            + "\"m\",\"operation\":\"Patch\"}]}", false, NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.managedFields[0].operation: Invalid value: \"Patch\": must be `Apply` or `Update`")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("create")
  void createChecks(String rule, String metadata, boolean namespaced, NameRule nameRule, List<String> messages) {
    assertEquals(messages, ObjectMetaValidation.validate(new JsonObject(metadata), namespaced, nameRule).stream()
        .map(FieldError::message).toList());
  }

  static Stream<Arguments> update() {
    String old = "{\"name\":\"a\",\"namespace\":\"d\",\"uid\":\"u1\",\"resourceVersion\":\"5\",\"generation\":2,"
        + "\"creationTimestamp\":\"2024-01-02T03:04:05Z\"}";
    return Stream.of(
        Arguments.of("nothing changed", old, old, List.of()),
        Arguments.of("the name changed", old, old.replace("\"name\":\"a\"", "\"name\":\"b\""),
            List.of("metadata.name: Invalid value: \"b\": field is immutable")),
        Arguments.of("the namespace changed", old, old.replace("\"namespace\":\"d\"", "\"namespace\":\"e\""),
            List.of("metadata.namespace: Invalid value: \"e\": field is immutable")),
        Arguments.of("the uid changed", old, old.replace("u1", "u2"),
            List.of("metadata.uid: Invalid value: \"u2\": field is immutable")),
        Arguments.of("the creation time changed", old, old.replace("03:04:05", "03:04:06"),
            List.of("metadata.creationTimestamp: Invalid value: 2024-01-02 03:04:06 +0000 UTC: field is immutable")),
        Arguments.of("a deletion time appeared", old,
            old.replace("}", ",\"deletionTimestamp\":\"2024-01-03T00:00:00Z\"}"),
            List.of("metadata.deletionTimestamp: Invalid value: 2024-01-03 00:00:00 +0000 UTC: field is immutable")),
        Arguments.of("no resourceVersion", old, old.replace("\"resourceVersion\":\"5\",", ""),
            List.of("metadata.resourceVersion: Invalid value: \"\": must be specified for an update")),
        Arguments.of("a lower generation", old, old.replace("\"generation\":2", "\"generation\":1"),
            List.of("metadata.generation: Invalid value: 1: must not be decremented")),
        Arguments.of("a new finalizer while deleting",
            old.replace("}", ",\"deletionTimestamp\":\"2024-01-03T00:00:00Z\""
                + ",\"finalizers\":[\"a.io/x\"]}"),
            old.replace("}", ",\"deletionTimestamp\":\"2024-01-03T00:00:00Z\",\"finalizers\":[\"a.io/x\",\"b.io/y\"]}"),
            List.of("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, "
                + "found new finalizers []string{\"b.io/y\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("update")
  void updateChecks(String rule, String oldMetadata, String newMetadata, List<String> messages) {
    assertEquals(messages, ObjectMetaValidation.validateUpdate(new JsonObject(newMetadata),
        new JsonObject(oldMetadata)).stream().map(FieldError::message).toList());
  }

  @Test
  void typeMetaMustBeTheServedKindAndVersion() {
    JsonObject object = new JsonObject().put("apiVersion", "autoscaling.kapacitystack.io/v1").put("kind", "Ihpa");
    assertEquals(List.of("kind: Invalid value: \"Ihpa\": must be IntelligentHorizontalPodAutoscaler",
            "apiVersion: Invalid value: \"autoscaling.kapacitystack.io/v1\": must be "
                + "autoscaling.kapacitystack.io/v1alpha1"),
        ObjectMetaValidation.validateTypeMeta(object, "autoscaling.kapacitystack.io/v1alpha1",
            "IntelligentHorizontalPodAutoscaler").stream().map(FieldError::message).toList());
  }

  @Test
  void kindsGetKubesNameRules() {
    assertEquals(List.of(NameRule.DNS1123_LABEL, NameRule.DNS1035_LABEL, NameRule.PATH_SEGMENT,
            NameRule.DNS1123_SUBDOMAIN, NameRule.DNS1123_SUBDOMAIN),
        List.of(ObjectMetaValidation.nameRuleFor("", "Namespace"), ObjectMetaValidation.nameRuleFor("", "Service"),
            ObjectMetaValidation.nameRuleFor("rbac.authorization.k8s.io", "ClusterRole"),
            ObjectMetaValidation.nameRuleFor("", "Pod"),
            ObjectMetaValidation.nameRuleFor("autoscaling.kapacitystack.io", "IntelligentHorizontalPodAutoscaler")));
  }
}
