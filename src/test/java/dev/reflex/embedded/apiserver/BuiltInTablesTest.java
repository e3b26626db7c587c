package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.TableFixtures.builtIn;
import static dev.reflex.embedded.apiserver.TableFixtures.cells;
import static dev.reflex.embedded.apiserver.TableFixtures.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact cells for representative objects of each built-in kind; every cell is sent, wide ones included. */
class BuiltInTablesTest {

  static final ResourceType PODS = builtIn("", "v1", "pods", "Pod");
  static final ResourceType DEPLOYMENTS = builtIn("apps", "v1", "deployments", "Deployment");
  static final ResourceType HPA_V2 =
      builtIn("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler");
  static final ResourceType HPA_V1 =
      builtIn("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler");

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("running ready pod with one restart", PODS, """
            {"metadata":{"name":"web-1","creationTimestamp":"2024-05-01T10:00:00Z"},
             "spec":{"nodeName":"node-a","containers":[{"name":"app","image":"nginx"}]},
             "status":{"phase":"Running","podIP":"10.0.0.5","podIPs":[{"ip":"10.0.0.5"}],
               "conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}],
               "containerStatuses":[{"name":"app","ready":true,"restartCount":1,
                 "state":{"running":{"startedAt":"2024-05-01T11:55:01Z"}},
                 "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2024-05-01T11:55:00Z"}}}]}}""",
            "[\"web-1\",\"1/1\",\"Running\",\"1 (5m ago)\",\"120m\",\"10.0.0.5\",\"node-a\",\"<none>\",\"<none>\"]"),
        Arguments.of("pending unscheduled pod", PODS, """
            {"metadata":{"name":"pending-0","creationTimestamp":"2024-05-01T11:59:15Z"},
             "spec":{"containers":[{"name":"app"},{"name":"sidecar"}]},
             "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
               "reason":"Unschedulable"}]}}""",
            "[\"pending-0\",\"0/2\",\"Pending\",\"0\",\"45s\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"]"),
        Arguments.of("pod creating its container", PODS, """
            {"metadata":{"name":"web-2","creationTimestamp":"2024-05-01T11:59:50Z"},
             "spec":{"nodeName":"node-b","containers":[{"name":"app"}]},
             "status":{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
               "state":{"waiting":{"reason":"ContainerCreating"}}}]}}""",
            "[\"web-2\",\"0/1\",\"ContainerCreating\",\"0\",\"10s\",\"<none>\",\"node-b\",\"<none>\",\"<none>\"]"),
        Arguments.of("terminating pod with a satisfied readiness gate", PODS, """
            {"metadata":{"name":"web-3","creationTimestamp":"2024-04-28T12:00:00Z",
              "deletionTimestamp":"2024-05-01T11:59:00Z"},
             "spec":{"nodeName":"node-a","containers":[{"name":"app"}],
               "readinessGates":[{"conditionType":"example.com/lb"}]},
             "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.7"},{"ip":"fd00::7"}],"nominatedNodeName":"node-c",
               "conditions":[{"type":"Ready","status":"True"},{"type":"example.com/lb","status":"True"}],
               "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}}""",
            "[\"web-3\",\"1/1\",\"Terminating\",\"0\",\"3d\",\"10.0.0.7\",\"node-a\",\"node-c\",\"1/1\"]"),
        Arguments.of("pod stuck in an init container, with a running sidecar", PODS, """
            {"metadata":{"name":"init-0","creationTimestamp":"2024-05-01T11:50:00Z"},
             "spec":{"containers":[{"name":"app"}],
               "initContainers":[{"name":"proxy","restartPolicy":"Always"},{"name":"migrate"}]},
             "status":{"phase":"Pending","initContainerStatuses":[
               {"name":"proxy","started":true,"ready":true,"restartCount":2,"state":{"running":{}}},
               {"name":"migrate","ready":false,"restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
                "lastState":{"terminated":{"exitCode":1,"finishedAt":"2024-05-01T11:58:00Z"}}}]}}""",
            "[\"init-0\",\"1/2\",\"Init:CrashLoopBackOff\",\"6 (2m ago)\",\"10m\",\"<none>\",\"<none>\",\"<none>\","
                + "\"<none>\"]"),
        Arguments.of("pod whose container was OOM-killed", PODS, """
            {"metadata":{"name":"oom-0","creationTimestamp":"2024-05-01T11:00:00Z"},
              "spec":{"containers":[{"name":"app"}]},
             "status":{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
               "state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}}""",
            "[\"oom-0\",\"0/1\",\"OOMKilled\",\"0\",\"60m\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"]"),
        Arguments.of("deployment with 2 of 3 ready", DEPLOYMENTS, """
            {"metadata":{"name":"web","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"},
                 "matchExpressions":[{"key":"tier","operator":"In","values":["front","edge"]}]},
               "template":{"spec":{"containers":[{"name":"app","image":"nginx:1.25"},
                 {"name":"log","image":"fluent"}]}}},
             "status":{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}}""",
            "[\"web\",\"2/3\",3,2,\"3d\",\"app,log\",\"nginx:1.25,fluent\",\"app=web,tier in (edge,front)\"]"),
        Arguments.of("statefulset", builtIn("apps", "v1", "statefulsets", "StatefulSet"), """
            {"metadata":{"name":"db","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"pg","image":"postgres:16"}]}}},
             "status":{"readyReplicas":1}}""",
            "[\"db\",\"1/2\",\"3d\",\"pg\",\"postgres:16\"]"),
        Arguments.of("replicaset", builtIn("apps", "v1", "replicasets", "ReplicaSet"), """
            {"metadata":{"name":"web-5d9c","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"pod-template-hash":"5d9c","app":"web"}},
               "template":{"spec":{"containers":[{"name":"app","image":"nginx:1.25"}]}}},
             "status":{"replicas":3,"readyReplicas":3}}""",
            "[\"web-5d9c\",3,3,3,\"3d\",\"app\",\"nginx:1.25\",\"app=web,pod-template-hash=5d9c\"]"),
        Arguments.of("service with two ports", builtIn("", "v1", "services", "Service"), """
            {"metadata":{"name":"web","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],
               "ports":[{"name":"http","port":80,"protocol":"TCP","targetPort":8080},
                 {"name":"metrics","port":9090,"protocol":"TCP"}],
               "selector":{"tier":"front","app":"web"}}}""",
            "[\"web\",\"ClusterIP\",\"10.96.0.10\",\"<none>\",\"80/TCP,9090/TCP\",\"3d\",\"app=web,tier=front\"]"),
        Arguments.of("load balancer service", builtIn("", "v1", "services", "Service"), """
            {"metadata":{"name":"edge","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"type":"LoadBalancer","clusterIPs":["10.96.0.11"],
               "ports":[{"port":443,"nodePort":30443,"protocol":"TCP"}]},
             "status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.9"},{"hostname":"lb.example.com"},
               {"ip":"203.0.113.7"}]}}}""",
            "[\"edge\",\"LoadBalancer\",\"10.96.0.11\",\"203.0.113.7,203.0.113.9,lb.example.com\",\"443:30443/TCP\","
                + "\"3d\",\"<none>\"]"),
        Arguments.of("endpoints beyond three addresses", builtIn("", "v1", "endpoints", "Endpoints"), """
            {"metadata":{"name":"web","creationTimestamp":"2024-04-28T12:00:00Z"},
             "subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]}]}""",
            "[\"web\",\"10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...\",\"3d\"]"),
        Arguments.of("endpoints without subsets", builtIn("", "v1", "endpoints", "Endpoints"), """
            {"metadata":{"name":"idle","creationTimestamp":"2024-04-28T12:00:00Z"}}""",
            "[\"idle\",\"<none>\",\"3d\"]"),
        Arguments.of("configmap", builtIn("", "v1", "configmaps", "ConfigMap"), """
            {"metadata":{"name":"conf","creationTimestamp":"2024-04-28T12:00:00Z"},"data":{"a":"1","b":"2"},
              "binaryData":{"c":"AA=="}}""",
            "[\"conf\",3,\"3d\"]"),
        Arguments.of("secret", builtIn("", "v1", "secrets", "Secret"), """
            {"metadata":{"name":"tls","creationTimestamp":"2024-04-28T12:00:00Z"},
              "type":"kubernetes.io/tls","data":{"tls.crt":"","tls.key":""}}""",
            "[\"tls\",\"kubernetes.io/tls\",2,\"3d\"]"),
        Arguments.of("service account", builtIn("", "v1", "serviceaccounts", "ServiceAccount"), """
            {"metadata":{"name":"default","creationTimestamp":"2024-04-28T12:00:00Z"}}""",
            "[\"default\",0,\"3d\"]"),
        Arguments.of("namespace", builtIn("", "v1", "namespaces", "Namespace"), """
            {"metadata":{"name":"prod","creationTimestamp":"2024-04-28T12:00:00Z"},"status":{"phase":"Terminating"}}""",
            "[\"prod\",\"Terminating\",\"3d\"]"),
        Arguments.of("cordoned control-plane node", builtIn("", "v1", "nodes", "Node"), """
            {"metadata":{"name":"node-a","creationTimestamp":"2024-04-28T12:00:00Z",
               "labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"etcd",
                 "kubernetes.io/os":"linux"}},
             "spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
               "addresses":[{"type":"Hostname","address":"node-a"},{"type":"InternalIP","address":"172.18.0.2"}],
               "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Debian GNU/Linux 12 (bookworm)",
                 "containerRuntimeVersion":"containerd://1.7.13"}}}""",
            "[\"node-a\",\"Ready,SchedulingDisabled\",\"control-plane,etcd\",\"3d\",\"v1.32.0\",\"172.18.0.2\","
                + "\"<none>\","
                + "\"Debian GNU/Linux 12 (bookworm)\",\"<unknown>\",\"containerd://1.7.13\"]"),
        Arguments.of("core event", builtIn("", "v1", "events", "Event"), """
            {"metadata":{"name":"web-1.17a","creationTimestamp":"2024-05-01T09:00:00Z"},
             "involvedObject":{"kind":"Pod","name":"web-1","fieldPath":"spec.containers{app}"},
             "reason":"BackOff","type":"Warning","message":"  Back-off restarting failed container\\n","count":7,
             "source":{"component":"kubelet","host":"node-a"},
             "firstTimestamp":"2024-05-01T09:00:00Z","lastTimestamp":"2024-05-01T11:54:30Z"}""",
            "[\"5m30s\",\"Warning\",\"BackOff\",\"pod/web-1\",\"spec.containers{app}\",\"kubelet, node-a\","
                + "\"Back-off restarting failed container\",\"3h\",7,\"web-1.17a\"]"),
        Arguments.of("events.k8s.io event in a series", builtIn("events.k8s.io", "v1", "events", "Event"), """
            {"metadata":{"name":"web.1","creationTimestamp":"2024-05-01T10:00:00Z"},
             "regarding":{"kind":"Deployment","name":"web"},"reason":"Scaled","type":"Normal","note":"Scaled to 4",
             "eventTime":"2024-05-01T10:00:00.000000Z","reportingController":"reflex","reportingInstance":"",
             "series":{"count":3,"lastObservedTime":"2024-05-01T11:59:15.000000Z"}}""",
            "[\"45s\",\"Normal\",\"Scaled\",\"deployment/web\",\"\",\"reflex\",\"Scaled to 4\",\"120m\",3,\"web.1\"]"),
        Arguments.of("HPA v2 with a CPU utilization metric at 62%", HPA_V2, """
            {"metadata":{"name":"web","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},
               "minReplicas":2,"maxReplicas":10,
               "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization",
                 "averageUtilization":50}}}]},
             "status":{"currentReplicas":4,"desiredReplicas":5,
               "currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":62,
                 "averageValue":"310m"}}}]}}""",
            "[\"web\",\"Deployment/web\",\"cpu: 62%/50%\",\"2\",10,4,\"3d\"]"),
        Arguments.of("HPA v2 with three metrics", HPA_V2, """
            {"metadata":{"name":"busy","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"scaleTargetRef":{"kind":"StatefulSet","name":"db"},"maxReplicas":6,"metrics":[
               {"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}},
               {"type":"Pods","pods":{"metric":{"name":"packets"},"target":{"type":"AverageValue",
                 "averageValue":"1200"}}},
               {"type":"External","external":{"metric":{"name":"queue"},
                 "target":{"type":"AverageValue","averageValue":"30"}}}]},
             "status":{"currentReplicas":1,"currentMetrics":[
               {"type":"Resource","resource":{"name":"cpu","current":{}}},
               {"type":"Pods","pods":{"metric":{"name":"packets"},"current":{"averageValue":"1200m"}}}]}}""",
            "[\"busy\",\"StatefulSet/db\",\"cpu: <unknown>/50%, 1200m/1200 + 1 more...\",\"1\",6,1,\"3d\"]"),
        Arguments.of("HPA v2 object and external value metrics", HPA_V2, """
            {"metadata":{"name":"ext","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"scaleTargetRef":{"kind":"Deployment","name":"w"},"minReplicas":1,"maxReplicas":3,"metrics":[
               {"type":"Object","object":{"metric":{"name":"rps"},"target":{"type":"Value","value":"100"}}},
               {"type":"External","external":{"metric":{"name":"lag"},"target":{"type":"AverageValue",
                 "averageValue":"5"}}}]},
             "status":{"currentReplicas":2,"currentMetrics":[
               {"type":"Object","object":{"current":{"value":"87"}}},
               {"type":"External","external":{"current":{"averageValue":"7500m"}}}]}}""",
            "[\"ext\",\"Deployment/w\",\"87/100, 7500m/5 (avg)\",\"1\",3,2,\"3d\"]"),
        Arguments.of("HPA v1 with a CPU target", HPA_V1, """
            {"metadata":{"name":"old","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"minReplicas":1,"maxReplicas":4,
               "targetCPUUtilizationPercentage":80},"status":{"currentReplicas":2,
                 "currentCPUUtilizationPercentage":35}}""",
            "[\"old\",\"Deployment/web\",\"cpu: 35%/80%\",\"1\",4,2,\"3d\"]"),
        Arguments.of("HPA v1 without a target defaults to CPU at 80%", HPA_V1, """
            {"metadata":{"name":"bare","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":4},
               "status":{"currentReplicas":0}}""",
            "[\"bare\",\"Deployment/web\",\"cpu: <unknown>/80%\",\"1\",4,0,\"3d\"]"),
        Arguments.of("completed job", builtIn("batch", "v1", "jobs", "Job"), """
            {"metadata":{"name":"migrate","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"completions":1,"parallelism":1,
               "selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"abc"}},
               "template":{"spec":{"containers":[{"name":"migrate","image":"app:1"}]}}},
             "status":{"succeeded":1,"startTime":"2024-04-28T12:00:05Z","completionTime":"2024-04-28T12:02:35Z",
               "conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}}""",
            "[\"migrate\",\"Complete\",\"1/1\",\"2m30s\",\"3d\",\"migrate\",\"app:1\","
                + "\"batch.kubernetes.io/controller-uid=abc\"]"),
        Arguments.of("running parallel job", builtIn("batch", "v1", "jobs", "Job"), """
            {"metadata":{"name":"work","creationTimestamp":"2024-05-01T11:00:00Z"},"spec":{"parallelism":3},
             "status":{"succeeded":1,"startTime":"2024-05-01T11:54:30Z"}}""",
            "[\"work\",\"Running\",\"1/1 of 3\",\"5m30s\",\"60m\",\"\",\"\",\"<none>\"]"),
        Arguments.of("cronjob", builtIn("batch", "v1", "cronjobs", "CronJob"), """
            {"metadata":{"name":"tick","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"schedule":"*/5 * * * *","suspend":false,
               "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"tick","image":"busybox"}]}}}}},
             "status":{"active":[{"name":"tick-1"}],"lastScheduleTime":"2024-05-01T11:55:00Z"}}""",
            "[\"tick\",\"*/5 * * * *\",\"<none>\",\"False\",1,\"5m\",\"3d\",\"tick\",\"busybox\",\"<none>\"]"),
        Arguments.of("lease", builtIn("coordination.k8s.io", "v1", "leases", "Lease"), """
            {"metadata":{"name":"reflex-leader","creationTimestamp":"2024-04-28T12:00:00Z"},
              "spec":{"holderIdentity":"reflex-0"}}""",
            "[\"reflex-leader\",\"reflex-0\",\"3d\"]"),
        Arguments.of("controller revision", builtIn("apps", "v1", "controllerrevisions", "ControllerRevision"), """
            {"metadata":{"name":"db-7f9","creationTimestamp":"2024-04-28T12:00:00Z",
               "ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"db","controller":true}]},
                 "revision":2}""",
            "[\"db-7f9\",\"statefulset.apps/db\",2,\"3d\"]"),
        Arguments.of("role binding", builtIn("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"), """
            {"metadata":{"name":"read","creationTimestamp":"2024-04-28T12:00:00Z"},
              "roleRef":{"kind":"Role","name":"reader"},
             "subjects":[{"kind":"User","name":"alice"},{"kind":"ServiceAccount","namespace":"default","name":"reflex"},
               {"kind":"Group","name":"devs"},{"kind":"User","name":"bob"}]}""",
            "[\"read\",\"Role/reader\",\"3d\",\"alice, bob\",\"devs\",\"default/reflex\"]"),
        Arguments.of("webhook configuration",
            builtIn("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations",
                "ValidatingWebhookConfiguration"), """
            {"metadata":{"name":"reflex","creationTimestamp":"2024-04-28T12:00:00Z"},
              "webhooks":[{"name":"a"},{"name":"b"}]}""",
            "[\"reflex\",2,\"3d\"]"),
        Arguments.of("unavailable API service",
            builtIn("apiregistration.k8s.io", "v1", "apiservices", "APIService"), """
            {"metadata":{"name":"v1beta1.metrics.k8s.io","creationTimestamp":"2024-04-28T12:00:00Z"},
             "spec":{"service":{"namespace":"kube-system","name":"metrics-server"}},
             "status":{"conditions":[{"type":"Available","status":"False","reason":"MissingEndpoints"}]}}""",
            "[\"v1beta1.metrics.k8s.io\",\"kube-system/metrics-server\",\"False (MissingEndpoints)\",\"3d\"]"),
        Arguments.of("local API service", builtIn("apiregistration.k8s.io", "v1", "apiservices", "APIService"), """
            {"metadata":{"name":"v1.apps","creationTimestamp":"2024-04-28T12:00:00Z"},
             "status":{"conditions":[{"type":"Available","status":"True","reason":"Local"}]}}""",
            "[\"v1.apps\",\"Local\",\"True\",\"3d\"]"),
        Arguments.of("role, printed by the default convertor",
            builtIn("rbac.authorization.k8s.io", "v1", "roles", "Role"), """
            {"metadata":{"name":"reader","creationTimestamp":"2024-04-28T12:00:00Z"}}""",
            "[\"reader\",\"2024-04-28T12:00:00Z\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void printsKubesCells(String description, ResourceType type, String object, String expectedCells) {
    assertEquals(expectedCells, cells(type, object));
  }

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of(PODS, "Name:0 Ready:0 Status:0 Restarts:0 Age:0 IP:1 Node:1 Nominated Node:1 Readiness Gates:1"),
        Arguments.of(DEPLOYMENTS, "Name:0 Ready:0 Up-to-date:0 Available:0 Age:0 Containers:1 Images:1 Selector:1"),
        Arguments.of(builtIn("apps", "v1", "statefulsets", "StatefulSet"),
            "Name:0 Ready:0 Age:0 Containers:1 Images:1"),
        Arguments.of(builtIn("apps", "v1", "replicasets", "ReplicaSet"),
            "Name:0 Desired:0 Current:0 Ready:0 Age:0 Containers:1 Images:1 Selector:1"),
        Arguments.of(builtIn("", "v1", "services", "Service"),
            "Name:0 Type:0 Cluster-IP:0 External-IP:0 Port(s):0 Age:0 Selector:1"),
        Arguments.of(builtIn("", "v1", "nodes", "Node"), "Name:0 Status:0 Roles:0 Age:0 Version:0 Internal-IP:1"
            + " External-IP:1 OS-Image:1 Kernel-Version:1 Container-Runtime:1"),
        Arguments.of(builtIn("", "v1", "events", "Event"), "Last Seen:0 Type:0 Reason:0 Object:0 Subobject:1"
            + " Source:1 Message:0 First Seen:1 Count:1 Name:1"),
        Arguments.of(HPA_V2, "Name:0 Reference:0 Targets:0 MinPods:0 MaxPods:0 Replicas:0 Age:0"),
        Arguments.of(builtIn("batch", "v1", "jobs", "Job"),
            "Name:0 Status:0 Completions:0 Duration:0 Age:0 Containers:1 Images:1 Selector:1"),
        Arguments.of(builtIn("batch", "v1", "cronjobs", "CronJob"), "Name:0 Schedule:0 Timezone:0 Suspend:0 Active:0"
            + " Last Schedule:0 Age:0 Containers:1 Images:1 Selector:1"),
        Arguments.of(builtIn("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding"),
            "Name:0 Role:0 Age:0 Users:1 Groups:1 ServiceAccounts:1"),
        Arguments.of(builtIn("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition"),
            "Name:0 Created At:0"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("headers")
  void sendsEveryColumnWithItsPriority(ResourceType type, String expected) {
    assertEquals(expected, columns(type));
  }
}
