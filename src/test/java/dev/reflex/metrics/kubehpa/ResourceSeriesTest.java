package dev.reflex.metrics.kubehpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceSeriesTest {

  @Test
  void entriesMapResourcesToTheirStreamedGauges() {
    ResourceSeries series = ResourceSeries.parse(List.of("cpu=cpu_usage_cores", " memory = pod_memory_bytes "));
    assertEquals(Optional.of("cpu_usage_cores"), series.seriesOf("cpu"));
    assertEquals(Optional.of("pod_memory_bytes"), series.seriesOf("memory"));
    assertTrue(series.seriesOf("ephemeral-storage").isEmpty());
    assertTrue(ResourceSeries.parse(List.of()).seriesOf("cpu").isEmpty(), "empty: everything polled");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cpu", "=cpu_usage_cores", "cpu=", "cpu=a,cpu=b"})
  void malformedEntriesAreRefusedNamingTheEntry(String entries) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResourceSeries.parse(List.of(entries.split(","))));
    assertTrue(e.getMessage().contains("cpu"), e.getMessage());
  }
}
