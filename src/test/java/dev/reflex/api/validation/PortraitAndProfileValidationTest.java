package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.api.v1alpha1.HorizontalPortrait;
import dev.reflex.api.v1alpha1.ReplicaProfile;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HorizontalPortraits and ReplicaProfiles are validated with the same rules, paths starting at their spec. */
class PortraitAndProfileValidationTest {

  private static final String HP = """
      {"apiVersion":"autoscaling.kapacitystack.io/v1alpha1","kind":"HorizontalPortrait",
       "metadata":{"name":"web-reactive"},
       "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},%s
         "portraitType":"Reactive","algorithm":{"type":"KubeHPA"}}}""";

  private static final String RP = """
      {"apiVersion":"autoscaling.kapacitystack.io/v1alpha1","kind":"ReplicaProfile","metadata":{"name":"web"},
       "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},%s}}""";

  static Stream<Arguments> portraits() {
    String cpu = "\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":"
        + "{\"type\":\"Utilization\",\"averageUtilization\":50}}}],";
    return Stream.of(
        Arguments.of("valid reactive portrait", cpu, List.of()),
        Arguments.of("portrait without metrics", "", List.of("spec.metrics: the KubeHPA algorithm needs at least one "
            + "metric")),
        Arguments.of("portrait with an incomplete metric", "\"metrics\":[{\"type\":\"Pods\"}],",
            List.of("spec.metrics[0].pods: is required for type Pods")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("portraits")
  void horizontalPortraitSpecIsValidated(String name, String metrics, List<String> expected) {
    HorizontalPortrait hp = Serialization.unmarshal(HP.formatted(metrics), HorizontalPortrait.class);
    assertEquals(expected, SpecValidator.validate(hp).violations().stream().map(Violation::render).toList());
  }

  static Stream<Arguments> profiles() {
    return Stream.of(
        Arguments.of("valid profile", "\"onlineReplicas\":3,\"cutoffReplicas\":2,\"standbyReplicas\":0", List.of()),
        Arguments.of("negative cutoff", "\"onlineReplicas\":3,\"cutoffReplicas\":-1",
            List.of("spec.cutoffReplicas: must be at least 0, got -1")),
        Arguments.of("external traffic controller",
            "\"behavior\":{\"podTrafficController\":{\"type\":\"External\",\"external\":{\"name\":\"x\"}}}",
            List.of("spec.behavior.podTrafficController.type: External pod traffic controllers are not supported; "
                + "use ReadinessGate")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void replicaProfileSpecIsValidated(String name, String fields, List<String> expected) {
    ReplicaProfile rp = Serialization.unmarshal(RP.formatted(fields), ReplicaProfile.class);
    assertEquals(expected, SpecValidator.validate(rp).violations().stream().map(Violation::render).toList());
  }
}
