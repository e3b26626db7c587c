package dev.reflex.api;

import static dev.reflex.api.KubectlRow.exactly;
import static dev.reflex.api.KubectlRow.fails;
import static dev.reflex.api.KubectlRow.inOrder;
import static dev.reflex.api.KubectlRow.lines;
import static dev.reflex.api.KubectlRow.nothingButStderr;
import static dev.reflex.api.KubectlRow.stdout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reflex.testing.EmbeddedReflex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The real kubectl against the embedded API server (with Reflex running, so IHPAs get status and events): a matrix
 * of commands, each bounded in time and checked on what it prints. The expected outputs are what kubectl prints
 * against kube-apiserver 1.32; a row that fails names a place where the embedded server (or the simulator behind
 * it) differs. Groups run in order, and rows within a group in the order they depend on each other.
 *
 * <p>Without kubectl on the PATH the class is skipped with a message, except under {@code CI=true}, where it fails:
 * CI must install kubectl ({@code scripts/test} does, as root).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlConformanceTest {

  private static final String IHPA = "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io";
  private static final String SAMPLES_NS = "conformance-samples";
  private static final String WORKLOADS_NS = "conformance-workloads";
  private static final Duration ROLLOUT_LIMIT = Duration.ofSeconds(40);

  private EmbeddedReflex reflex;
  private Kubectl kubectl;
  private Path temp;

  @BeforeAll
  void start() throws IOException {
    Path binary = Kubectl.find();
    if (binary == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("kubectl is not installed and CI=true: the kubectl conformance matrix must run in CI"
            + " (scripts/test installs Debian's kubernetes-client package when run as root)");
      }
      System.err.println("KubectlConformanceTest: kubectl is not installed; skipping the kubectl conformance matrix");
      Assumptions.abort("kubectl is not installed");
    }
    temp = Files.createTempDirectory("reflex-kubectl-conformance");
    reflex = EmbeddedReflex.start(temp, Clock.systemUTC(), Map.of(
        "REFLEX_EMBEDDED_WORKLOADS", "deploy/samples/nginx-statefulset.yaml",
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "100ms",
        // Compressed from upstream's 15 s, so the HPA rows wait seconds, not a sync period.
        "REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_SYNC_PERIOD", "2s"));
    Path scratch = Files.createDirectories(temp.resolve("runs"));
    kubectl = new Kubectl(binary, temp.resolve("kubeconfig"), scratch);
  }

  @AfterAll
  void stop() {
    if (reflex != null) {
      reflex.close();
    }
  }

  // ---- groups ------------------------------------------------------------------------------------------------

  @TestFactory
  @Order(1)
  Stream<DynamicTest> discoveryAndExplain() {
    return rows(
        KubectlRow.of(stdout("Client Version: v1\\.\\d+\\.\\d+\\S*\nKustomize Version: v\\S+\n"
            + "Server Version: v1\\.32\\.\\d+\\S*\n"), "version"),
        KubectlRow.of(lines(
            "NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND",
            "namespaces +ns +v1 +false +Namespace",
            "pods +po +v1 +true +Pod",
            "events +ev +v1 +true +Event",
            "deployments +deploy +apps/v1 +true +Deployment",
            "statefulsets +sts +apps/v1 +true +StatefulSet",
            "replicasets +rs +apps/v1 +true +ReplicaSet",
            "horizontalpodautoscalers +hpa +autoscaling/v2 +true +HorizontalPodAutoscaler",
            "customresourcedefinitions +crd,crds +apiextensions\\.k8s\\.io/v1 +false +CustomResourceDefinition",
            "events +ev +events\\.k8s\\.io/v1 +true +Event",
            "pods +metrics\\.k8s\\.io/v1beta1 +true +PodMetrics",
            "intelligenthorizontalpodautoscalers +ihpa +autoscaling\\.kapacitystack\\.io/v1alpha1 +true"
                + " +IntelligentHorizontalPodAutoscaler",
            "replicaprofiles +rp +autoscaling\\.kapacitystack\\.io/v1alpha1 +true +ReplicaProfile",
            "horizontalportraits +hp +autoscaling\\.kapacitystack\\.io/v1alpha1 +true +HorizontalPortrait"),
            "api-resources"),
        KubectlRow.of(exactly("horizontalportraits.autoscaling.kapacitystack.io\n"
                + "intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io\n"
                + "replicaprofiles.autoscaling.kapacitystack.io\n"),
            "api-resources", "--api-group=autoscaling.kapacitystack.io", "-o", "name"),
        KubectlRow.of(inOrder("GROUP:      autoscaling.kapacitystack.io\n"
                + "KIND:       IntelligentHorizontalPodAutoscaler\nVERSION:    v1alpha1\n\n"
                + "FIELD: portraitProviders <[]Object>\n",
            "DESCRIPTION:\n    Sources of desired replica counts, merged by priority.\n",
            "FIELDS:\n",
            "  cron\t<Object>\n",
            "  priority\t<integer> -required-\n",
            "  type\t<string> -required-\n  enum: Cron, Dynamic, Static\n"),
            "explain", "ihpa.spec.portraitProviders"),
        // The built-in schemas are generated from the fabric8 model, which has the fields and their types but not
        // kube's doc comments: kubectl prints the structure with empty descriptions (see the README).
        KubectlRow.of(inOrder("KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n",
            "FIELDS:\n",
            "  image\t<string>\n",
            "  name\t<string> -required-\n",
            "  ports\t<[]ContainerPort>\n"),
            "explain", "pods.spec.containers"));
  }

  /** Every CRD and sample file applies unchanged with a plain {@code kubectl apply -f} (the README's promise). */
  @TestFactory
  @Order(2)
  Stream<DynamicTest> crdsAndSamplesApply() {
    List<KubectlRow> rows = new ArrayList<>();
    for (Path crd : Manifests.yamlFiles(Manifests.CRDS)) {
      String name = "customresourcedefinition.apiextensions.k8s.io/" + Manifests.documents(crd).get(0).tree()
          .path("metadata").path("name").asString();
      // The cluster created the CRDs without kubectl, so the first apply adopts them, with kubectl's warning.
      rows.add(KubectlRow.of(exactly(name + " configured\n").andStderr(
          "Warning: resource customresourcedefinitions/\\S+ is missing the"
              + " kubectl\\.kubernetes\\.io/last-applied-configuration annotation which is required by kubectl apply\\."
              + " .* The missing annotation will be patched automatically\\.\n"), "apply", "-f", crd.toString()));
      rows.add(KubectlRow.of(exactly(name + " unchanged\n"), "apply", "-f", crd.toString()));
    }
    for (String namespace : List.of(SAMPLES_NS, WORKLOADS_NS)) {
      rows.add(KubectlRow.of(exactly("namespace/" + namespace + " created\n"), "create", "namespace", namespace));
    }
    // external-qps-sample.yaml names its own namespace, which must exist (as on any cluster).
    rows.add(KubectlRow.of(exactly("namespace/demo-prod created\n"), "create", "namespace", "demo-prod"));
    List<Path> samples = Manifests.yamlFiles(Manifests.SAMPLES);
    for (Path sample : samples) {
      rows.add(KubectlRow.of(exactly(printed(sample, doc -> "created")), sampleApply(sample)));
    }
    for (Path sample : samples) {
      // A cron rule without timeZone is defaulted by the CRD schema; the live list item then differs from the
      // file's, so kubectl's JSON merge patch replaces the list: "configured", although nothing changes.
      rows.add(KubectlRow.of(exactly(printed(sample, doc -> defaultsAListItem(doc) ? "configured" : "unchanged")),
          sampleApply(sample)));
    }
    // Seed 003's HPA target 1200000m is stored as kube-apiserver's Quantity encodes it.
    rows.add(KubectlRow.of(exactly("1200"), "get", "hpa", "demo-micro-service", "-n", "demo-prod", "-o",
        "jsonpath={.spec.metrics[0].external.target.value}"));
    // That no-op patch must not bump metadata.generation (kube-apiserver defaults the patched object before
    // comparing it with the stored one).
    StringBuilder generations = new StringBuilder("NAME");
    List<String> names = Manifests.documents(samples).stream().filter(doc -> doc.kind()
        .equals("IntelligentHorizontalPodAutoscaler") && doc.tree().path("metadata").path("namespace").isMissingNode())
        .map(doc -> doc.tree().path("metadata").path("name").asString()).sorted().toList();
    int width = Math.max(4, names.stream().mapToInt(String::length).max().orElse(0)) + 3;
    generations.append(" ".repeat(width - 4)).append("GENERATION\n");
    for (String name : names) {
      generations.append(name).append(" ".repeat(width - name.length())).append("1\n");
    }
    rows.add(KubectlRow.of(exactly(generations.toString()), "get", "ihpa", "-n", SAMPLES_NS, "--sort-by=.metadata.name",
        "-o", "custom-columns=NAME:.metadata.name,GENERATION:.metadata.generation"));
    for (String namespace : List.of(SAMPLES_NS, WORKLOADS_NS, "demo-prod")) {
      rows.add(KubectlRow.of(exactly("namespace \"" + namespace + "\" deleted\n"), "delete", "namespace", namespace)
          .limit(Duration.ofSeconds(30)));
    }
    return rows(rows);
  }

  @TestFactory
  @Order(3)
  Stream<DynamicTest> invalidIhpaIsRejected() throws IOException {
    String base = """
        apiVersion: autoscaling.kapacitystack.io/v1alpha1
        kind: IntelligentHorizontalPodAutoscaler
        metadata:
          name: %s
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: StatefulSet
            name: nginx
          minReplicas: %s
          maxReplicas: 10
        %s  portraitProviders:
          - type: Static
            priority: 1
            static:
              replicas: 1
        """;
    Path badMin = write("bad-min.yaml", base.formatted("bad-min", "\"abc\"", ""));
    Path unknown = write("bad-field.yaml", base.formatted("bad-field", "1", "  bogusField: 1\n"));
    Path both = write("bad-both.yaml", base.formatted("bad-both", "\"abc\"", "  bogusField: 1\n"));
    return rows(
        KubectlRow.of(fails(1, "The IntelligentHorizontalPodAutoscaler \"bad-min\" is invalid: spec.minReplicas:"
            + " Invalid value: \"string\": spec.minReplicas in body must be of type integer: \"string\"\n"),
            "apply", "-f", badMin.toString()),
        KubectlRow.of(fails(1, "Error from server (BadRequest): error when creating \"" + unknown
            + "\": strict decoding error: unknown field \"spec.bogusField\"\n"), "apply", "-f", unknown.toString()),
        // kube-apiserver reports strict decoding (400) before it validates the schema (422).
        KubectlRow.of(fails(1, "Error from server (BadRequest): error when creating \"" + both
            + "\": strict decoding error: unknown field \"spec.bogusField\"\n"), "apply", "-f", both.toString()),
        KubectlRow.of(fails(1, "Error from server (NotFound): intelligenthorizontalpodautoscalers"
            + ".autoscaling.kapacitystack.io \"bad-min\" not found\n"), "get", "ihpa", "bad-min"));
  }

  @TestFactory
  @Order(4)
  Stream<DynamicTest> cronSampleInDefault() {
    String file = "deploy/samples/cron-portrait-sample.yaml";
    // From minute 50 to 59 no cron rule holds: the IHPA then reports NoValidPortraitValue (a Warning event and
    // ScalingActive False) instead of creating its ReplicaProfile with a replica count.
    boolean idleCronMinute = ZonedDateTime.now(ZoneOffset.UTC).getMinute() >= 50;
    String event = "\\S+ +(Normal +CreateReplicaProfile|Warning +NoValidPortraitValue)"
        + " +IntelligentHorizontalPodAutoscaler/cron-portrait-sample +(create ReplicaProfile with onlineReplicas:"
        + " \\d+, cutoffReplicas: 0, standbyReplicas: 0|no valid portrait value for now)";
    return rows(
        KubectlRow.of(exactly(IHPA + "/cron-portrait-sample created\n"), "apply", "-f", file),
        KubectlRow.of(exactly(IHPA + "/cron-portrait-sample configured\n"), "apply", "-f", file),
        KubectlRow.of(exactly("1"), "get", "ihpa", "cron-portrait-sample", "-o", "jsonpath={.metadata.generation}"),
        // Between minute 50 and 59 no cron rule holds, so PROVIDER and DESIRED may be empty.
        KubectlRow.of(stdout("NAME +REFERENCE +MIN +MAX +DESIRED +PROVIDER +AGE\n"
            + "cron-portrait-sample +nginx +1 +10( +[1-5] +Cron)? +\\d+s *\n"), "get", "ihpa", "cron-portrait-sample"),
        KubectlRow.of(exactly(IHPA + "/cron-portrait-sample condition met\n"), "wait",
            "--for=condition=ScalingActive=" + (idleCronMinute ? "False" : "True"), "ihpa/cron-portrait-sample",
            "--timeout=20s"),
        KubectlRow.of(lines("Name: +cron-portrait-sample", "Namespace: +default",
            "Kind: +IntelligentHorizontalPodAutoscaler", "  Portrait Providers:", "    Type: +Cron",
            "    Type: +ScalingActive", "Events:",
            "  (Normal +CreateReplicaProfile|Warning +NoValidPortraitValue) +\\S+ +ihpa_controller +(create"
                + " ReplicaProfile with onlineReplicas: \\d+, cutoffReplicas: 0, standbyReplicas: 0|no valid portrait"
                + " value for now)"),
            "describe", "ihpa", "cron-portrait-sample").eventually(),
        KubectlRow.of(lines("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE", event), "events").eventually(),
        KubectlRow.of(lines("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE", event),
            "events", "--for", "ihpa/cron-portrait-sample"),
        KubectlRow.of(lines("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE",
            event.replace("IntelligentHorizontalPodAutoscaler/", "intelligenthorizontalpodautoscaler/")),
            "get", "events", "--field-selector",
            "involvedObject.kind=IntelligentHorizontalPodAutoscaler,involvedObject.name=cron-portrait-sample"),
        // events.k8s.io/v1 is another view of the same stored events.
        KubectlRow.of(lines("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE",
            event.replace("IntelligentHorizontalPodAutoscaler/", "intelligenthorizontalpodautoscaler/")),
            "get", "events.v1.events.k8s.io"),
        // The StatefulSet controller records an event for every pod it creates.
        KubectlRow.of(lines("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE",
            "\\S+ +Normal +SuccessfulCreate +StatefulSet/nginx +create Pod nginx-0 in StatefulSet nginx successful"),
            "events", "--for", "statefulset/nginx"));
  }

  @TestFactory
  @Order(5)
  Stream<DynamicTest> getDescribeAndWatch() throws IOException {
    Path watched = write("watched.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: watched
          labels:
            conformance: watch
        data:
          a: "1"
        """);
    List<DynamicTest> tests = new ArrayList<>(rowTests(List.of(
        KubectlRow.of(stdout("NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES\n"
            + "nginx-0 +1/1 +Running +0 +\\S+ +10\\.\\d+\\.\\d+\\.\\d+ +\\S+ +<none> +1/1\n"),
            "get", "pod", "nginx-0", "-o", "wide"),
        KubectlRow.of(new KubectlRow.Expected(0, Pattern.compile("apiVersion: v1\nkind: Pod\nmetadata:\n.*"
            + "\n  name: nginx-0\n  namespace: default\n.*\nspec:\n  containers:\n  - image: nginx:1\\.25\n.*"
            + "\nstatus:\n.*\n  phase: Running\n.*", Pattern.DOTALL), Pattern.compile("")),
            "get", "pod", "nginx-0", "-o", "yaml"),
        KubectlRow.of(new KubectlRow.Expected(0, Pattern.compile("\\{\n    \"apiVersion\": \"v1\",\n"
            + "    \"kind\": \"Pod\",\n    \"metadata\": \\{\n.*\n        \"name\": \"nginx-0\",\n"
            + "        \"namespace\": \"default\",\n.*\n\\}\n", Pattern.DOTALL), Pattern.compile("")),
            "get", "pod", "nginx-0", "-o", "json"),
        KubectlRow.of(stdout("nginx-0 Running \\S+"), "get", "pod", "nginx-0", "-o",
            "jsonpath={.metadata.name} {.status.phase} {.spec.nodeName}"),
        KubectlRow.of(exactly("pod/nginx-0\n"), "get", "pod", "nginx-0", "-o", "name"),
        KubectlRow.of(stdout("NAME +READY +STATUS +RESTARTS +AGE\nnginx-0 +1/1 +Running +0 +\\S+\n"),
            "get", "pods", "-l", "statefulset.kubernetes.io/pod-name=nginx-0"),
        KubectlRow.of(exactly("pod/nginx-0\n"), "get", "pods", "--field-selector",
            "metadata.name=nginx-0,status.phase=Running", "-o", "name"),
        KubectlRow.of(nothingButStderr("No resources found in default namespace.\n"),
            "get", "pods", "--field-selector", "status.phase=Failed"),
        KubectlRow.of(stdout("NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\n"
            + "default +nginx-0 +1/1 +Running +0 +\\S+\n"),
            "get", "pods", "-A", "-l", "statefulset.kubernetes.io/pod-name=nginx-0"),
        // Requests below limits: Burstable, as kube-apiserver computes at pod creation.
        KubectlRow.of(exactly("Burstable"), "get", "pod", "nginx-0", "-o", "jsonpath={.status.qosClass}"),
        KubectlRow.of(lines("Name: +nginx-0", "Namespace: +default", "Status: +Running",
            "Controlled By: +StatefulSet/nginx", "    Image: +nginx:1\\.25", "    Ready: +True",
            "  Ready +True *"), "describe", "pod", "nginx-0"),
        KubectlRow.of(lines("Name: +nginx", "Namespace: +default", "Selector: +app=nginx",
            "Replicas: +\\d+ desired \\| \\d+ total", "Update Strategy: +RollingUpdate",
            "Pods Status: +\\d+ Running / 0 Waiting / 0 Succeeded / 0 Failed", "Pod Template:"),
            "describe", "statefulset", "nginx"))));
    // get -w: a watch in the background sees a create, a change and a delete, each as one line.
    Kubectl.Background[] watch = new Kubectl.Background[1];
    tests.add(DynamicTest.dynamicTest("kubectl get configmaps -l conformance=watch -w --output-watch-events", () -> {
      watch[0] = kubectl.start(List.of("get", "configmaps", "-l", "conformance=watch", "-w",
          "--output-watch-events", "-v=6"));
      // The watch starts from the list's resourceVersion; changes made after the list are all seen.
      awaitOutput(watch[0], () -> watch[0].stderrSoFar(), Pattern.compile("(?s).*configmaps\\?labelSelector=.*"
          + "limit=500.* 200 OK.*"), Duration.ofSeconds(15));
    }));
    tests.addAll(rowTests(List.of(
        KubectlRow.of(exactly("configmap/watched created\n"), "create", "-f", watched.toString()),
        KubectlRow.of(exactly("configmap/watched annotated\n"), "annotate", "configmap", "watched", "seen=yes"),
        KubectlRow.of(exactly("configmap \"watched\" deleted\n"), "delete", "configmap", "watched"))));
    tests.add(DynamicTest.dynamicTest("the watch printed ADDED, MODIFIED and DELETED", () -> {
      try (Kubectl.Background w = watch[0]) {
        if (w == null) {
          fail("the watch did not start");
        }
        awaitOutput(w, w::stdoutSoFar, Pattern.compile("EVENT +NAME +DATA +AGE\nADDED +watched +1 +\\d+s\n"
            + "MODIFIED +watched +1 +\\d+s\nDELETED +watched +1 +\\d+s\n"), Duration.ofSeconds(10));
      }
    }));
    return tests.stream();
  }

  @TestFactory
  @Order(6)
  Stream<DynamicTest> deploymentLifecycle() {
    return rows(
        KubectlRow.of(exactly("deployment.apps/php-apache created\n"), "create", "deployment", "php-apache",
            "--image=registry.k8s.io/hpa-example", "--port=80"),
        // kubectl sends protobuf; Go's JSON omits zero ints and false bools, so hostPort 0 is not stored.
        KubectlRow.of(exactly("{\"containerPort\":80,\"protocol\":\"TCP\"}"), "get", "deployment", "php-apache",
            "-o", "jsonpath={.spec.template.spec.containers[0].ports[0]}"),
        KubectlRow.of(stdout("(Waiting for deployment \"php-apache\" rollout to finish: .*\n)*"
            + "deployment \"php-apache\" successfully rolled out\n"),
            "rollout", "status", "deployment/php-apache", "--timeout=30s").limit(ROLLOUT_LIMIT),
        KubectlRow.of(exactly("deployment.apps/php-apache condition met\n"),
            "wait", "--for=condition=Available", "deployment/php-apache", "--timeout=20s"),
        KubectlRow.of(exactly("pod/nginx-0 condition met\n"),
            "wait", "--for=condition=Ready", "pod/nginx-0", "--timeout=20s"),
        KubectlRow.of(exactly("deployment.apps/php-apache \nREVISION  CHANGE-CAUSE\n1         <none>\n\n"),
            "rollout", "history", "deployment/php-apache"),
        KubectlRow.of(exactly("deployment.apps/php-apache scaled\n"),
            "scale", "deployment", "php-apache", "--replicas=2"),
        KubectlRow.of(exactly("2 2"), "get", "deployment", "php-apache", "-o",
            "jsonpath={.spec.replicas} {.status.readyReplicas}").eventually(),
        KubectlRow.of(exactly("horizontalpodautoscaler.autoscaling/php-apache autoscaled\n"),
            "autoscale", "deployment", "php-apache", "--cpu-percent=50", "--min=1", "--max=10"),
        KubectlRow.of(stdout("NAME +REFERENCE +TARGETS +MINPODS +MAXPODS +REPLICAS +AGE\n"
            + "php-apache +Deployment/php-apache +cpu: <unknown>/50% +1 +10 +\\d+ +\\S+\n"),
            "get", "hpa", "php-apache"),
        KubectlRow.of(exactly("deployment.apps/php-apache patched\n"), "patch", "deployment", "php-apache",
            "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"merge\":\"m\"}}}"),
        KubectlRow.of(exactly("deployment.apps/php-apache patched\n"), "patch", "deployment", "php-apache",
            "--type=json", "-p", "[{\"op\":\"add\",\"path\":\"/metadata/labels/json\",\"value\":\"j\"}]"),
        KubectlRow.of(exactly("deployment.apps/php-apache patched\n"), "patch", "deployment", "php-apache", "-p",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"hpa-example\",\"resources\":"
                + "{\"requests\":{\"cpu\":\"200m\"}}}]}}}}"),
        // The strategic patch merged the container by name: its image is kept.
        KubectlRow.of(exactly("m j 200m registry.k8s.io/hpa-example"), "get", "deployment", "php-apache", "-o",
            "jsonpath={.metadata.labels.merge} {.metadata.labels.json}"
                + " {.spec.template.spec.containers[0].resources.requests.cpu}"
                + " {.spec.template.spec.containers[0].image}"),
        // With a CPU request on every pod the embedded HPA controller can compute utilization: 1m of 200m idle is
        // 0 % (upstream truncates), once the rollout has replaced the pods without one.
        KubectlRow.of(stdout("NAME +REFERENCE +TARGETS +MINPODS +MAXPODS +REPLICAS +AGE\n"
            + "php-apache +Deployment/php-apache +cpu: 0%/50% +1 +10 +2 +\\S+\n"), "get", "hpa", "php-apache")
            .limit(Duration.ofSeconds(40)).eventually(),
        // kubectl says "no change" when the object it read and the one the patch returns are the same: retried, as
        // the rollout the template change started may still be writing the Deployment's status in between.
        KubectlRow.of(exactly("deployment.apps/php-apache patched (no change)\n"), "patch", "deployment",
            "php-apache", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"merge\":\"m\"}}}").eventually(),
        KubectlRow.of(exactly("deployment.apps/php-apache labeled\n"), "label", "deployment", "php-apache",
            "tier=web"),
        KubectlRow.of(fails(1, "error: 'tier' already has a value (web), and --overwrite is false\n"),
            "label", "deployment", "php-apache", "tier=db"),
        KubectlRow.of(exactly("deployment.apps/php-apache labeled\n"), "label", "deployment", "php-apache",
            "tier=db", "--overwrite"),
        KubectlRow.of(exactly("deployment.apps/php-apache annotated\n"), "annotate", "deployment", "php-apache",
            "note=hello"),
        KubectlRow.of(exactly("db hello"), "get", "deployment", "php-apache", "-o",
            "jsonpath={.metadata.labels.tier} {.metadata.annotations.note}"),
        KubectlRow.of(exactly("deployment.apps/php-apache unlabeled\n"), "label", "deployment", "php-apache",
            "tier-"),
        KubectlRow.of(stdout("NAME +CPU\\(cores\\) +MEMORY\\(bytes\\) *\nnginx-0 +\\d+m +\\d+Mi *\n"),
            "top", "pod", "nginx-0").eventually(),
        KubectlRow.of(stdout("NAME +CPU\\(cores\\) +MEMORY\\(bytes\\) *\n(php-apache-\\S+ +\\d+m +\\d+Mi *\n){2}"),
            "top", "pods", "-l", "app=php-apache").eventually(),
        KubectlRow.of(stdout("NAME +CPU\\(cores\\) +CPU\\(%\\) +MEMORY\\(bytes\\) +MEMORY\\(%\\) *\n"
            + "(\\S+ +\\d+m +\\d+% +\\d+Mi +\\d+% *\n)+"), "top", "nodes"));
  }

  @TestFactory
  @Order(7)
  Stream<DynamicTest> createAndApplyVariants() throws IOException {
    String configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
        data:
          value: "%s"
        """;
    Path fromFile = write("from-file.yaml", configMap.formatted("from-file", "1"));
    Path applied1 = write("applied-1.yaml", configMap.formatted("applied-cm", "1"));
    Path applied2 = write("applied-2.yaml", configMap.formatted("applied-cm", "2"));
    Path applied3 = write("applied-3.yaml", configMap.formatted("applied-cm", "3"));
    Path ssa = write("ssa.yaml", configMap.formatted("ssa-cm", "1"));
    Path dry = write("dry.yaml", configMap.formatted("dry-cm", "1"));
    String workload = "deploy/samples/nginx-deployment.yaml";
    return rows(
        KubectlRow.of(exactly("configmap/conformance-cm created\n"), "create", "configmap", "conformance-cm",
            "--from-literal=k=v"),
        KubectlRow.of(exactly("v"), "get", "configmap", "conformance-cm", "-o", "jsonpath={.data.k}"),
        KubectlRow.of(exactly("namespace/conformance created\n"), "create", "namespace", "conformance"),
        KubectlRow.of(exactly("Active"), "get", "namespace", "conformance", "-o", "jsonpath={.status.phase}"),
        KubectlRow.of(exactly("configmap/from-file created\n"), "create", "-f", fromFile.toString()),
        KubectlRow.of(fails(1, "Error from server (AlreadyExists): error when creating \"" + fromFile
            + "\": configmaps \"from-file\" already exists\n"), "create", "-f", fromFile.toString()),
        KubectlRow.of(exactly("configmap/applied-cm created\n"), "apply", "-f", applied1.toString()),
        KubectlRow.of(exactly("configmap/applied-cm unchanged\n"), "apply", "-f", applied1.toString()),
        KubectlRow.of(exactly("configmap/applied-cm configured\n"), "apply", "-f", applied2.toString()),
        KubectlRow.of(exactly("configmap/applied-cm configured (server dry run)\n"), "apply", "--dry-run=server",
            "-f", applied3.toString()),
        KubectlRow.of(exactly("2"), "get", "configmap", "applied-cm", "-o", "jsonpath={.data.value}"),
        KubectlRow.of(exactly("configmap/dry-cm created (server dry run)\n"), "apply", "--dry-run=server", "-f",
            dry.toString()),
        KubectlRow.of(fails(1, "Error from server (NotFound): configmaps \"dry-cm\" not found\n"),
            "get", "configmap", "dry-cm"),
        KubectlRow.of(exactly("configmap/ssa-cm serverside-applied\n"), "apply", "--server-side", "-f",
            ssa.toString()),
        KubectlRow.of(exactly("configmap/ssa-cm serverside-applied\n"), "apply", "--server-side", "-f",
            ssa.toString()),
        KubectlRow.of(exactly("kubectl Apply"), "get", "configmap", "ssa-cm", "-o",
            "jsonpath={.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"),
        KubectlRow.of(exactly("service/nginx-deployment created\ndeployment.apps/nginx-deployment created\n"),
            "apply", "-n", "conformance", "-f", workload),
        // Moving from client-side to server-side apply: the list-map keys of ports (port/containerPort and
        // protocol) take protocol's default TCP, and the fields that match last-applied-configuration pass to the
        // new manager without a conflict.
        KubectlRow.of(exactly("service/nginx-deployment serverside-applied\n"
            + "deployment.apps/nginx-deployment serverside-applied\n"),
            "apply", "-n", "conformance", "--server-side", "-f", workload),
        // networking.k8s.io/v1 Ingress, as seed 001's Object metric describes one: kubectl create sends protobuf,
        // whose IngressRule carries its http rule in an embedded struct that JSON inlines.
        KubectlRow.of(exactly("ingress.networking.k8s.io/main-route created\n"), "create", "ingress", "main-route",
            "-n", "conformance", "--rule=foo.com/*=svc:80", "--class=nginx"),
        KubectlRow.of(exactly("svc Prefix"), "get", "ingress", "main-route", "-n", "conformance", "-o",
            "jsonpath={.spec.rules[0].http.paths[0].backend.service.name} {.spec.rules[0].http.paths[0].pathType}"),
        KubectlRow.of(stdout("NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE *\nmain-route +nginx +foo\\.com +80 +\\S+ *\n"),
            "get", "ing", "-n", "conformance"),
        KubectlRow.of(exactly("namespace \"conformance\" deleted\n"), "delete", "namespace", "conformance")
            .limit(Duration.ofSeconds(30)));
  }

  @TestFactory
  @Order(8)
  Stream<DynamicTest> deleteCascades() {
    List<KubectlRow> rows = new ArrayList<>();
    for (String mode : List.of("orphan", "background", "foreground")) {
      String name = "cascade-" + mode;
      rows.add(KubectlRow.of(exactly("deployment.apps/" + name + " created\n"), "create", "deployment", name,
          "--image=nginx"));
      rows.add(KubectlRow.of(stdout("replicaset\\.apps/" + name + "-\\w+\npod/" + name + "-\\w+-\\w+\n"),
          "get", "replicasets,pods", "-l", "app=" + name, "-o", "name").eventually());
      rows.add(KubectlRow.of(exactly("deployment.apps \"" + name + "\" deleted\n"), "delete", "deployment", name,
          "--cascade=" + mode));
    }
    // Orphan: the ReplicaSet loses its owner (the orphan finalizer's work, done before the Deployment goes), and
    // what has no owner the garbage collector cannot take: so once that is seen, the ReplicaSet and its pod stay.
    rows.add(KubectlRow.of(exactly(""), "get", "replicasets", "-l", "app=cascade-orphan", "-o",
        "jsonpath={.items[0].metadata.ownerReferences}").eventually());
    rows.add(KubectlRow.of(stdout("replicaset\\.apps/cascade-orphan-\\w+\npod/cascade-orphan-\\w+-\\w+\n"),
        "get", "replicasets,pods", "-l", "app=cascade-orphan", "-o", "name"));
    // Background and foreground: the garbage collector removes the ReplicaSet and its pod. (With -o name and
    // several types, kubectl prints nothing at all for an empty result.)
    for (String mode : List.of("background", "foreground")) {
      rows.add(KubectlRow.of(exactly(""),
          "get", "replicasets,pods", "-l", "app=cascade-" + mode, "-o", "name").eventually());
    }
    return rows(rows);
  }

  /**
   * Bearer tokens, which kubectl presents over HTTPS only: the kubeconfig's {@code reflex-embedded-tls} context
   * trusts the embedded cluster's CA and carries the admin's token; a ServiceAccount's token from
   * {@code kubectl create token} is that ServiceAccount, with its RBAC.
   */
  @TestFactory
  @Order(9)
  Stream<DynamicTest> bearerTokensOverHttps() {
    String[] token = new String[1];
    List<DynamicTest> tests = new ArrayList<>(rowTests(List.of(
        KubectlRow.of(exactly("namespace/default\n"), "--context", "reflex-embedded-tls", "get", "namespace",
            "default", "-o", "name"),
        KubectlRow.of(exactly("serviceaccount/token-bot created\n"), "create", "serviceaccount", "token-bot"))));
    tests.add(DynamicTest.dynamicTest("kubectl create token token-bot", () -> {
      Kubectl.Result created = kubectl.run(KubectlRow.DEFAULT_LIMIT, List.of("create", "token", "token-bot"));
      assertEquals(0, created.exitCode(), created.describe());
      token[0] = created.stdout().trim();
    }));
    tests.add(DynamicTest.dynamicTest("kubectl --context reflex-embedded-tls --token=<token-bot> get pods", () -> {
      Kubectl.Result refused = kubectl.run(KubectlRow.DEFAULT_LIMIT, List.of("--context", "reflex-embedded-tls",
          "--token=" + token[0], "get", "pods"));
      assertEquals(1, refused.exitCode(), refused.describe());
      assertEquals("Error from server (Forbidden): pods is forbidden: User \"system:serviceaccount:default:token-bot\""
          + " cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n", refused.stderr(),
          refused.describe());
    }));
    tests.addAll(rowTests(List.of(
        KubectlRow.of(exactly("rolebinding.rbac.authorization.k8s.io/token-bot-views created\n"), "create",
            "rolebinding", "token-bot-views", "--clusterrole=view", "--serviceaccount=default:token-bot"))));
    // kube's bootstrap view role (aggregated from system:aggregate-to-view) reads pods, not secrets.
    tests.add(DynamicTest.dynamicTest("the viewing token-bot gets a pod over HTTPS, not a secret", () -> {
      Kubectl.Result listed = kubectl.run(KubectlRow.DEFAULT_LIMIT, List.of("--context", "reflex-embedded-tls",
          "--token=" + token[0], "get", "pod", "nginx-0", "-o", "name"));
      assertEquals(0, listed.exitCode(), listed.describe());
      assertEquals("pod/nginx-0\n", listed.stdout(), listed.describe());
      Kubectl.Result secrets = kubectl.run(KubectlRow.DEFAULT_LIMIT, List.of("--context", "reflex-embedded-tls",
          "--token=" + token[0], "get", "secrets"));
      assertEquals(1, secrets.exitCode(), secrets.describe());
      assertTrue(secrets.stderr().contains("cannot list resource \"secrets\""), secrets.describe());
    }));
    return tests.stream();
  }

  /**
   * A pod deleted gracefully: kubectl waits until it is gone (the simulated kubelet removes it once marked), and its
   * StatefulSet brings it back.
   */
  @TestFactory
  @Order(10)
  Stream<DynamicTest> podDeletionIsGraceful() {
    return rows(
        KubectlRow.of(exactly("pod \"nginx-0\" deleted\n"), "delete", "pod", "nginx-0"),
        KubectlRow.of(exactly("Running"), "get", "pod", "nginx-0", "-o", "jsonpath={.status.phase}").eventually());
  }

  /**
   * Reflex's custom and external metrics APIs behind the aggregation layer, as the embedded default registers them:
   * the APIServices are Available, discovery answers, a streamed sample is served, a metric nobody sends is
   * NotFound in the adapter's words.
   */
  @TestFactory
  @Order(11)
  Stream<DynamicTest> metricsApis() {
    List<DynamicTest> tests = new ArrayList<>(rowTests(List.of(
        KubectlRow.of(lines("NAME +SERVICE +AVAILABLE +AGE",
            "v1beta2\\.custom\\.metrics\\.k8s\\.io +reflex-system/reflex-custom-metrics +True +\\S+",
            "v1beta1\\.custom\\.metrics\\.k8s\\.io +reflex-system/reflex-custom-metrics +True +\\S+",
            "v1beta1\\.external\\.metrics\\.k8s\\.io +reflex-system/reflex-custom-metrics +True +\\S+"),
            "get", "apiservices"),
        KubectlRow.of(stdout("\\{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":"
            + "\"custom\\.metrics\\.k8s\\.io/v1beta2\",\"resources\":\\[.*\\]\\}\n?"),
            "get", "--raw", "/apis/custom.metrics.k8s.io/v1beta2"),
        KubectlRow.of(fails(1, "Error from server (NotFound): the server could not find the metric nothing_sends_this"
            + " for namespace default: no fresh streamed samples, and no Prometheus is configured"
            + " (prometheus.address)\n"), "get", "--raw",
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/nothing_sends_this"))));
    tests.add(DynamicTest.dynamicTest("remote-write rps=5 for the nginx pods", () -> reflex.remoteWrite(
        reflex.runtime.vertx().createHttpClient(), "nginx", "rps", 5)));
    tests.addAll(rowTests(List.of(KubectlRow.of(stdout(".*\"describedObject\":\\{\"kind\":\"Pod\","
        + "\"namespace\":\"default\",\"name\":\"nginx-0\",\"apiVersion\":\"/v1\"\\},\"metric\":\\{\"name\":"
        + "\"rps\",\"selector\":null\\},\"timestamp\":\"[^\"]+\",\"value\":\"5\"\\}.*\n?"),
        "get", "--raw", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/rps"))));
    return tests.stream();
  }

  /**
   * Seed 001's load generator as typed: {@code kubectl run -i --tty ... --rm} attaches over WebSocket
   * (RemoteCommand v5), the loop's output streams, a Ctrl+C (as a terminal forwards it on stdin) ends the shell,
   * and {@code --rm} deletes the pod.
   */
  @TestFactory
  @Order(12)
  Stream<DynamicTest> runInteractiveAndCtrlC() {
    DynamicTest interactive = DynamicTest.dynamicTest("kubectl run -i --tty load-generator --rm, Ctrl+C", () -> {
      try (Kubectl.Background generator = kubectl.startWithInput(List.of("run", "-i", "--tty", "load-generator",
          "--rm", "--image=busybox:1.28", "--restart=Never", "--", "/bin/sh", "-c",
          "while sleep 0.01; do wget -q -O- http://nginx; done"))) {
        awaitOutput(generator, generator::stdoutSoFar, Pattern.compile("(?s).*(OK!){20}.*"), Duration.ofSeconds(30));
        generator.process().getOutputStream().write(3);
        generator.process().getOutputStream().flush();
        if (!generator.process().waitFor(20, TimeUnit.SECONDS)) {
          fail("kubectl run did not end after Ctrl+C:\n" + generator.stdoutSoFar() + generator.stderrSoFar());
        }
        assertTrue(generator.stdoutSoFar().contains("pod \"load-generator\" deleted"), generator.stdoutSoFar());
      }
    });
    return Stream.concat(Stream.of(interactive), rowTests(List.of(KubectlRow.of(fails(1,
        "Error from server (NotFound): pods \"load-generator\" not found\n"), "get", "pod", "load-generator")
        .eventually())).stream());
  }

  // ---- running rows ------------------------------------------------------------------------------------------

  private Stream<DynamicTest> rows(KubectlRow... rows) {
    return rows(List.of(rows));
  }

  private Stream<DynamicTest> rows(List<KubectlRow> rows) {
    return rowTests(rows).stream();
  }

  private List<DynamicTest> rowTests(List<KubectlRow> rows) {
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(row))).toList();
  }

  private void check(KubectlRow row) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + row.limit().toNanos();
    Kubectl.Result result;
    while (true) {
      Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
      result = kubectl.run(row.retried() ? Duration.ofSeconds(Math.min(left.toSeconds() + 1, 20)) : row.limit(),
          row.args());
      if (row.expected().matches(result) || !row.retried() || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(250);
    }
    if (!row.expected().matches(result)) {
      fail(result.describe() + "\n=== expected ===\n" + row.expected().describe());
    }
  }

  private static void awaitOutput(Kubectl.Background process, IoSupplier output, Pattern pattern, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!pattern.matcher(output.get()).matches()) {
      if (System.nanoTime() > deadline || !process.process().isAlive()) {
        fail("$ " + String.join(" ", process.command()) + "\n[" + (process.process().isAlive() ? "still running"
            : "exited " + process.process().exitValue()) + "]\n--- stdout ---\n" + process.stdoutSoFar()
            + "--- stderr (tail) ---\n" + tail(process.stderrSoFar()) + "\n=== expected ===\n" + pattern.pattern());
      }
      Thread.sleep(100);
    }
  }

  @FunctionalInterface
  private interface IoSupplier {
    String get() throws IOException;
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
  }

  // ---- samples -----------------------------------------------------------------------------------------------

  /**
   * Samples without a namespace go to namespaces of their own, so that their IHPAs steer neither the default nginx
   * nor the sample workloads (whose re-apply would then rightly say "configured", restoring spec.replicas).
   */
  private static String[] sampleApply(Path sample) {
    List<Manifests.Document> docs = Manifests.documents(sample);
    if (docs.stream().anyMatch(doc -> !doc.tree().path("metadata").path("namespace").isMissingNode())) {
      return new String[] {"apply", "-f", sample.toString()};
    }
    String namespace = docs.stream().anyMatch(Manifests.Document::isOurs) ? SAMPLES_NS : WORKLOADS_NS;
    return new String[] {"apply", "-n", namespace, "-f", sample.toString()};
  }

  /** kubectl's line for each document of the file: {@code kind.group/name verb}. */
  private static String printed(Path file, java.util.function.Function<JsonNode, String> verb) {
    StringBuilder out = new StringBuilder();
    for (Manifests.Document doc : Manifests.documents(file)) {
      JsonNode tree = doc.tree();
      String apiVersion = tree.path("apiVersion").asString();
      String group = apiVersion.contains("/") ? "." + apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      out.append(tree.path("kind").asString().toLowerCase()).append(group).append('/')
          .append(tree.path("metadata").path("name").asString()).append(' ').append(verb.apply(tree)).append('\n');
    }
    return out.toString();
  }

  /** Whether the CRD schema defaults a field inside a list item of this IHPA (a cron rule's timeZone). */
  private static boolean defaultsAListItem(JsonNode doc) {
    // kube-apiserver stores a built-in object's quantities canonically (seed 003's 1200000m is 1200), so kubectl's
    // patch from the file's text to the live object is never empty, as on a real cluster.
    if (doc.path("kind").asString().equals("HorizontalPodAutoscaler")) {
      for (JsonNode metric : doc.path("spec").path("metrics")) {
        for (JsonNode source : metric) {
          for (String field : List.of("value", "averageValue")) {
            JsonNode quantity = source.path("target").path(field);
            if (quantity.isString() && !dev.reflex.objects.Quantity.canonical(quantity.asString())
                .orElse(quantity.asString()).equals(quantity.asString())) {
              return true;
            }
          }
        }
      }
    }
    for (JsonNode provider : doc.path("spec").path("portraitProviders")) {
      for (JsonNode rule : provider.path("cron").path("crons")) {
        if (rule.path("timeZone").isMissingNode()) {
          return true;
        }
      }
    }
    return false;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text);
  }
}
