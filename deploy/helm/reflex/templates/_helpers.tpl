{{/* Name of the chart, overridable. */}}
{{- define "reflex.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the release's objects. */}}
{{- define "reflex.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "reflex.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "reflex.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "reflex.labels" -}}
app.kubernetes.io/name: {{ include "reflex.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "reflex.selectorLabels" -}}
app.kubernetes.io/name: {{ include "reflex.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "reflex.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "reflex.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "reflex.jobNamespace" -}}
{{- default .Release.Namespace .Values.algorithmJob.namespace -}}
{{- end -}}

{{- define "reflex.grpcAddress" -}}
{{- default (printf "%s-grpc.%s:%v" (include "reflex.fullname" .) .Release.Namespace .Values.grpc.port) .Values.algorithmJob.metricsServerAddr -}}
{{- end -}}
