package dev.reflex.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The design's rules, checked on the product's classes: decision cores are pure (no Vert.x, no fabric8), time
 * comes from an injected Clock, and nothing maps through the Jackson the jar does not ship. Only the composition
 * roots that build the object graph for a real process may read the system clock, each for the default it hands
 * down.
 */
class ClockAndLayersTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.reflex");

  /** Where a process starts and picks the real clock for everything it builds. */
  private static final Set<String> COMPOSITION_ROOTS = Set.of(
      "dev.reflex.app.ReflexApp",
      "dev.reflex.cli.ServerCommand",
      "dev.reflex.cli.WriteCommand",
      "dev.reflex.metrics.prometheus.PrometheusMetricHistory",
      "dev.reflex.metrics.load.LoadGenerator");

  @Test
  void decisionCoresDependOnNeitherVertxNorFabric8() {
    noClasses().that().resideInAPackage("dev.reflex.core..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.fabric8..")
        .because("decision cores are pure functions: plans in, plans out")
        .check(PRODUCT);
  }

  @Test
  void backtestsRunInVirtualTimeWithoutVertxOrFabric8() {
    noClasses().that().resideInAPackage("dev.reflex.backtest..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.fabric8..")
        .because("a backtest is a function of its trace, workload and policies, run on the production cores")
        .check(PRODUCT);
  }

  @Test
  void timeComesFromAnInjectedClock() {
    noClasses().that(DescribedPredicate.not(compositionRoot()))
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(OffsetDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .because("a test must be able to step time, and a decision must be replayable")
        .check(PRODUCT);
  }

  @Test
  void noMappingThroughJacksonTwoWhichTheJarDoesNotShip() {
    // fabric8 8 brings Jackson 3 (tools.jackson); Jackson 2's databind is on the tests' classpath only (through a
    // test dependency), so Vert.x's bean mapping works in every test and fails in the shipped jar.
    noClasses().should().callMethod(JsonObject.class, "mapTo", Class.class)
        .orShould().callMethod(JsonObject.class, "mapFrom", Object.class)
        .orShould().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
        .because("the typed model is read with fabric8's KubernetesSerialization (Jackson 3), which the jar ships")
        .check(PRODUCT);
  }

  private static DescribedPredicate<JavaClass> compositionRoot() {
    return DescribedPredicate.describe("a composition root", c -> COMPOSITION_ROOTS.contains(c.getName())
        || c.getEnclosingClass().map(outer -> COMPOSITION_ROOTS.contains(outer.getName())).orElse(false));
  }
}
