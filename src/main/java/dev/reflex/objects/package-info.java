/**
 * Kubernetes-shaped JSON read into the decision cores' records, each bad field named by its path: quantities, Go
 * durations in documents, label selectors rendered as kube renders them, and the autoscaling/v2 HPA spec and core/v1
 * pods the HPA algorithm reads ({@link dev.reflex.objects.HpaObjects}). One reader for the HorizontalPortrait
 * controller and for {@code reflex decide}, so the two cannot disagree on what a spec means.
 */
package dev.reflex.objects;
