/**
 * JMH benchmarks of the decision cores, one {@code *DecisionBenchmark} class per algorithm; they run through
 * {@code scripts/bench-core} and are never timed inside unit tests. {@code IngestBench} and
 * {@code IngestBenchServer} are the process-level harness of {@code scripts/bench-ingest} (CPU time of separate
 * server processes, which JMH cannot measure). {@code ControlPlaneBenchmark} ({@code scripts/bench-control}) and
 * {@code BurstLatencyBenchmark} ({@code scripts/bench-burst}) run Reflex and the embedded cluster in one JVM with
 * 1,000 IHPAs, on the shared harness {@code BenchCluster}. {@code ApiServerBenchmark}
 * ({@code scripts/bench-apiserver}) puts one load ({@code ApiLoad}: {@code ClosedLoop} writes, a {@code WatchFleet} of
 * WebSocket watches) on Reflex's API server and on fabric8's mock server in turn.
 */
package dev.reflex.bench;
