/**
 * The {@code autoscaling.kapacitystack.io/v1alpha1} model:
 * {@link dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler}, {@link dev.reflex.api.v1alpha1.ReplicaProfile}
 * and {@link dev.reflex.api.v1alpha1.HorizontalPortrait}, with their spec, status and nested types.
 *
 * <p>Field names, required fields, defaults and enums match Kapacity v0.4.0 so that its manifests apply unchanged.
 * The nested types are records whose components are null when absent: defaults live in the generated CRD (the
 * API server applies them) and in the mapper to core records, never in the model, so that reading and writing a
 * manifest loses and adds nothing. Only the three kinds are classes, as fabric8's {@code CustomResource} wants.
 * Unknown fields are ignored on reading, as the API server prunes them, so that one odd object cannot stop a
 * watch. Reflex extensions ({@code KPA} and {@code Forecast} algorithms, printer columns) say so in their
 * descriptions.
 */
package dev.reflex.api.v1alpha1;
