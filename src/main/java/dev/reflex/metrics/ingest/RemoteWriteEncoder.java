package dev.reflex.metrics.ingest;

import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.xerial.snappy.Snappy;

/** Builds remote-write bodies (snappy around a protobuf {@code WriteRequest}), as Prometheus sends them. */
public final class RemoteWriteEncoder {

  private RemoteWriteEncoder() {
  }

  /** The protobuf request for these series; labels are sorted by name, as Prometheus sorts them. */
  public static WriteRequest request(List<RawSeries> series) {
    WriteRequest.Builder request = WriteRequest.newBuilder();
    for (RawSeries s : series) {
      TimeSeries.Builder ts = TimeSeries.newBuilder();
      Integer[] order = new Integer[s.names().length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> s.names()[a].compareTo(s.names()[b]));
      for (int i : order) {
        ts.addLabels(Label.newBuilder().setName(s.names()[i]).setValue(s.values()[i]));
      }
      for (int i = 0; i < s.size(); i++) {
        ts.addSamples(Sample.newBuilder().setValue(s.samples()[i]).setTimestamp(s.timestamps()[i]));
      }
      request.addTimeseries(ts);
    }
    return request.build();
  }

  /** The snappy-compressed body for these series. */
  public static byte[] encode(List<RawSeries> series) {
    return compress(request(series).toByteArray());
  }

  /** Snappy block-format compression. */
  public static byte[] compress(byte[] raw) {
    try {
      return Snappy.compress(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One series with one sample, labels given as name, value, name, value, … */
  public static RawSeries series(long timestampMillis, double value, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    String[] names = new String[labels.length / 2];
    String[] values = new String[labels.length / 2];
    for (int i = 0; i < names.length; i++) {
      names[i] = labels[2 * i];
      values[i] = labels[2 * i + 1];
    }
    return new RawSeries(names, values, new long[] {timestampMillis}, new double[] {value});
  }
}
