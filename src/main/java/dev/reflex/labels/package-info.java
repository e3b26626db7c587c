/**
 * Kubernetes label selectors, one model for the whole project: {@link dev.reflex.labels.LabelSelector} parses the
 * string form with apimachinery's grammar and error messages ({@code labels.Parse}), converts the structured
 * {@code metav1.LabelSelector} form with its API validation, matches label maps, and renders the string
 * kube-apiserver prints ({@code Scale.status.selector}, {@code labels.Selector.String()}). Pure values, no I/O.
 *
 * <p>Behaviour follows apimachinery v0.32 (Kubernetes 1.32), the version the embedded API server reports.
 */
package dev.reflex.labels;
