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
                         pods through remote-write: constant, constant:N, step, spike, periodic or csv:PATH
        --help           Show this help
      """;

  static final String RUN = """
      Usage: reflex run [--config FILE]

      Runs Reflex against a real cluster: 'kube.kubeconfig', else $KUBECONFIG or ~/.kube/config,
      else the in-cluster service account.

      Options:
        --config FILE   YAML configuration (see conf/reflex.yaml); REFLEX_* variables override it
        --help          Show this help
      """;

  static final String TAP = """
      Usage: reflex tap ADDRESS [--target NAMESPACE/NAME] [--url URL] [--sse]
             reflex tap --list [--url URL]

      Prints every message on an event-bus address of a running Reflex as one JSON line, live.
      A slow reader never slows Reflex: messages beyond its buffer are dropped and reported as
      {"type":"TapDropped","dropped":N} lines.

      Options:
        --target NS/NAME  Only messages about this object
        --url URL         Reflex's HTTP address (default http://127.0.0.1:8080)
        --sse             Ask for server-sent events instead of JSON lines
        --list            List the addresses with their message counts
        --help            Show this help
      """;

  static final String WRITE = """
      Usage: reflex write [SAMPLE ...] [--file FILE|-] [--every DURATION] [--url URL]

      Remote-writes samples in Prometheus' text format (name{label="value",...} value [timestamp_ms],
      one per argument, or the lines of FILE or stdin) to Reflex's /api/v1/write, as a Prometheus
      would. A sample without a timestamp is stamped now. Reflex routes a sample by its namespace
      label and its pod (or workload) label; see /metrics for what it dropped and why.

      Options:
        --every DURATION  Write again every DURATION (e.g. 1s) with fresh timestamps, until Ctrl+C
        --file FILE       Read the samples from FILE ('-' for stdin)
        --url URL         Reflex's HTTP address (default http://127.0.0.1:8080)
        --help            Show this help

      Example:
        reflex write 'rps{namespace="default",pod="nginx-0"} 120' --every 1s
      """;

  private Usage() {
  }
}
