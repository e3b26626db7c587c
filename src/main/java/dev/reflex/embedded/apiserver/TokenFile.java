package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-apiserver's static token file ({@code --token-auth-file}): CSV records {@code token,user,uid,"g1,g2"},
 * read as Go's encoding/csv reads them with a variable field count and leading spaces trimmed. Records with an
 * empty token are skipped, a repeated token keeps its last record, groups are the fourth field split on commas,
 * and columns past the fourth are ignored.
 */
final class TokenFile {

  private TokenFile() {
  }

  /** @throws IllegalArgumentException with kube's (or Go's CSV reader's) message for a malformed file */
  static Map<String, UserInfo> parse(String source, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, UserInfo> tokens = new LinkedHashMap<>();
    for (List<String> record : records(text)) {
      if (record.size() < 3) {
        throw new IllegalArgumentException("token file '" + source + "' must have at least 3 columns (token, "
            + "user name, user uid), found " + record.size());
      }
      if (record.get(0).isEmpty()) {
        continue;
      }
      List<String> groups = record.size() >= 4 ? Arrays.asList(record.get(3).split(",", -1)) : List.of();
      tokens.put(record.get(0), new UserInfo(record.get(1), record.get(2), groups, Map.of()));
    }
    return tokens;
  }

  /** Go's CSV records: quoted fields may hold commas, doubled quotes and newlines; blank lines are skipped. */
  static List<List<String>> records(String text) {
    String input = text.replace("\r\n", "\n");
    List<List<String>> records = new ArrayList<>();
    int pos = 0;
    int line = 1;
    while (pos < input.length()) {
      if (input.charAt(pos) == '\n') {
        pos++;
        line++;
        continue;
      }
      int recordLine = line;
      int lineStart = pos;
      List<String> record = new ArrayList<>();
      while (true) {
        while (pos < input.length() && input.charAt(pos) != '\n' && Character.isWhitespace(input.charAt(pos))) {
          pos++;
        }
        StringBuilder field = new StringBuilder();
        if (pos < input.length() && input.charAt(pos) == '"') {
          pos++;
          while (true) {
            if (pos >= input.length()) {
              throw csvError(recordLine, line, pos - lineStart + 1, "extraneous or missing \" in quoted-field");
            }
            char c = input.charAt(pos);
            if (c == '"') {
              char next = pos + 1 < input.length() ? input.charAt(pos + 1) : '\n';
              if (next == '"') {
                field.append('"');
                pos += 2;
              } else if (next == ',' || next == '\n') {
                pos++;
                break;
              } else {
                throw csvError(recordLine, line, pos - lineStart + 1, "extraneous or missing \" in quoted-field");
              }
            } else {
              if (c == '\n') {
                line++;
                lineStart = pos + 1;
              }
              field.append(c);
              pos++;
            }
          }
        } else {
          int start = pos;
          while (pos < input.length() && input.charAt(pos) != ',' && input.charAt(pos) != '\n') {
            if (input.charAt(pos) == '"') {
              throw csvError(recordLine, line, pos - lineStart + 1, "bare \" in non-quoted-field");
            }
            pos++;
          }
          field.append(input, start, pos);
        }
        record.add(field.toString());
        if (pos < input.length() && input.charAt(pos) == ',') {
          pos++;
          continue;
        }
        break;
      }
      records.add(record);
      if (pos < input.length()) {
        pos++;
        line++;
      }
    }
    return records;
  }

  private static IllegalArgumentException csvError(int recordLine, int line, int column, String what) {
    String where = recordLine == line ? "parse error on line " + line + ", column " + column
        : "record on line " + recordLine + "; parse error on line " + line + ", column " + column;
    return new IllegalArgumentException(where + ": " + what);
  }
}
