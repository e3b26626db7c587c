package dev.reflex.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How resource usage follows traffic ("traffic-driven replica prediction"): usage per replica = {@code baseline} +
 * sum of {@code perTraffic[i]} x traffic[i] per replica, fitted by least squares over the history with
 * non-negative coefficients. Total usage is then {@code baseline * r + sum(perTraffic[i] * traffic[i])}, so the
 * fewest replicas that keep usage per replica at the target are
 * {@code ceil(sum(perTraffic[i] * traffic[i]) / (target - baseline))}.
 *
 * <p>Example: baseline 0.05 cores per pod, 0.01 cores per request/s, target 0.5 cores: 200 requests/s need
 * 2 / 0.45 = 4.4, so 5 replicas.
 *
 * @param baseline usage of one replica without traffic, not negative
 * @param perTraffic usage per unit of each traffic metric, not negative
 * @param rSquared share of the variance of usage per replica the model explains (diagnostic)
 * @param samples history points the fit used
 */
public record ReplicaModel(double baseline, List<Double> perTraffic, double rSquared, int samples) {

  public ReplicaModel {
    perTraffic = List.copyOf(perTraffic);
  }

  /**
   * The fewest replicas for total traffic {@code traffic} at per-replica {@code target}.
   *
   * @throws IllegalArgumentException when the target is not above the per-replica baseline
   */
  public int replicasFor(double[] traffic, double target) {
    if (target <= baseline) {
      throw new IllegalArgumentException("metrics[0] target " + target + " is not above the usage of an idle replica ("
          + baseline + "): no replica count reaches it");
    }
    double work = 0;
    for (int i = 0; i < traffic.length; i++) {
      work += perTraffic.get(i) * Math.max(0, traffic[i]);
    }
    // A small tolerance so 4.0000000001 from rounding stays 4.
    return (int) Math.ceil(work / (target - baseline) - 1e-9);
  }

  /** Fits the model on the history points where replicas, usage and every traffic value are known. */
  static ReplicaModel fit(List<double[]> traffic, double[] usage, double[] replicas) {
    int k = traffic.size();
    List<double[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int t = 0; t < usage.length; t++) {
      double r = replicas[t];
      if (!(r > 0) || !Double.isFinite(usage[t])) {
        continue;
      }
      double[] row = new double[k + 1];
      row[0] = 1;
      boolean ok = true;
      for (int i = 0; i < k; i++) {
        double x = traffic.get(i)[t];
        ok &= Double.isFinite(x);
        row[i + 1] = x / r;
      }
      if (ok) {
        rows.add(row);
        ys.add(usage[t] / r);
      }
    }
    if (rows.size() < k + 2) {
      throw new IllegalArgumentException("history: only " + rows.size() + " points have traffic, usage and ready "
          + "replicas together; at least " + (k + 2) + " are needed");
    }
    // Active set: a coefficient that comes out negative is pinned to 0 and the rest refitted.
    boolean[] active = new boolean[k + 1];
    Arrays.fill(active, true);
    double[] beta = null;
    for (int round = 0; round <= k + 1; round++) {
      beta = leastSquares(rows, ys, active);
      int worst = -1;
      for (int j = 0; j <= k; j++) {
        if (active[j] && beta[j] < 0 && (worst < 0 || beta[j] < beta[worst])) {
          worst = j;
        }
      }
      if (worst < 0) {
        break;
      }
      active[worst] = false;
    }
    double mean = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ssTot = 0;
    double ssRes = 0;
    for (int t = 0; t < rows.size(); t++) {
      double predicted = 0;
      for (int j = 0; j <= k; j++) {
        predicted += beta[j] * rows.get(t)[j];
      }
      ssRes += Math.pow(ys.get(t) - predicted, 2);
      ssTot += Math.pow(ys.get(t) - mean, 2);
    }
    List<Double> per = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      per.add(Math.max(0, beta[i]));
    }
    return new ReplicaModel(Math.max(0, beta[0]), per, ssTot == 0 ? 1 : 1 - ssRes / ssTot, rows.size());
  }

  // Normal equations with a tiny ridge for collinear traffic metrics; inactive coefficients are 0.
  private static double[] leastSquares(List<double[]> rows, List<Double> ys, boolean[] active) {
    int p = active.length;
    double[][] a = new double[p][p + 1];
    for (int t = 0; t < rows.size(); t++) {
      double[] row = rows.get(t);
      for (int i = 0; i < p; i++) {
        if (!active[i]) {
          continue;
        }
        for (int j = 0; j < p; j++) {
          if (active[j]) {
            a[i][j] += row[i] * row[j];
          }
        }
        a[i][p] += row[i] * ys.get(t);
      }
    }
    for (int i = 0; i < p; i++) {
      if (active[i]) {
        a[i][i] += 1e-9 * (1 + a[i][i]);
      } else {
        a[i][i] = 1;
        a[i][p] = 0;
      }
    }
    // Gaussian elimination with partial pivoting.
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[pivot];
      a[pivot] = tmp;
      if (Math.abs(a[c][c]) < 1e-300) {
        continue;
      }
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int j = c; j <= p; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[] beta = new double[p];
    for (int i = 0; i < p; i++) {
      beta[i] = Math.abs(a[i][i]) < 1e-300 ? 0 : a[i][p] / a[i][i];
    }
    return beta;
  }
}
