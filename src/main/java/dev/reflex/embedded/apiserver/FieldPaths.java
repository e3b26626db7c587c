package dev.reflex.embedded.apiserver;

/**
 * Field paths as kube-apiserver's {@code field.Path} prints them: {@code spec.template}, {@code spec.list[0]},
 * map keys in brackets ({@code metadata.labels[app]}). kube-openapi's schema errors differ for map keys (it joins
 * them with a dot), which is why the schema validator builds its own paths.
 */
final class FieldPaths {

  private FieldPaths() {
  }

  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String key(String parent, String key) {
    return parent + "[" + key + "]";
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
