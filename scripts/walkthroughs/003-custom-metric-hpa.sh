# walkthrough: seed 003, an HPA on External QPS with a 1200 target: 700 on 2 pods stays 2, 1500 -> 3, 2000 on 3 -> 5
# Sourced by scripts/walkthrough. The seed reads http_index_qps from Prometheus through an adapter rule; here Reflex
# serves external.metrics.k8s.io itself from streamed samples, which `scripts/reflex write --every 1s` sends as a
# scrape of each pod would (the stage's QPS shared by the running pods). Nothing is compressed: each stage of the
# seed's table is one 15 s HPA sync. (A Value target on a total keeps scaling up at every sync while the total stays
# above it, 3 x 1500 / 1200 -> 4 and so on: the seed's table changes the QPS between two syncs, and so does this.)

# write_qps TOTAL: the QPS of one stage of the seed's table, split over the running pods, written every second.
write_qps() {
  local total=$1 i=0 share rest pods
  mapfile -t pods < <(kubectl get pods -n demo-prod -l app=demo-micro-service --field-selector=status.phase=Running \
    -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}')
  share=$(( total / ${#pods[@]} )); rest=$(( total % ${#pods[@]} ))
  : > "$work/qps-$total.prom"
  for pod in "${pods[@]}"; do
    echo "http_index_qps{namespace=\"demo-prod\",pod=\"$pod\",env=\"demo-prod\"} $(( share + (i < rest ? 1 : 0) ))" \
      >> "$work/qps-$total.prom"
    i=$(( i + 1 ))
  done
  typed "cat $work/qps-$total.prom" "http_index_qps"
  in_terminal "qps$total" "scripts/reflex write --every 1s --url $reflex_url --file $work/qps-$total.prom"
}

note "The workload and the seed's HPA (deploy/samples/seeds/demo-micro-service.yaml: the seed's autoscaling/v2beta2"
note "object as autoscaling/v2, which Kubernetes 1.26+ serves)"
typed "kubectl create namespace demo-prod" "namespace/demo-prod created"
typed "kubectl apply -f deploy/samples/seeds/demo-micro-service.yaml" \
  "horizontalpodautoscaler.autoscaling/demo-micro-service created"
eventually 60 "2 pods, the HPA's minimum" "kubectl get deployment -n demo-prod demo-micro-service" \
  "demo-micro-service +2/2 +2 +2 "

note "QPS 700: ceil(2 x 700 / 1200) = 2"
write_qps 700
eventually 30 "the external metrics API serves the streamed QPS" \
  "kubectl get --raw \"/apis/external.metrics.k8s.io/v1beta1/namespaces/demo-prod/http_index_qps\" | jq ." \
  '"metricName": "http_index_qps"
"env": "demo-prod"
"kind": "ExternalMetricValueList"'
eventually 60 "the HPA reads 700 of its 1200 and keeps 2 replicas" "kubectl get hpa -n demo-prod" \
  "demo-micro-service +Deployment/demo-micro-service +700/1200 +2 +10 +2 "

note "QPS 1500: ceil(2 x 1500 / 1200) = 3 (the seed's 1300 is within the HPA's 10 % tolerance and stays 2)"
ctrl_c qps700
write_qps 1500
eventually 60 "the HPA asks for 3 replicas" "kubectl get deployment -n demo-prod demo-micro-service" \
  "demo-micro-service +[0-9]/3 +[0-9] +[0-9] "

note "QPS 2000 on 3 pods: ceil(3 x 2000 / 1200) = 5 (the seed's text says 6, but 5.0 rounds up to 5)"
ctrl_c qps1500
write_qps 2000
eventually 60 "the HPA asks for 5 replicas" "kubectl get deployment -n demo-prod demo-micro-service" \
  "demo-micro-service +[0-9]/5 +[0-9] +[0-9] "
typed "kubectl describe hpa -n demo-prod demo-micro-service" \
  '"http_index_qps" \(target value\): +2k / 1200
New size: 3; reason: external metric http_index_qps\(&LabelSelector\{MatchLabels:map\[string\]string\{env: demo-prod
New size: 5; reason: external metric http_index_qps\(&LabelSelector\{MatchLabels:map\[string\]string\{env: demo-prod
!New size: 4;
ScalingActive +True +ValidMetricFound'
note "(At the next sync 2000 on 5 pods would ask for 9: the seed's table goes on to 2500 and the maximum, 10.)"
ctrl_c qps2000

note "Clean up"
typed "kubectl delete namespace demo-prod" "namespace \"demo-prod\" deleted"
