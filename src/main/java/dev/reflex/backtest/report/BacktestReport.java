package dev.reflex.backtest.report;

import dev.reflex.backtest.Backtest;
import dev.reflex.backtest.Numbers;
import dev.reflex.backtest.PolicyFigures;
import dev.reflex.backtest.PolicyKind;
import dev.reflex.backtest.Timeline;
import dev.reflex.backtest.Trace;
import dev.reflex.backtest.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code report.html} and its PNG plots for a backtest run with timelines. */
public final class BacktestReport {

  /** The points each timeline keeps for the plots: about one per horizontal pixel. */
  public static final int TIMELINE_POINTS = Charts.WIDTH;

  private BacktestReport() {
  }

  /**
   * Writes the report into {@code dir} (created if missing).
   *
   * @return the files written, {@code report.html} first
   */
  public static List<Path> write(Backtest.Result result, Path dir) throws IOException {
    // The charts are drawn off screen; a machine without a display must not try to open one.
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path pods = dir.resolve("pods.png");
    Charts.pods(pods, result.timelines(), result.trace().start());
    StringBuilder plots = new StringBuilder();
    for (Map.Entry<PolicyKind, Timeline> e : result.timelines().entrySet()) {
      Path file = dir.resolve("demand-" + e.getKey().label() + ".png");
      Charts.demandAndCapacity(file, e.getKey().label(), e.getValue(), result.trace().start());
      written.add(file);
      plots.append("<img src=\"").append(file.getFileName()).append("\" alt=\"demand and serving capacity of ")
          .append(e.getKey().label()).append("\">\n");
    }
    written.add(0, pods);
    Path html = dir.resolve("report.html");
    Files.writeString(html, html(result, plots.toString()), StandardCharsets.UTF_8);
    written.add(0, html);
    return written;
  }

  private static String html(Backtest.Result result, String plots) {
    Trace t = result.trace();
    Workload w = result.workload();
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<PolicyKind, PolicyFigures> e : result.figures().entrySet()) {
      PolicyFigures f = e.getValue();
      PolicyFigures.Elasticity x = f.elasticity();
      rows.append(String.format(Locale.ROOT, "<tr><th>%s</th><td>%,.0f</td><td>%.3f %%</td><td>%,d</td>"
              + "<td>%,.0f</td><td>%,.0f</td><td>%,d</td><td>%d s / %d s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
              + "<td>%.2f</td><td>%.1f</td></tr>%n", escape(e.getKey().label()), f.unservedRequests(),
          100 * f.unservedShare(), f.underProvisionedSeconds(), f.podSeconds(), f.overProvisionedPodSeconds(),
          f.scalingActions(), f.reactions().p50Seconds(), f.reactions().p99Seconds(), x.accuracyUnder(),
          x.accuracyOver(), x.timeshareUnder(), x.timeshareOver(), x.jitterPerHour()));
    }
    long bucket = result.timelines().values().stream().findFirst().map(Timeline::bucketSeconds).orElse(1L);
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Backtest: %1$s</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}img{display:block;margin:1em 0}</style>
        </head><body>
        <h1>Backtest: %1$s</h1>
        <p>%2$,d s from %3$s, %4$,.0f requests, peak %5$,.1f rps. Workload: %6$s rps per pod, target %7$s,
        startup %8$d s ±%9$d s, %10$d..%11$d pods. Plots show means over %12$d s.</p>
        <table><tr><th>policy</th><th>unserved requests</th><th>unserved</th><th>short seconds</th>
        <th>pod-seconds</th><th>over-provisioned pod-seconds</th><th>scaling actions</th><th>reaction p50 / p99</th>
        <th>θ<sub>U</sub> %%</th><th>θ<sub>O</sub> %%</th><th>τ<sub>U</sub> %%</th><th>τ<sub>O</sub> %%</th>
        <th>jitter / h</th></tr>
        %13$s</table>
        <img src="pods.png" alt="pods of every policy over time">
        %14$s</body></html>
        """.formatted(escape(t.name()), t.seconds(), t.start(), t.totalRequests(), t.peakRps(),
        Numbers.plain(w.podCapacity()), Numbers.plain(w.target()), w.podStartup().getSeconds(),
        w.podStartupJitter().getSeconds(), w.minReplicas(), w.maxReplicas(), bucket, rows, plots);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
