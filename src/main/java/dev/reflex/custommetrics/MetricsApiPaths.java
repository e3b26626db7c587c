package dev.reflex.custommetrics;

import dev.reflex.labels.LabelSelector;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one reader of the metrics APIs' request grammar.
 * <pre>
 * /apis/custom.metrics.k8s.io, /apis/external.metrics.k8s.io                       the group and its versions
 * /apis/custom.metrics.k8s.io/{v1beta1|v1beta2}                                    the resource list
 * /apis/custom.metrics.k8s.io/{v}/namespaces/{ns}/{resource}/{name|*}/{metric}     namespaced objects
 * /apis/custom.metrics.k8s.io/{v}/namespaces/{ns}/metrics/{metric}                 the namespace itself
 * /apis/custom.metrics.k8s.io/{v}/{resource}/{name|*}/{metric}                     cluster-scoped objects
 * /apis/external.metrics.k8s.io/v1beta1                                            the resource list
 * /apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}                   an external metric
 * </pre>
 * Query: {@code labelSelector} picks the objects (custom) or the metric's series (external);
 * {@code metricLabelSelector} picks the series of a custom metric.
 */
final class MetricsApiPaths {

  static final String CUSTOM = "custom.metrics.k8s.io";
  static final String EXTERNAL = "external.metrics.k8s.io";
  static final List<String> CUSTOM_VERSIONS = List.of("v1beta2", "v1beta1");
  static final String EXTERNAL_VERSION = "v1beta1";

  private MetricsApiPaths() {
  }

  /**
   * Reads one request.
   *
   * @param path the raw request path (segments still percent-encoded)
   * @param query a query parameter by name, null when absent (decoded)
   * @throws MetricsApiException 404 for a path these APIs do not have, 400 for a selector that does not parse
   */
  static MetricsApiRequest parse(String path, UnaryOperator<String> query) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!trimmed.startsWith("/apis/")) {
      throw unknownPath();
    }
    List<String> segments = Arrays.stream(trimmed.substring("/apis/".length()).split("/", -1))
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    if (segments.stream().anyMatch(String::isEmpty)) {
      throw unknownPath();
    }
    String group = segments.get(0);
    if (segments.size() == 1) {
      if (CUSTOM.equals(group)) {
        return new MetricsApiRequest.GroupDocument(group, CUSTOM_VERSIONS.get(0));
      }
      if (EXTERNAL.equals(group)) {
        return new MetricsApiRequest.GroupDocument(group, EXTERNAL_VERSION);
      }
      throw unknownPath();
    }
    String version = segments.get(1);
    List<String> rest = segments.subList(2, segments.size());
    if (CUSTOM.equals(group) && CUSTOM_VERSIONS.contains(version)) {
      return rest.isEmpty() ? new MetricsApiRequest.ListResources(group, version) : custom(version, rest, query);
    }
    if (EXTERNAL.equals(group) && EXTERNAL_VERSION.equals(version)) {
      if (rest.isEmpty()) {
        return new MetricsApiRequest.ListResources(group, version);
      }
      if (rest.size() == 3 && "namespaces".equals(rest.get(0))) {
        return new MetricsApiRequest.ExternalValues(version, rest.get(1), rest.get(2),
            selector(query, "labelSelector"));
      }
    }
    throw unknownPath();
  }

  private static MetricsApiRequest custom(String version, List<String> rest, UnaryOperator<String> query) {
    LabelSelector objects = selector(query, "labelSelector");
    LabelSelector series = selector(query, "metricLabelSelector");
    if (rest.size() == 4 && "namespaces".equals(rest.get(0)) && "metrics".equals(rest.get(2))) {
      return new MetricsApiRequest.ObjectValues(version, "namespaces", ObjectKinds.kindOf("namespaces"),
          Optional.empty(), Optional.of(rest.get(1)), rest.get(3), objects, series);
    }
    if (rest.size() == 5 && "namespaces".equals(rest.get(0))) {
      return new MetricsApiRequest.ObjectValues(version, rest.get(2), ObjectKinds.kindOf(rest.get(2)),
          Optional.of(rest.get(1)), name(rest.get(3)), rest.get(4), objects, series);
    }
    if (rest.size() == 3) {
      return new MetricsApiRequest.ObjectValues(version, rest.get(0), ObjectKinds.kindOf(rest.get(0)),
          Optional.empty(), name(rest.get(1)), rest.get(2), objects, series);
    }
    throw unknownPath();
  }

  private static Optional<String> name(String segment) {
    return "*".equals(segment) ? Optional.empty() : Optional.of(segment);
  }

  private static LabelSelector selector(UnaryOperator<String> query, String parameter) {
    String text = query.apply(parameter);
    if (text == null || text.isBlank()) {
      return LabelSelector.EVERYTHING;
    }
    try {
      return LabelSelector.parse(text, parameter);
    } catch (IllegalArgumentException e) {
      throw MetricsApiException.badRequest("invalid " + parameter + " \"" + text + "\": " + e.getMessage());
    }
  }

  private static MetricsApiException unknownPath() {
    return MetricsApiException.notFound("the server could not find the requested resource");
  }
}
