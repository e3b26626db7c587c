# walkthrough: seed 001, multiple and custom metrics: CPU, a Pods and an Object metric; the largest proposal wins
# setting: REFLEX_METRICS_LABEL_OVERRIDES=namespace=namespace,pod=pod,ingress=ingress
# Sourced by scripts/walkthrough. The seed assumes a monitoring pipeline that has packets-per-second per pod and
# requests-per-second per Ingress; here `scripts/reflex write --every 1s` sends them as a scrape would (names with
# dashes quoted inside the braces, as Prometheus 3 writes them), and the
# setting above tells Reflex that a series' ingress label names the Ingress it describes (as an adapter rule's
# resources.overrides would). The HPA syncs every 15 s, as upstream.

note "Run php-apache (the seed's https://k8s.io/examples/application/php-apache.yaml is deploy/samples/seeds/php-apache.yaml)"
typed "kubectl apply -f deploy/samples/seeds/php-apache.yaml" "deployment.apps/php-apache created"
eventually 60 "php-apache is running" "kubectl get deployment php-apache" "php-apache +1/1 +1 +1"

note "Create the autoscaler declaratively (the seed's .../application/hpa/php-apache.yaml is deploy/samples/seeds/hpa-php-apache.yaml)"
typed "kubectl create -f deploy/samples/seeds/hpa-php-apache.yaml" \
  "horizontalpodautoscaler.autoscaling/php-apache created"
eventually 60 "the HPA reads 0 % of its 50 % target" "kubectl get hpa php-apache" \
  "php-apache +Deployment/php-apache +cpu: 0%/50% +1 +10 +1 "

note "The HPA as autoscaling/v2"
typed "kubectl get hpa php-apache -o yaml > /tmp/hpa-v2.yaml"
typed "cat /tmp/hpa-v2.yaml" "^apiVersion: autoscaling/v2$
averageUtilization: 50
type: Utilization
currentMetrics:
averageUtilization: 0
desiredReplicas: 1"

note "An Ingress main-route in front of php-apache, the object the seed's Object metric describes"
typed "kubectl create ingress main-route --rule=\"php-apache.example.com/*=php-apache:80\"" \
  "ingress.networking.k8s.io/main-route created"

note "Change the HPA to the seed's three metrics (the seed does it in kubectl edit): CPU at 50 %, 1k"
note "packets-per-second per pod, and 10k requests-per-second in total behind the Ingress"
typed "kubectl patch hpa php-apache --type=merge -p '{\"spec\":{\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}},{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"packets-per-second\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"1k\"}}},{\"type\":\"Object\",\"object\":{\"metric\":{\"name\":\"requests-per-second\"},\"describedObject\":{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"name\":\"main-route\"},\"target\":{\"type\":\"Value\",\"value\":\"10k\"}}}]}}'" \
  "horizontalpodautoscaler.autoscaling/php-apache patched"

note "The monitoring pipeline: 500 packets per second on the pod, 10k requests per second through the Ingress"
pod="$(kubectl get pods -l run=php-apache -o jsonpath='{.items[0].metadata.name}')"
in_terminal metrics "scripts/reflex write --every 1s --url $reflex_url '{\"packets-per-second\",namespace=\"default\",pod=\"$pod\"} 500' '{\"requests-per-second\",namespace=\"default\",ingress=\"main-route\"} 10000'"
eventually 60 "each metric at or under its target: 1 replica, every condition as upstream" \
  "kubectl describe hpa php-apache" \
  'resource cpu on pods +\(as a percentage of request\): +0% \([0-9]+m\) / 50%
"packets-per-second" on pods: +500 / 1k
"requests-per-second" on Ingress/main-route \(target value\): +10k / 10k
AbleToScale +True
ScalingActive +True +ValidMetricFound
ScalingLimited +False +DesiredWithinRange'
typed "kubectl get hpa php-apache -o yaml" "name: requests-per-second
value: 10k"

note "Requests per second double: the Object metric proposes ceil(1 x 20k / 10k) = 2, the others 1; the largest wins"
ctrl_c metrics
in_terminal metrics2 "scripts/reflex write --every 1s --url $reflex_url '{\"packets-per-second\",namespace=\"default\",pod=\"$pod\"} 500' '{\"requests-per-second\",namespace=\"default\",ingress=\"main-route\"} 20000'"
eventually 60 "php-apache scales to 2" "kubectl get deployment php-apache" "php-apache +[0-9]/2 +[0-9] +[0-9]"
typed "kubectl describe hpa php-apache" \
  "New size: 2; reason: Ingress metric requests-per-second above target"
ctrl_c metrics2

note "Clean up"
typed "kubectl delete hpa php-apache" "horizontalpodautoscaler.autoscaling \"php-apache\" deleted"
typed "kubectl delete ingress main-route" "ingress.networking.k8s.io \"main-route\" deleted"
typed "kubectl delete -f deploy/samples/seeds/php-apache.yaml" "deployment.apps \"php-apache\" deleted"
