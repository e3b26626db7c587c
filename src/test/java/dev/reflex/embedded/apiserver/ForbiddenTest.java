package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForbiddenTest {

  private static final UserInfo ALICE = UserInfo.of("alice");

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of(RequestAttributes.resource(ALICE, "get", "", "v1", "pods", "", "default", "x"), "",
            "pods \"x\" is forbidden: User \"alice\" cannot get resource \"pods\" in API group \"\" in the namespace "
                + "\"default\""),
        Arguments.of(RequestAttributes.resource(ALICE, "list", "", "v1", "pods", "", "default", ""), "",
            "pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace "
                + "\"default\""),
        Arguments.of(RequestAttributes.resource(ALICE, "get", "", "v1", "pods", "log", "default", "x"), "",
            "pods \"x\" is forbidden: User \"alice\" cannot get resource \"pods/log\" in API group \"\" in the "
                + "namespace \"default\""),
        Arguments.of(RequestAttributes.resource(ALICE, "list", "", "v1", "nodes", "", "", ""), "",
            "nodes is forbidden: User \"alice\" cannot list resource \"nodes\" in API group \"\" at the cluster "
                + "scope"),
        Arguments.of(RequestAttributes.resource(ALICE, "update", "apps", "v1", "deployments", "scale", "ns", "d"),
            "", "deployments.apps \"d\" is forbidden: User \"alice\" cannot update resource \"deployments/scale\" in "
                + "API group \"apps\" in the namespace \"ns\""),
        Arguments.of(RequestAttributes.nonResource(ALICE, "get", "/metrics"), "",
            "forbidden: User \"alice\" cannot get path \"/metrics\""),
        Arguments.of(RequestAttributes.resource(ALICE, "list", "", "v1", "pods", "", "default", ""),
            "RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found",
            "pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace "
                + "\"default\": RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found"),
        Arguments.of(RequestAttributes.nonResource(UserInfo.of("<b>&"), "get", "/x<y>"), "",
            "forbidden: User \"&lt;b&gt;&amp;\" cannot get path \"/x&lt;y&gt;\""));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void wordsTheRefusalAsKube(RequestAttributes a, String reason, String expected) {
    assertEquals(expected, Forbidden.message(a, reason));
  }

  @Test
  void statusCarriesTheResourceAsDetails() {
    ApiError error = Forbidden.error(
        RequestAttributes.resource(ALICE, "get", "apps", "v1", "deployments", "", "ns", "d"), "");
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"deployments.apps \\\"d\\\" is forbidden: User \\\"alice\\\" cannot get resource "
        + "\\\"deployments\\\" in API group \\\"apps\\\" in the namespace \\\"ns\\\"\",\"reason\":\"Forbidden\","
        + "\"details\":{\"name\":\"d\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":403}"), error.status());
  }

  @Test
  void unauthorizedIsKubesBareStatus() {
    assertEquals(new JsonObject("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}"), ApiError.unauthorized().status());
  }
}
