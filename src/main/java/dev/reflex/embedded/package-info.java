/**
 * The embedded default: one JVM with an in-process Kubernetes API server (fabric8's mock server in CRUD mode, made
 * faithful where Reflex and kubectl touch it: discovery, {@code /scale} answering {@code autoscaling/v1 Scale},
 * field selectors, metrics.k8s.io), and a workload simulator that plays kube-controller-manager, kubelet and
 * metrics-server against it. Nothing outside this package may depend on the mock server, so the code paths that
 * run against real clusters never see it.
 */
package dev.reflex.embedded;
