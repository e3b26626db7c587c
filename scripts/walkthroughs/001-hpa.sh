# walkthrough: seed 001, HorizontalPodAutoscaler walkthrough: php-apache 1 -> 7 at 50 % CPU, back to 1
# setting: REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_SYNC_PERIOD=2s
# setting: REFLEX_EMBEDDED_HORIZONTAL_POD_AUTOSCALER_DOWNSCALE_STABILIZATION=20s
# setting: REFLEX_EMBEDDED_POD_STARTUP_DELAY=500ms
# Sourced by scripts/walkthrough, which defines typed, eventually, in_terminal, ctrl_c and note.

note "Run and expose the php-apache server (the seed's https://k8s.io/examples/application/php-apache.yaml is"
note "deploy/samples/seeds/php-apache.yaml)"
typed "kubectl apply -f deploy/samples/seeds/php-apache.yaml" \
  "deployment.apps/php-apache created"
eventually 60 "php-apache is running" "kubectl get deployment php-apache" "php-apache +1/1 +1 +1"

note "Create the HorizontalPodAutoscaler"
typed "kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10" \
  "horizontalpodautoscaler.autoscaling/php-apache autoscaled"
eventually 60 "the HPA reads 0 % of its 50 % target at 1 replica" "kubectl get hpa" \
  "php-apache +Deployment/php-apache +cpu: 0%/50% +1 +10 +1 "

note "Increase the load"
in_terminal load "kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c \"while sleep 0.01; do wget -q -O- http://php-apache; done\""
in_terminal watch "kubectl get hpa php-apache --watch"
eventually 60 "the load generator's requests are answered" "cat '${background_out[load]}'" "(OK!){10}"
eventually 120 "the HPA sees 305 % and asks for 7 replicas" "kubectl get deployment php-apache" \
  "php-apache +7/7 +7 +7"
eventually 60 "at 7 replicas each pod is at 44 % of its request" "kubectl get hpa php-apache" \
  "cpu: 44%/50% +1 +10 +7 "

note "Stop generating load"
ctrl_c load forwarded
grep -q 'pod "load-generator" deleted' "${background_out[load]}" \
  || { echo "walkthrough: FAILED: kubectl run --rm did not delete the load generator" >&2; exit 1; }
eventually 120 "after the stabilization window php-apache is back to 1 replica at 0 %" "kubectl get hpa php-apache" \
  "cpu: 0%/50% +1 +10 +1 "
eventually 60 "one pod left" "kubectl get deployment php-apache" "php-apache +1/1 +1 +1"
ctrl_c watch
grep -Eq "php-apache +Deployment/php-apache +cpu: 305%/50% +1 +10 +[0-9]+ " "${background_out[watch]}" \
  || { echo "walkthrough: FAILED: the watch never showed the load at 305 %" >&2; exit 1; }
grep -Eq "php-apache +Deployment/php-apache +cpu: [0-9]+%/50% +1 +10 +7 " "${background_out[watch]}" \
  || { echo "walkthrough: FAILED: the watch never showed 7 replicas" >&2; exit 1; }
output_of watch

note "Autoscaling on multiple metrics: the same HPA as autoscaling/v2"
typed "kubectl get hpa php-apache -o yaml > /tmp/hpa-v2.yaml"
typed "grep -E 'apiVersion: autoscaling/v2|averageUtilization: 50|type: Resource' /tmp/hpa-v2.yaml" \
  "averageUtilization: 50"
