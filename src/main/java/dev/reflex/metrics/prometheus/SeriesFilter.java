package dev.reflex.metrics.prometheus;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of a rule's {@code seriesFilters}: a series name must match {@code is} and must not match {@code isNot}.
 *
 * @param is regex a series name must contain a match of
 * @param isNot regex a series name must not contain a match of
 */
public record SeriesFilter(Optional<Pattern> is, Optional<Pattern> isNot) {

  /** Whether {@code seriesName} passes this filter. */
  public boolean accepts(String seriesName) {
    return is.map(p -> p.matcher(seriesName).find()).orElse(true)
        && isNot.map(p -> !p.matcher(seriesName).find()).orElse(true);
  }
}
