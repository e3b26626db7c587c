/**
 * The user-facing Kubernetes API of Reflex: the custom resources users apply and the checks a schema cannot make.
 *
 * <p>Version packages ({@code v1alpha1}) hold the fabric8 {@code CustomResource} model of Kapacity's
 * {@code autoscaling.kapacitystack.io} group, field for field, plus Reflex's documented extensions; the CRD YAML in
 * {@code deploy/crds/} is generated from them. {@code validation} checks a spec for everything the OpenAPI schema
 * cannot express. Nothing here talks to the API server; controllers read these classes and map them to the core's
 * records in one place.
 */
package dev.reflex.api;
