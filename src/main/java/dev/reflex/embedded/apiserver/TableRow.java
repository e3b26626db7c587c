package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * The printed part of one Table row: its cells, one per column (null for a CRD column whose path found nothing),
 * and its row conditions (null for none; finished pods say {@code Completed}).
 */
record TableRow(List<Object> cells, JsonArray conditions) {

  static TableRow of(Object... cells) {
    return new TableRow(java.util.Arrays.asList(cells), null);
  }
}
