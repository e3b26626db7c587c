package dev.reflex.objects;

import java.util.Locale;

/**
 * English plurals of resource names, as kube's REST mapper guesses them for kinds it has no discovery for: the
 * lower-cased kind is the singular ({@code Ingress} is {@code ingress}), and the plural adds {@code es} after
 * {@code s}, {@code x}, {@code ch}, {@code sh}, turns a final {@code y} into {@code ies}, else adds {@code s}.
 */
public final class ResourceNames {

  private ResourceNames() {
  }

  /** {@code ingresses} to {@code ingress}, {@code policies} to {@code policy}, {@code pods} to {@code pod}. */
  public static String singular(String resource) {
    String r = resource.toLowerCase(Locale.ROOT);
    if (r.endsWith("sses") || r.endsWith("xes") || r.endsWith("ches") || r.endsWith("shes")) {
      return r.substring(0, r.length() - 2);
    }
    if (r.endsWith("ies")) {
      return r.substring(0, r.length() - 3) + "y";
    }
    if (r.endsWith("s") && !r.endsWith("ss") && !r.equals("status")) {
      return r.substring(0, r.length() - 1);
    }
    return r;
  }

  /** {@code Ingress} to {@code ingresses}, {@code Policy} to {@code policies}, {@code Pod} to {@code pods}. */
  public static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
      return lower + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
