package dev.reflex.core.forecast;

/**
 * Additive Holt-Winters (level + trend + season) for one series with season length {@code m} steps.
 *
 * <p>Initial state from the history itself: the level is the first period's mean, the trend the change of the
 * period means per step, and each seasonal index the average deviation of that phase from its period's mean over
 * all whole periods, smoothed over neighbouring phases (about 1% of the period each side) because per-phase
 * averages of noisy 1-minute data are themselves noisy. Example: m = 1440 (a day of minutes) and 7 days give each
 * raw index as the mean of 7 deviations, then averaged over 29 neighbouring minutes.
 *
 * <p>Smoothing parameters are picked from a small grid by the error of forecasts {@code h} steps ahead over the
 * history after the first period, so the choice fits the horizon that is actually published rather than the next
 * step (which would favour chasing noise).
 */
final class HoltWinters {

  private static final double[] ALPHAS = {0.005, 0.02, 0.08, 0.3};
  private static final double[] BETAS = {0.0, 0.0005, 0.005};
  private static final double[] GAMMAS = {0.0, 0.05, 0.2};

  private HoltWinters() {
  }

  /** The fitted model: final level and trend, the last {@code m} seasonal indices, and the chosen parameters. */
  record Fit(double level, double trend, double[] season, double alpha, double beta, double gamma, double mape) {

    /** The forecast {@code k >= 1} steps after the last history value. */
    double forecast(int k) {
      int m = season.length;
      // season[j] is the index of phase j relative to the step after the last value, so step k uses (k - 1) mod m.
      return level + k * trend + season[(k - 1) % m];
    }
  }

  /**
   * Fits {@code x} (no NaN) with season length {@code m} (at least two whole seasons), tuning for forecasts
   * {@code h} steps ahead.
   */
  static Fit fit(double[] x, int m, int h) {
    int horizon = Math.max(1, Math.min(h, m));
    double[] initialSeason = initialSeason(x, m);
    Fit best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (double a : ALPHAS) {
      for (double b : BETAS) {
        for (double g : GAMMAS) {
          Fit f = run(x, m, horizon, initialSeason, a, b, g);
          if (f.mape() < bestError) {
            bestError = f.mape();
            best = f;
          }
        }
      }
    }
    return best;
  }

  private static Fit run(double[] x, int m, int h, double[] initialSeason, double alpha, double beta,
      double gamma) {
    int n = x.length;
    double[] s = new double[n + m];
    System.arraycopy(initialSeason, 0, s, 0, m);
    double[] levels = new double[n];
    double[] trends = new double[n];
    double level = mean(x, 0, m) - 0.0;
    double trend = (mean(x, m, 2 * m) - mean(x, 0, m)) / m;
    // Start the level half a period before the first value so the level at the first period's middle is its mean.
    level -= trend * (m - 1) / 2.0;
    double absErr = 0;
    double absTruth = 0;
    for (int t = 0; t < n; t++) {
      // Error of the forecast made h steps earlier for this step, scored after the first period.
      if (t >= m + h) {
        int o = t - h;
        double predicted = levels[o] + h * trends[o] + s[t];
        absErr += Math.abs(x[t] - predicted);
        absTruth += Math.abs(x[t]);
      }
      double seasonal = s[t];
      double previousLevel = level;
      level = alpha * (x[t] - seasonal) + (1 - alpha) * (level + trend);
      trend = beta * (level - previousLevel) + (1 - beta) * trend;
      s[t + m] = gamma * (x[t] - level) + (1 - gamma) * seasonal;
      levels[t] = level;
      trends[t] = trend;
    }
    double[] last = new double[m];
    System.arraycopy(s, n, last, 0, m);
    double mape = absTruth == 0 ? absErr : absErr / absTruth;
    return new Fit(level, trend, last, alpha, beta, gamma, mape);
  }

  private static double[] initialSeason(double[] x, int m) {
    int periods = x.length / m;
    double[] raw = new double[m];
    for (int p = 0; p < periods; p++) {
      double mean = mean(x, p * m, (p + 1) * m);
      for (int i = 0; i < m; i++) {
        raw[i] += (x[p * m + i] - mean) / periods;
      }
    }
    int half = Math.max(0, m / 100);
    double[] smooth = new double[m];
    for (int i = 0; i < m; i++) {
      double sum = 0;
      for (int d = -half; d <= half; d++) {
        sum += raw[Math.floorMod(i + d, m)];
      }
      smooth[i] = sum / (2 * half + 1);
    }
    return smooth;
  }

  private static double mean(double[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return sum / (to - from);
  }
}
