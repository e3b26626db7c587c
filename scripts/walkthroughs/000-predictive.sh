# walkthrough: seed 000 §1.3, predictive scaling without the algorithm image: the CronJob, a job's result, 4 -> 3 -> 2
# setting: REFLEX_ALGORITHM_JOB_NAMESPACE=reflex-system
# Sourced by scripts/walkthrough. The seed's algorithm job runs Kapacity's forecasting image on a model trained on 24
# hours of an ingress's traffic; the embedded cluster runs no images, so the walkthrough checks what Reflex does
# around the job (the CronJob from the IHPA's template, in Reflex's namespace as the seed's is in kapacity-system;
# the result ConfigMap read into the portrait; the IHPA following the forecast) and writes the result the job would
# write, with the seed's 4, 3, 2 replicas 20 s apart instead of 10 minutes. Steps with no counterpart here: helm
# upgrade and the kapacity-config edit (Reflex reads prometheus.metrics-config), the periodic client, the training.

note "Run the sample workload (the seed's nginx-statefulset.yaml is deploy/samples/nginx-statefulset.yaml)"
typed "kubectl apply -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps/nginx created"
eventually 60 "the service is deployed" "kubectl get po" "nginx-0 +1/1 +Running +0 "

note "An Ingress for it (the seed's nginx-ingress.yaml is deploy/samples/seeds/nginx-ingress.yaml; no ingress"
note "controller runs here, so it gets no ADDRESS)"
typed "kubectl apply -f deploy/samples/seeds/nginx-ingress.yaml" "ingress.networking.k8s.io/nginx-server created"
typed "kubectl get ing" "^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE
^nginx-server +nginx +nginx.example.com +80 "

note "Create the IHPA with a dynamic predictive portrait (dynamic-predictive-portrait-sample.yaml as the seed shows it)"
typed "kubectl apply -f deploy/samples/dynamic-predictive-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io/predictive-sample created"

note "Verify: the IHPA made the CronJob that runs the algorithm"
eventually 30 "the CronJob runs every 30 minutes" "kubectl get cj -n reflex-system" \
  "default-predictive-sample-predictive +0/30 \* \* \* \* +<none> +False +0 "
typed "kubectl get cj -n reflex-system default-predictive-sample-predictive -o jsonpath='{.spec.jobTemplate.spec.template.spec.containers[0].args}'" \
  '--re-history-len=24H'
eventually 30 "until the job has written its result the portrait says so" \
  "kubectl get hp predictive-sample-predictive -o yaml" \
  "reason: FailedFetchExternalAlgorithmJobResult
failed to fetch external algorithm job result: ConfigMap predictive-sample-predictive-result"

note "The job's result, as the algorithm writes it: 4 replicas now, 3 in 20 s, 2 in 40 s"
now="$(date +%s)"
typed "kubectl create configmap predictive-sample-predictive-result --from-literal=type=TimeSeries --from-literal=timeSeries='{\"$((now - 1))\":4,\"$((now + 20))\":3,\"$((now + 40))\":2}' --from-literal=expireTime=$(date -u -d @$((now + 600)) +%Y-%m-%dT%H:%M:%SZ)" \
  "configmap/predictive-sample-predictive-result created"

note "Verify: the result is written into the IHPA's predictive portrait"
eventually 60 "the portrait holds the time series" "kubectl get hp predictive-sample-predictive -o yaml" \
  "message: portrait has been successfully generated
reason: SucceededGeneratePortrait
type: PortraitGenerated
replicas: 4
timestamp: $((now - 1))
type: TimeSeries"

note "Verify: the IHPA follows the forecast"
eventually 60 "4 replicas" "kubectl describe ihpa predictive-sample" \
  "ReplicaProfile with onlineReplicas: (1 -> )?4, cutoffReplicas: 0"
eventually 60 "then 3" "kubectl describe ihpa predictive-sample" \
  "update ReplicaProfile with onlineReplicas: 4 -> 3, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
eventually 60 "then 2" "kubectl describe ihpa predictive-sample" \
  "update ReplicaProfile with onlineReplicas: 3 -> 2, cutoffReplicas: 0 -> 0, standbyReplicas: 0 -> 0"
eventually 60 "nginx runs 2 pods" "kubectl get statefulset nginx" "nginx +2/2 "

note "Clean up"
typed "kubectl delete -f deploy/samples/dynamic-predictive-portrait-sample.yaml" \
  "intelligenthorizontalpodautoscaler.autoscaling.kapacitystack.io \"predictive-sample\" deleted"
typed "kubectl delete -f deploy/samples/seeds/nginx-ingress.yaml" "ingress.networking.k8s.io \"nginx-server\" deleted"
typed "kubectl delete -f deploy/samples/nginx-statefulset.yaml" "statefulset.apps \"nginx\" deleted"
typed "kubectl delete configmap predictive-sample-predictive-result" \
  "configmap \"predictive-sample-predictive-result\" deleted"
