package dev.reflex.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A build step after the CRD generator: puts each CRD's {@code additionalPrinterColumns} in the order the model
 * class declares them. The generator sorts them by JSON path, and kube-apiserver prints them in CRD order, so
 * {@code kubectl get ihpa} would otherwise read AGE MAX MIN REFERENCE … instead of REFERENCE MIN MAX … AGE.
 *
 * <p>Arguments: the directory of the generated CRDs, then the model classes. Runs at process-classes (pom.xml).
 */
public final class PrinterColumnOrder {

  private static final String BLOCK = "  - additionalPrinterColumns:";
  private static final String ITEM = "    - ";
  private static final String ITEM_BODY = "      ";

  private PrinterColumnOrder() {
  }

  public static void main(String[] args) throws IOException, ClassNotFoundException {
    Path dir = Path.of(args[0]);
    for (String className : Arrays.asList(args).subList(1, args.length)) {
      Class<?> model = Class.forName(className);
      String plural = HasMetadata.getPlural(model.asSubclass(HasMetadata.class));
      String group = HasMetadata.getGroup(model.asSubclass(HasMetadata.class));
      Path crd = dir.resolve(plural + "." + group + "-v1.yml");
      List<String> order = Arrays.stream(model.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name).toList();
      Files.writeString(crd, reorder(Files.readString(crd), order));
    }
  }

  /** The CRD text with every printer-column list in {@code order} (by column name); other text unchanged. */
  static String reorder(String yaml, List<String> order) {
    List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      out.add(line);
      i++;
      if (!line.equals(BLOCK)) {
        continue;
      }
      List<List<String>> items = new ArrayList<>();
      while (i < lines.size() && lines.get(i).startsWith(ITEM)) {
        List<String> item = new ArrayList<>();
        item.add(lines.get(i++));
        while (i < lines.size() && lines.get(i).startsWith(ITEM_BODY)) {
          item.add(lines.get(i++));
        }
        items.add(item);
      }
      items.sort((a, b) -> Integer.compare(rank(a, order), rank(b, order)));
      items.forEach(out::addAll);
    }
    return String.join("\n", out);
  }

  private static int rank(List<String> item, List<String> order) {
    for (String line : item) {
      String trimmed = line.trim().replaceFirst("^- ", "");
      if (trimmed.startsWith("name: ")) {
        int at = order.indexOf(trimmed.substring("name: ".length()).replace("\"", ""));
        return at < 0 ? order.size() : at;
      }
    }
    return order.size();
  }
}
