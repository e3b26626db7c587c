# walkthrough: seed 000 §1.1, cron portraits: nginx follows its hourly schedule, 3 -> 4 replicas at minute 30
# setting: REFLEX_EMBEDDED_CRON_CLOCK_START=29:00
# Sourced by scripts/walkthrough. The cron rules read minute 29:00 when Reflex starts (a clock offset, printed
# above), so the walkthrough sees the schedule cross minute 30 within a minute instead of waiting for it.

note "Run the sample workload (the seed's nginx-statefulset.yaml is deploy/samples/nginx-statefulset.yaml)"
typed "kubectl apply -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps/nginx created"
eventually 60 "the service is deployed" "kubectl get po" "nginx-0 +1/1 +Running +0 "

note "Create the IHPA with a cron portrait provider (cron-portrait-sample.yaml as the seed shows it)"
typed "kubectl apply -f deploy/samples/cron-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/cron-portrait-sample created"
eventually 60 "between minutes 20 and 30 cron-3 holds: the ReplicaProfile is created with 3 online replicas" \
  "kubectl describe ihpa cron-portrait-sample" \
  "Normal +CreateReplicaProfile .*create ReplicaProfile with onlineReplicas: 3, cutoffReplicas: 0, standbyReplicas: 0"
eventually 60 "nginx runs 3 pods" "kubectl get statefulset nginx" "nginx +3/3 "

note "Verify: the IHPA's events show the replicas following the schedule"
eventually 90 "at minute 30 cron-4 takes over: 3 -> 4" "kubectl describe ihpa cron-portrait-sample" \
  "Normal +UpdateReplicaProfile .*update ReplicaProfile with onlineReplicas: 3 -> 4, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
note "You can also watch the workload's replicas change"
eventually 60 "nginx runs 4 pods" "kubectl get po" "nginx-3 +1/1 +Running +0 "
typed "kubectl get statefulset nginx" "nginx +4/4 "

note "Clean up"
typed "kubectl delete -f deploy/samples/cron-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io \"cron-portrait-sample\" deleted"
typed "kubectl delete -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps \"nginx\" deleted"
