/**
 * From a series' labels to the workload, metric and pod it describes: {@link dev.reflex.metrics.routing.RoutingRules}
 * say which labels name the namespace, pod or workload (prometheus-adapter's {@code resources.overrides} idea), and
 * a {@link dev.reflex.metrics.routing.PodDirectory} resolves a pod to its owning workload.
 */
package dev.reflex.metrics.routing;
