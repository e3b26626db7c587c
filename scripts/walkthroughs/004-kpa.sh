# walkthrough: seed 004, Knative's KPA on concurrency: 100 requests in flight at target 10 x 0.7 -> 15 pods; max-scale 3
# Sourced by scripts/walkthrough. Without Knative Serving the seed's Knative Service is a Deployment and a Service,
# and its autoscaling annotations are an IHPA with a KPA portrait (deploy/samples/seeds/autoscale-go.yaml says which
# field each one became). hey runs in a pod: the embedded cluster has no gateway, so the -host header names the
# Service as Knative's route host does (name.namespace.domain) and the URL is its ClusterIP. Nothing is compressed.

note "Deploy autoscale-go (the seed's autoscale-go.yaml, the Knative Service, is deploy/samples/seeds/autoscale-go.yaml)"
typed "kubectl apply -f deploy/samples/seeds/autoscale-go.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/autoscale-go created"
eventually 60 "one pod serves" "kubectl get deployment autoscale-go" "autoscale-go +1/1 +1 +1 "

note "The service's address (the seed's gateway IP)"
typed "kubectl get svc autoscale-go" "autoscale-go +ClusterIP +[0-9.]+ "
gateway="$(kubectl get svc autoscale-go | awk '$1 == "autoscale-go" { print $3 }')"

note "Scenario 1: 100 concurrent requests for 30 s; 100 / (10 x 0.7) asks for 15 pods"
typed "kubectl run hey --image=williamyeh/hey --restart=Never -- -z 30s -c 100 -host \"autoscale-go.default.example.com\" \"http://$gateway?sleep=100&prime=10000&bloat=5\"" \
  "pod/hey created"
eventually 60 "the KPA scales autoscale-go to 15 pods" "kubectl get deployment autoscale-go" "autoscale-go +15/15 +15 +15 "
typed "kubectl get --raw '/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/concurrency?labelSelector=app%3Dautoscale-go'" \
  '"metric":\{"name":"concurrency"'
typed "kubectl describe ihpa autoscale-go" \
  "create ReplicaProfile with onlineReplicas: 15, cutoffReplicas: 0, standbyReplicas: 0|update ReplicaProfile with onlineReplicas: 1 -> 15, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
eventually 60 "hey is done after 30 s" "kubectl get pod hey" "hey +0/1 +Completed "
eventually 180 "without load the KPA scales back to 1 pod after its stable window" \
  "kubectl get deployment autoscale-go" "autoscale-go +1/1 +1 +1 "
typed "kubectl delete pod hey" "pod \"hey\" deleted"

note "Scenario 2: scaling bounds, the seed's min-scale 1 and max-scale 3 annotations as the IHPA's minReplicas and maxReplicas"
typed "kubectl patch ihpa autoscale-go --type=merge -p '{\"spec\":{\"minReplicas\":1,\"maxReplicas\":3}}'" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/autoscale-go patched"
typed "kubectl run hey --image=williamyeh/hey --restart=Never -- -z 30s -c 100 -host \"autoscale-go.default.example.com\" \"http://$gateway?sleep=100&prime=10000&bloat=5\"" \
  "pod/hey created"
eventually 60 "the same load gets 3 pods, the maximum" "kubectl get deployment autoscale-go" "autoscale-go +3/3 +3 +3 "
eventually 20 "the IHPA says the portrait was limited" "kubectl describe ihpa autoscale-go" "ScalingLimited"
typed "kubectl get deployment autoscale-go" "autoscale-go +3/3 +3 +3 "

note "Clean up"
typed "kubectl delete pod hey" "pod \"hey\" deleted"
typed "kubectl delete -f deploy/samples/seeds/autoscale-go.yaml" "deployment.apps \"autoscale-go\" deleted"
