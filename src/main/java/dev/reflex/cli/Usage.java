package dev.reflex.cli;

/** Help texts, one per subcommand. */
final class Usage {

  static final String MAIN = """
      Reflex: an event-driven horizontal autoscaler for Kubernetes (IHPA compatible).

      Usage: reflex COMMAND [OPTIONS]

      Commands:
        embedded   Run Reflex against an embedded API server with simulated workloads (no cluster needed)
        run        Run Reflex against the cluster of $KUBECONFIG or the in-cluster service account
        tap        Stream the messages of one event-bus address from a running Reflex
        decide     What-if: read a JSON document on stdin, print the autoscaling decision as JSON
        write      Remote-write samples in Prometheus' text format to a running Reflex, once or every interval
        backtest   Replay a traffic trace through Reflex, the HPA, Knative and KEDA: unserved traffic and cost
        help       Show this help

      Run 'reflex COMMAND --help' for a command's options.
      """;

  static final String EMBEDDED = """
      Usage: reflex embedded [--config FILE] [--load PROFILE]

      Starts an embedded Kubernetes API server on loopback, writes a kubeconfig for it
      (.reflex/kubeconfig by default), applies the CRDs and the workloads of 'embedded.workloads',
      simulates their controllers, pods and metrics, and runs Reflex against it.

      Options:
        --config FILE    YAML configuration (see conf/reflex.yaml); REFLEX_* variables override it
        --load PROFILE   Also apply deploy/samples/kpa-burst-sample.yaml and send simulated traffic for the
                         pods through remote-write: constant, constant:N, step, spike, periodic, csv:PATH
                         (seconds,concurrent requests) or trace:PATH (a reflex backtest trace of time,rps,
                         replayed embedded.load-speed times faster)
        --help           Show this help
      """;

  static final String RUN = """
      Usage: reflex run [--config FILE]

      Runs Reflex against a real cluster: 'kube.kubeconfig', else $KUBECONFIG or ~/.kube/config,
      else the in-cluster service account. Its HTTP endpoints but /healthz and /readyz take bearer
      tokens the cluster accepts (TokenReview; 'http.auth', REFLEX_HTTP_AUTH).

      Options:
        --config FILE   YAML configuration (see conf/reflex.yaml); REFLEX_* variables override it
        --help          Show this help
      """;

  static final String TAP = """
      Usage: reflex tap ADDRESS [--target NAMESPACE/NAME] [--url URL] [--sse] [--token-file FILE]
             reflex tap --list [--url URL] [--token-file FILE]

      Prints every message on an event-bus address of a running Reflex as one JSON line, live.
      A slow reader never slows Reflex: messages beyond its buffer are dropped and reported as
      {"type":"TapDropped","dropped":N} lines.

      Options:
        --target NS/NAME  Only messages about this object
        --url URL         Reflex's HTTP address (default http://127.0.0.1:8080)
        --sse             Ask for server-sent events instead of JSON lines
        --list            List the addresses with their message counts
        --token-file FILE Bearer token for a Reflex with http.auth kubernetes (default: the embedded
                          cluster's admin token in .reflex/tokens.csv, when that file is there)
        --help            Show this help
      """;

  static final String WRITE = """
      Usage: reflex write [SAMPLE ...] [--file FILE|-] [--every DURATION] [--url URL] [--token-file FILE]

      Remote-writes samples in Prometheus' text format (name{label="value",...} value [timestamp_ms],
      one per argument, or the lines of FILE or stdin) to Reflex's /api/v1/write, as a Prometheus
      would. A sample without a timestamp is stamped now. Reflex routes a sample by its namespace
      label and its pod (or workload) label; see /metrics for what it dropped and why.

      Options:
        --every DURATION  Write again every DURATION (e.g. 1s) with fresh timestamps, until Ctrl+C
        --file FILE       Read the samples from FILE ('-' for stdin)
        --url URL         Reflex's HTTP address (default http://127.0.0.1:8080)
        --token-file FILE Bearer token for a Reflex with http.auth kubernetes (default: the embedded
                          cluster's admin token in .reflex/tokens.csv, when that file is there)
        --help            Show this help

      Example:
        reflex write 'rps{namespace="default",pod="nginx-0"} 120' --every 1s
      """;

  private Usage() {
  }

  static final String BACKTEST = """
      Usage: reflex backtest --trace FILE [OPTIONS]

      Replays a traffic trace in virtual time (a day in seconds) through several autoscaling policies,
      each on its own copy of one workload whose ready pods serve up to --pod-capacity requests per
      second each, and prints per policy the requests left unserved and what the pods cost.

      Trace:
        --trace FILE          The traffic (this or --prometheus)
        --trace-format F      csv: 'time,rps' lines, time in seconds from the start or RFC 3339, a header
                              allowed; counts: whitespace-separated request counts, one per --step (default csv)
        --step D              The length of one count (counts; default 1s) or query step (--prometheus)
        --trace-scale F       Multiply the traffic by F (default 1)
        --offset D            Start D into the trace (default 0s)
        --duration D          Replay only D of it (default: to the end)
        --prometheus URL      Read the trace from a Prometheus instead: the one series of --query (requests
                              per second, e.g. 'sum(rate(http_requests_total[1m]))') from --start to --end
                              (RFC 3339) at --step (default 15s here)
        --query Q, --start T, --end T

      Workload:
        --pod-capacity R      Requests per second one ready pod serves (default 100)
        --target R            Per-pod requests per second every policy aims at (default 70 % of capacity)
        --pod-startup D       Pod creation to Ready (default 10s)
        --pod-startup-jitter D  Each pod's startup varies uniformly by up to D either way (default 0s)
        --min N, --max N      Replica bounds (default 1 and 100)
        --initial N           Ready pods at the start (default: what the first second needs at the target)
        --seed N              Seed of the startup jitter and of KEDA's polling phase (default 1)
        --ihpa FILE           The IHPA the 'reflex' policy races (part of 'all' when given)

      Policies (--policies LIST, comma-separated; default all):
        reflex                The IHPA of --ihpa FILE (a manifest as applied): its Static, Cron, KPA, KubeHPA
                              and Forecast providers merged by priority, its gray strategies; every Dynamic
                              portrait watches the workload's rps at --target, within --min and --max
        reflex-kpa            Reflex's streamed KPA, deciding on each sample (1 s samples from every pod)
        reflex-kubehpa        Reflex's KubeHPA portrait on streamed samples, 15 s sync and the scale-up trigger
        hpa                   Kubernetes HPA, Pods metric: 15 s sync, metrics 15 s behind, default behavior
        kpa                   Knative KPA: 1 s scrapes, a decision every 2 s, 60 s stable and 6 s panic windows
        keda                  KEDA: a 30 s polling interval feeding an HPA (External metric, AverageValue)

      Output:
        --json                Print one JSON line: {"trace":{...},"workload":{...},"policies":{...}}
        --report DIR          Write DIR/report.html with the figures and PNG plots: demand against each
                              policy's serving capacity (unserved shaded), pods over time
        --help                Show this help

      Example:
        reflex backtest --trace traffic.csv --pod-capacity 50 --pod-startup 20s
      """;
}
