# walkthrough: seed 000 §1.2, reactive scaling: a KubeHPA portrait at 30 % CPU takes nginx 1 -> 6 under load, back to 1
# Sourced by scripts/walkthrough. Nothing is compressed: the portrait is recomputed every 15 s as in the sample.
# Each request to the sample's NGINX costs 1.7m CPU in the embedded cluster (its pod template's
# embedded.reflex.dev/cpu-millicores-per-request), so the seed's 100 requests/s are 170 % of one pod's 100m.

note "Run the sample workload (the seed's nginx-statefulset.yaml is deploy/samples/nginx-statefulset.yaml)"
typed "kubectl apply -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps/nginx created"
eventually 60 "the service is deployed" "kubectl get po" "nginx-0 +1/1 +Running +0 "

note "Create the IHPA with a dynamic reactive portrait (dynamic-reactive-portrait-sample.yaml as the seed shows it)"
typed "kubectl apply -f deploy/samples/dynamic-reactive-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/dynamic-reactive-portrait-sample created"
eventually 60 "idle, the portrait asks for 1 replica" "kubectl describe ihpa dynamic-reactive-portrait-sample" \
  "Normal +CreateReplicaProfile .*create ReplicaProfile with onlineReplicas: 1, cutoffReplicas: 0, standbyReplicas: 0"

note "Increase the load: the NGINX Service's ClusterIP and port"
typed "kubectl get svc nginx" "nginx +ClusterIP +[0-9.]+ +<none> +80/TCP "
service_ip="$(kubectl get svc nginx | awk '$1 == "nginx" { print $3 }')"
service_port="$(kubectl get svc nginx | awk '$1 == "nginx" { split($5, p, "/"); print p[1] }')"
note "A client pod requesting them in a loop (the seed's <service-ip>:<service-port> replaced by $service_ip:$service_port)"
in_terminal load "kubectl run -i --tty load-generator --rm --image=busybox --restart=Never -- /bin/sh -c \"while sleep 0.01; do wget -q -O- http://$service_ip:$service_port > /dev/null; done\""
eventually 120 "the IHPA scales the workload up: 1 -> 6" "kubectl describe ihpa dynamic-reactive-portrait-sample" \
  "Normal +UpdateReplicaProfile .*update ReplicaProfile with onlineReplicas: 1 -> 6, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
eventually 60 "6 pods serve the load" "kubectl get statefulset nginx" "nginx +6/6 "

note "Stop generating load: Ctrl+C in the client's terminal"
ctrl_c load forwarded
grep -q 'pod "load-generator" deleted' "${background_out[load]}" \
  || { echo "walkthrough: FAILED: kubectl run --rm did not delete the load generator" >&2; exit 1; }
eventually 120 "the IHPA scales the workload back down to 1" "kubectl describe ihpa dynamic-reactive-portrait-sample" \
  "Normal +UpdateReplicaProfile .*update ReplicaProfile with onlineReplicas: [2-6] -> 1, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
eventually 60 "one pod left" "kubectl get statefulset nginx" "nginx +1/1 "

note "Clean up"
typed "kubectl delete -f deploy/samples/dynamic-reactive-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io \"dynamic-reactive-portrait-sample\" deleted"
typed "kubectl delete -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps \"nginx\" deleted"
