package dev.reflex.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.backtest.Backtest;
import dev.reflex.backtest.PolicyKind;
import dev.reflex.backtest.Trace;
import dev.reflex.backtest.TraceParser;
import dev.reflex.backtest.Workload;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestReportTest {

  @TempDir
  Path dir;

  @Test
  void theReportHasATableRowAndAPlotPerPolicyAndThePodsPlot() throws IOException {
    double[] rps = new double[1800];
    for (int s = 0; s < rps.length; s++) {
      rps[s] = s % 600 < 300 ? 100 : 900;
    }
    Trace trace = new Trace("square<wave>.csv", TraceParser.RELATIVE_START, Duration.ofSeconds(1), rps);
    Workload workload = new Workload(100, 70, Duration.ofSeconds(10), Duration.ZERO, 1, 50, -1, 1);
    List<PolicyKind> policies = List.of(PolicyKind.REFLEX_KUBEHPA, PolicyKind.HPA);
    Backtest.Result result = Backtest.run(trace, workload, policies, null, BacktestReport.TIMELINE_POINTS, p -> { });
    List<Path> files = BacktestReport.write(result, dir.resolve("out"));
    assertEquals(List.of("report.html", "pods.png", "demand-reflex-kubehpa.png", "demand-hpa.png"),
        files.stream().map(f -> f.getFileName().toString()).toList());
    for (Path png : files.subList(1, files.size())) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, png.toString());
      assertEquals(1000, image.getWidth());
      assertEquals(360, image.getHeight());
    }
    String html = Files.readString(files.get(0));
    assertTrue(html.contains("<h1>Backtest: square&lt;wave&gt;.csv</h1>"), html);
    for (Path png : files.subList(1, files.size())) {
      assertTrue(html.contains("<img src=\"" + png.getFileName() + "\""), png.toString());
    }
    assertTrue(html.contains("<tr><th>reflex-kubehpa</th><td>"), html);
    assertTrue(html.contains("<tr><th>hpa</th><td>"), html);
    assertTrue(html.contains("Plots show means over 2 s."), html);
  }
}
