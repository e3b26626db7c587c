package dev.reflex.cli;

/**
 * Applies the configured log level. slf4j-simple reads its settings when the first logger is created, so this must
 * run before any class with a logger is loaded: the command line calls it right after reading the configuration.
 */
final class Logging {

  private Logging() {
  }

  static void configure(String level) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    // The fabric8 informers log every watch reconnect at info; they are noise for our users.
    System.setProperty("org.slf4j.simpleLogger.log.io.fabric8", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.micrometer", "error");
    // Warns that v1alpha1 is unstable each time a client touches our CRDs: the API is Kapacity's, on purpose.
    System.setProperty("org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
        "error");
    // Micrometer warns through java.util.logging when two HTTP clients register the same gauge; harmless here.
    QUIET_JUL.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Held so the level set above is not lost to garbage collection of the logger. */
  private static final java.util.logging.Logger QUIET_JUL = java.util.logging.Logger.getLogger("io.micrometer");
}
