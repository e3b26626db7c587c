package dev.reflex.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal option parsing: {@code --name value}, {@code --name=value}, flags, and positional arguments. Unknown
 * options are errors, so a typo never silently changes behaviour.
 *
 * @param values option values by name (flags map to "true")
 * @param positional the remaining arguments in order
 */
record Options(Map<String, String> values, List<String> positional) {

  static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
    Map<String, String> values = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name) && value == null) {
        values.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option --" + name + " of '" + command + "' needs a value");
          }
          value = args.get(++i);
        }
        values.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name + " for '" + command + "'");
      }
    }
    return new Options(Map.copyOf(values), List.copyOf(positional));
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
