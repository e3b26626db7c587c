package dev.reflex.backtest;

import dev.reflex.bus.SampleMessage;
import dev.reflex.core.portrait.PortraitProvider;

/**
 * A Dynamic portrait's generator in a backtest, fed each second as the product's generator is fed by its metric
 * path, and read by the IHPA as the HorizontalPortrait's status would be.
 */
sealed interface PortraitSource permits KpaSource, KubeHpaSource, ForecastSource {

  /**
   * Takes one second.
   *
   * @param batch the second's streamed samples, or null when no pod served
   */
  void observe(Tick tick, SampleMessage.Batch batch);

  /** The provider with the portrait's current data. */
  PortraitProvider provider();
}
