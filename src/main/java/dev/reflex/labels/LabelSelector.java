package dev.reflex.labels;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: requirements that must all hold. The one model of the project, read from the string
 * form ({@link #parse}, apimachinery's {@code labels.Parse}) or the object form ({@link #fromLabelSelectorJson},
 * {@code metav1.LabelSelector}), and written back as kube writes it ({@link #render}).
 *
 * <p>Requirements keep the order they were written in (PromQL matchers follow it); {@link #render} orders them by
 * key as kube's parser and {@code Selector.Add} do, so the rendering is kube's {@code String()}.
 *
 * @param requirements the requirements, in the order written; none selects everything
 */
public record LabelSelector(List<Requirement> requirements) {

  /** The empty selector, which selects everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * Parses the string form with kube's grammar: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
   * {@code k notin (a)}, {@code k}, {@code !k}, {@code k>3}, {@code k<3}, comma-separated; blank or null is
   * {@link #EVERYTHING}.
   *
   * @throws LabelSelectorException with kube's error text, e.g.
   *     {@code found ',', expected: identifier after ','} for {@code app=web,,tier=front}
   */
  public static LabelSelector parse(String text) {
    return parse(text, null);
  }

  /**
   * {@link #parse(String)}, the error message starting with {@code field: } (its {@link
   * LabelSelectorException#reason()} is kube's text alone).
   */
  public static LabelSelector parse(String text, String field) {
    if (text == null) {
      return EVERYTHING;
    }
    try {
      return new LabelSelector(SelectorParser.parse(text));
    } catch (SelectorParser.Failure e) {
      throw LabelSelectorException.unparsable(field, e.getMessage());
    }
  }

  /**
   * The object form ({@code matchLabels}, {@code matchExpressions} with In, NotIn, Exists, DoesNotExist), validated
   * as kube validates it in an object; null or {@code {}} is {@link #EVERYTHING} (kube's {@code
   * LabelSelectorAsSelector} makes nil select nothing, but every object that may omit its selector here means no
   * restriction by it, as a metric selector does).
   *
   * @throws LabelSelectorException listing kube's field errors, their paths under the root
   */
  public static LabelSelector fromLabelSelectorJson(JsonObject selector) {
    return fromLabelSelectorJson(selector, null);
  }

  /** {@link #fromLabelSelectorJson(JsonObject)}, the error paths under {@code field} ({@code spec.selector}). */
  public static LabelSelector fromLabelSelectorJson(JsonObject selector, String field) {
    return SelectorJson.read(selector, field);
  }

  /** Whether this selector selects everything. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Whether every requirement holds for {@code labels}. */
  public boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string form as kube prints it ({@code Scale.status.selector}, a {@code labelSelector} parameter): the
   * requirements sorted by key (ties in the order written), each as {@link Requirement#render}, joined by
   * {@code ,}; {@code ""} for everything.
   */
  public String render() {
    return requirements.stream().sorted(Comparator.comparing(Requirement::key)).map(Requirement::render)
        .collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return render();
  }
}
