/**
 * Certificates Reflex issues for itself when it is given none: a CA of its own and a serving certificate it signs,
 * for the embedded API server and for the metrics APIs Reflex serves to the aggregation layer.
 */
package dev.reflex.tls;
