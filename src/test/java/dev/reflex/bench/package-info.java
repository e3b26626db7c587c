/**
 * JMH benchmarks of the decision cores, one {@code *DecisionBenchmark} class per algorithm; they run through
 * {@code scripts/bench-core} and are never timed inside unit tests.
 */
package dev.reflex.bench;
