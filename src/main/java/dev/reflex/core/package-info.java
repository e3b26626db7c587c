/**
 * The decision core: pure Java with no Vert.x, fabric8, Kafka, gRPC, protobuf or Micrometer imports.
 *
 * <p>Every decision is a function of its inputs, an explicit state value and the instant {@code now}, and
 * returns the decision together with the next state. Nothing here reads the wall clock, logs, or performs I/O, so
 * each algorithm can be replayed from recorded inputs ({@code scripts/reflex decide}) and tested table-driven.
 * {@code CoreLayeringTest} enforces the import rule.
 */
package dev.reflex.core;
