package dev.reflex.api.v1alpha1;

/** Whether an IHPA acts on its workload. */
public enum ScaleMode {
  /** Compute portraits and scale the workload. */
  Auto,
  /** Compute portraits and report them, never touching the workload. */
  Preview
}
