package dev.reflex.embedded;

/** Seed 001's php-apache, as its {@code php-apache.yaml} declares it: the Deployment and its Service. */
final class Seed001 {

  /** Pods requesting 200m CPU (limit 500m), selected by {@code run: php-apache}. */
  static final String PHP_APACHE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: php-apache}
      spec:
        selector: {matchLabels: {run: php-apache}}
        template:
          metadata: {labels: {run: php-apache}}
          spec:
            containers:
            - name: php-apache
              image: registry.k8s.io/hpa-example
              ports: [{containerPort: 80}]
              resources: {limits: {cpu: 500m}, requests: {cpu: 200m}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: php-apache, labels: {run: php-apache}}
      spec:
        ports: [{port: 80}]
        selector: {run: php-apache}
      """;

  private Seed001() {
  }
}
