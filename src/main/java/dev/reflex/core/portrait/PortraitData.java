package dev.reflex.core.portrait;

import java.time.Instant;

/**
 * The portrait data families: what a provider knows, independent of its priority. IHPA providers of type
 * {@code Static} and {@code Cron} carry {@link StaticPortrait} and {@link CronPortrait}; a {@code Dynamic}
 * provider carries whatever its HorizontalPortrait status holds ({@code Static}, {@code Cron} or
 * {@code TimeSeries}), or {@link NoPortraitData} before the first result arrives.
 */
public sealed interface PortraitData permits StaticPortrait, CronPortrait, TimeSeriesPortrait, NoPortraitData {

  /**
   * Evaluates the data at {@code now}.
   *
   * @param provider the provider identifier stamped on the value
   * @param now the instant of evaluation
   * @return the value in force (if any) and the next instant the answer may change
   */
  PortraitReading read(String provider, Instant now);
}
