/**
 * The pod mutation that opts pods into traffic control: the {@code kapacitystack.io/online} readiness gate and its
 * default condition. The admission webhook and the embedded cluster's simulator (whose API server cannot call
 * webhooks) share {@link dev.reflex.webhook.ReadinessGateInjection}, so both behave the same.
 */
package dev.reflex.webhook;
