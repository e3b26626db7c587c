/**
 * The metric inputs of a KubeHPA decision: for each autoscaling/v2 metric of a HorizontalPortrait, the pod usage
 * (the core's PodMetric, shaped as metrics.k8s.io items) or the Pods/Object/External values (with their errors) as
 * the core's MetricValue records. Values come from fresh streamed samples when there are any, else from Prometheus
 * through the adapter-style rules, else (Resource metrics only) from metrics.k8s.io. A metric that cannot be read
 * becomes an error the decision reports, never a failed read.
 */
package dev.reflex.metrics.hpa;
