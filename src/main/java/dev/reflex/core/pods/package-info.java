/**
 * Pod choice for replica profiles: which pods a workload removes first on scale-down, and which pods move to
 * Online, Cutoff, Standby or deletion to realise a profile.
 *
 * <p>Entry points for the ReplicaProfile controller: {@link dev.reflex.core.pods.PodOrdering#scaleDownOrder}
 * and {@link dev.reflex.core.pods.PodOrdering#firstToRemove} (StatefulSet: highest ordinal first;
 * Deployment/ReplicaSet: the ReplicaSet controller's deletion ranking), and
 * {@link dev.reflex.core.pods.StateTransitionPlanner#plan}, which returns the pods to change per target state.
 * Adapters turn core/v1 pods into {@link dev.reflex.core.pods.PodInfo} records; nothing here talks to the API.
 */
package dev.reflex.core.pods;
