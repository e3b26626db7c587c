package dev.reflex.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The condition message an invalid IHPA shows names each field path and problem, and stays bounded. */
class ValidationResultTest {

  @Test
  void oneViolationRendersAsFieldAndProblem() {
    var result = SpecValidator.validate(SpecEdits.apply("gray-strategy-sample.yaml",
        List.of("/spec/minReplicas=5", "/spec/maxReplicas=4")));
    assertFalse(result.valid());
    assertEquals("invalid spec: spec.maxReplicas: must not be less than minReplicas (5), got 4",
        result.conditionMessage());
    assertEquals("ScalingActive", ValidationResult.CONDITION_TYPE);
    assertEquals("InvalidSpec", ValidationResult.REASON);
  }

  @Test
  void severalViolationsAreJoinedInSpecOrder() {
    var result = SpecValidator.validate(SpecEdits.apply("gray-strategy-sample.yaml",
        List.of("-/spec/scaleTargetRef/kind", "/spec/behavior/scaleDown/grayStrategy/changePercent=0")));
    assertEquals("invalid spec: spec.scaleTargetRef.kind: is required; "
        + "spec.behavior.scaleDown.grayStrategy.changePercent: must be at least 1, got 0", result.conditionMessage());
  }

  @Test
  void manyViolationsAreSummarisedAfterTheFirstFive() {
    List<Violation> seven = IntStream.range(0, 7).mapToObj(i -> new Violation("spec.f" + i, "bad")).toList();
    assertEquals("invalid spec: spec.f0: bad; spec.f1: bad; spec.f2: bad; spec.f3: bad; spec.f4: bad; and 2 more",
        new ValidationResult(seven).conditionMessage());
  }

  @Test
  void missingSpecIsReported() {
    assertEquals(List.of(new Violation("spec", "is required")),
        SpecValidator.validate((dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler) null).violations());
  }
}
