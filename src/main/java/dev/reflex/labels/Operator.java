package dev.reflex.labels;

/** How a {@link Requirement} relates a label's value to its values; {@link #kube()} is apimachinery's spelling. */
public enum Operator {
  EQUALS("="),
  /** {@code ==}: matches as {@link #EQUALS}, kept apart because kube prints it back as written. */
  DOUBLE_EQUALS("=="),
  NOT_EQUALS("!="),
  IN("in"),
  NOT_IN("notin"),
  EXISTS("exists"),
  DOES_NOT_EXIST("!"),
  /** {@code >}: the label and the value both read as 64-bit integers. */
  GREATER_THAN("gt"),
  /** {@code <}: the label and the value both read as 64-bit integers. */
  LESS_THAN("lt");

  private final String kube;

  Operator(String kube) {
    this.kube = kube;
  }

  /** The operator as {@code k8s.io/apimachinery/pkg/selection} names it ({@code in}, {@code gt}, {@code !}, …). */
  public String kube() {
    return kube;
  }
}
