/**
 * JMH benchmarks of the decision cores, one {@code *DecisionBenchmark} class per algorithm; they run through
 * {@code scripts/bench-core} and are never timed inside unit tests. {@code IngestBench} and
 * {@code IngestBenchServer} are the process-level harness of {@code scripts/bench-ingest} (CPU time of separate
 * server processes, which JMH cannot measure).
 */
package dev.reflex.bench;
