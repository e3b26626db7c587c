package dev.reflex.backtest.report;

import dev.reflex.backtest.PolicyKind;
import dev.reflex.backtest.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's plots, each written as a PNG. */
final class Charts {

  static final int WIDTH = 1000;
  static final int HEIGHT = 360;
  private static final Color DEMAND = new Color(40, 40, 40);
  private static final Color CAPACITY = new Color(31, 119, 180);
  private static final Color UNSERVED = new Color(214, 39, 40, 150);
  private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
      new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194)};

  private Charts() {
  }

  /** Demand and serving capacity of one policy; where demand is above capacity the gap is shaded red. */
  static void demandAndCapacity(Path file, String policy, Timeline timeline, Instant start) throws IOException {
    XYSeries demand = new XYSeries("demand (rps)");
    XYSeries capacity = new XYSeries("serving capacity (rps)");
    for (Timeline.Point p : timeline.points()) {
      long x = start.plusSeconds(p.startSecond()).toEpochMilli();
      demand.add(x, p.demand());
      capacity.add(x, p.capacity());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(demand);
    data.addSeries(capacity);
    XYDifferenceRenderer renderer = new XYDifferenceRenderer(UNSERVED, new Color(0, 0, 0, 0), false);
    renderer.setSeriesPaint(0, DEMAND);
    renderer.setSeriesPaint(1, CAPACITY);
    renderer.setSeriesStroke(0, new BasicStroke(1.2f));
    renderer.setSeriesStroke(1, new BasicStroke(1.2f));
    save(file, policy + ": demand against serving capacity (unserved shaded)", "requests per second", data,
        renderer);
  }

  /** The pods of every policy over time. */
  static void pods(Path file, Map<PolicyKind, Timeline> timelines, Instant start) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    int i = 0;
    for (Map.Entry<PolicyKind, Timeline> e : timelines.entrySet()) {
      XYSeries pods = new XYSeries(e.getKey().label());
      for (Timeline.Point p : e.getValue().points()) {
        pods.add(start.plusSeconds(p.startSecond()).toEpochMilli(), p.pods());
      }
      data.addSeries(pods);
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(1.2f));
      i++;
    }
    save(file, "pods (starting and parked included)", "pods", data, renderer);
  }

  private static void save(Path file, String title, String valueLabel, XYSeriesCollection data,
      org.jfree.chart.renderer.xy.XYItemRenderer renderer) throws IOException {
    DateAxis time = new DateAxis("time (UTC)");
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    NumberAxis values = new NumberAxis(valueLabel);
    XYPlot plot = new XYPlot(data, time, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
