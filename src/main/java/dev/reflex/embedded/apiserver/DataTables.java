package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables the schema data files keep in text blocks: a line at the left margin names a definition, the
 * indented lines under it are its rows, columns are separated by blanks, {@code #} starts a comment.
 */
final class DataTables {

  private DataTables() {
  }

  /** Each indented row, with the definition it sits under prepended as column 0. */
  static List<String[]> rows(String table) {
    List<String[]> rows = new ArrayList<>();
    String definition = null;
    for (String line : table.split("\n")) {
      int comment = line.indexOf('#');
      String content = comment >= 0 ? line.substring(0, comment) : line;
      if (content.isBlank()) {
        continue;
      }
      if (!Character.isWhitespace(content.charAt(0))) {
        definition = content.strip();
        continue;
      }
      if (definition == null) {
        throw new IllegalStateException("row before any definition: " + line);
      }
      String[] columns = content.strip().split("\\s+");
      String[] row = new String[columns.length + 1];
      row[0] = definition;
      System.arraycopy(columns, 0, row, 1, columns.length);
      rows.add(row);
    }
    return rows;
  }
}
