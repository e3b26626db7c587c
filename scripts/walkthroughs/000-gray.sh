# walkthrough: seed 000 §1.4, gray scale-down: nginx 1 -> 5 in the cron window, then 2 and 4 pods Cutoff, then 1
# setting: REFLEX_EMBEDDED_CRON_CLOCK_START=08:40
# Sourced by scripts/walkthrough. The cron rules read minute 08:40 when Reflex starts (a clock offset, printed
# above): cron-1's window (minutes 0-10) is in force, and its end comes within a minute and a half instead of an
# hour. The gray strategy's own intervals (30 s steps, 60 s observation) are the sample's, not compressed.

note "Run the sample workload (the seed's nginx-statefulset.yaml is deploy/samples/nginx-statefulset.yaml)"
typed "kubectl apply -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps/nginx created"
eventually 60 "the service is deployed" "kubectl get po" "nginx-0 +1/1 +Running +0 "

note "Create the IHPA with a gray scale-down strategy (gray-strategy-sample.yaml as the seed shows it)"
typed "kubectl apply -f deploy/samples/gray-strategy-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/gray-strategy-sample created"

note "In minutes 0-9 of the hour the cron provider (priority 2) wins over the static one: nginx goes from 1 to 5"
eventually 90 "5 pods, all online" "kubectl get po -L 'kapacitystack.io/pod-state' -o wide" \
  "nginx-4 +1/1 +Running +0 .* 1/1 *$"
typed "kubectl get po -L 'kapacitystack.io/pod-state' -o wide"
eventually 30 "the Service has 5 endpoints" "kubectl get ep nginx" "nginx +([0-9.]+:80,){2}[0-9.]+:80 \+ 2 more\.\.\."

note "At minute 10 the gray scale-down begins: 2 pods become Cutoff and leave the Service's endpoints"
eventually 120 "nginx-3 and nginx-4 are Cutoff" "kubectl get po -L 'kapacitystack.io/pod-state' -o wide" \
  "nginx-3 +1/1 +Running .* 0/1 +Cutoff *
nginx-4 +1/1 +Running .* 0/1 +Cutoff *$"
eventually 30 "3 endpoints" "kubectl get ep nginx" "nginx +[0-9.]+:80,[0-9.]+:80,[0-9.]+:80 "

note "30 seconds later 4 pods are Cutoff and the Service keeps one endpoint"
eventually 60 "nginx-1 to nginx-4 are Cutoff" "kubectl get po -L 'kapacitystack.io/pod-state' -o wide" \
  "nginx-0 +1/1 +Running .* 1/1 *
nginx-1 .* 0/1 +Cutoff *
nginx-2 .* 0/1 +Cutoff *
nginx-3 .* 0/1 +Cutoff *
nginx-4 .* 0/1 +Cutoff *$"
eventually 60 "1 endpoint" "kubectl get ep nginx" "nginx +[0-9.]+:80 "

note "After the 60 s observation the workload is scaled down to 1 pod"
eventually 120 "only nginx-0 is left" "kubectl get po -L 'kapacitystack.io/pod-state' -o wide" \
  "^NAME .*POD-STATE *$
^nginx-0 +1/1 +Running .* 1/1 *$
!^nginx-[1-4] "

note "The IHPA's events show the whole scale-down"
typed "kubectl describe ihpa gray-strategy-sample" \
  "create ReplicaProfile with onlineReplicas: 5, cutoffReplicas: 0, standbyReplicas: 0"
typed "kubectl describe ihpa gray-strategy-sample" \
  "update ReplicaProfile with onlineReplicas: 5 -> 3, cutoffReplicas: 0 -> 2, standbyReplicas: 0 -> 0"
typed "kubectl describe ihpa gray-strategy-sample" \
  "update ReplicaProfile with onlineReplicas: 3 -> 1, cutoffReplicas: 2 -> 4, standbyReplicas: 0 -> 0"
typed "kubectl describe ihpa gray-strategy-sample" \
  "update ReplicaProfile with onlineReplicas: 1 -> 1, cutoffReplicas: 4 -> 0, standbyReplicas: 0 -> 0"

note "Clean up"
typed "kubectl delete -f deploy/samples/gray-strategy-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io \"gray-strategy-sample\" deleted"
typed "kubectl delete -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps \"nginx\" deleted"
