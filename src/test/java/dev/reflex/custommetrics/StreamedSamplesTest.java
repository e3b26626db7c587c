package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.labels.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The newest value per series: out-of-order samples, staleness, the series bound, and discovery. */
class StreamedSamplesTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final TargetKey WEB = new TargetKey("default", "web");

  private final StreamedSamples samples = new StreamedSamples(Duration.ofSeconds(30), 3);

  @Test
  void keepsTheNewestSampleOfEachSeries() {
    samples.accept(batch("rps", sample("pod=web-0", "web-0", 2000, 10)));
    samples.accept(batch("rps", sample("pod=web-0", "web-0", 1000, 99)));
    samples.accept(batch("rps", sample("pod=web-0", "web-0", 3000, 12)));
    List<StreamedSamples.Value> values = samples.values("default", "rps", LabelSelector.EVERYTHING,
        T0.plusSeconds(5));
    assertEquals(1, values.size());
    assertEquals(12, values.get(0).value());
    assertEquals(Map.of("pod", "web-0"), values.get(0).labels());
  }

  @Test
  void staleValuesAreNotServedAndLeave() {
    samples.accept(batch("rps", sample("pod=web-0", "web-0", 0, 10), sample("pod=web-1", "web-1", 20_000, 7)));
    List<StreamedSamples.Value> values = samples.values("default", "rps", LabelSelector.EVERYTHING,
        T0.plusSeconds(40));
    assertEquals(List.of("web-1"), values.stream().map(StreamedSamples.Value::pod).toList());
    assertEquals(1, samples.held());
    samples.evictStale(T0.plusSeconds(60));
    assertEquals(0, samples.held());
    assertEquals(Set.of(), samples.names(T0.plusSeconds(60)).all());
  }

  @Test
  void theMetricSelectorPicksSeries() {
    samples.accept(batch("requests", sample("pod=web-0,code=200", "web-0", 0, 90),
        sample("pod=web-0,code=500", "web-0", 0, 3)));
    List<StreamedSamples.Value> errors = samples.values("default", "requests", LabelSelector.parse("code=500"), T0);
    assertEquals(List.of(3.0), errors.stream().map(StreamedSamples.Value::value).toList());
  }

  @Test
  void newSeriesPastTheBoundAreDroppedAndCounted() {
    samples.accept(batch("rps", sample("pod=a", "a", 0, 1), sample("pod=b", "b", 0, 1), sample("pod=c", "c", 0, 1),
        sample("pod=d", "d", 0, 1)));
    assertEquals(3, samples.held());
    assertEquals(1, samples.dropped());
    samples.accept(batch("rps", sample("pod=a", "a", 1000, 5)));
    assertEquals(1, samples.dropped(), "a series already held is still updated");
    assertEquals(5, samples.values("default", "rps", LabelSelector.parse("pod=a"), T0).get(0).value());
  }

  @Test
  void discoveryTellsPodMetricsFromWorkloadMetrics() {
    samples.accept(batch("rps", sample("pod=web-0", "web-0", 0, 1)));
    samples.accept(batch("queue_depth", sample("queue=jobs", "", 0, 40)));
    StreamedSamples.Names names = samples.names(T0);
    assertEquals(Set.of("rps"), names.podMetrics());
    assertEquals(Map.of("Deployment", Set.of("queue_depth")), names.workloadMetrics());
    assertEquals(Set.of("rps", "queue_depth"), names.all());
  }

  private static SampleMessage.Batch batch(String metric, SampleMessage.PodSample... samples) {
    return new SampleMessage.Batch(WEB, "Deployment", metric, List.of(samples), "test", T0);
  }

  private static SampleMessage.PodSample sample(String series, String pod, long offsetMillis, double value) {
    return new SampleMessage.PodSample(series, pod, T0.toEpochMilli() + offsetMillis, value);
  }
}
