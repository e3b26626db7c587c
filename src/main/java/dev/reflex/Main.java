package dev.reflex;

import dev.reflex.cli.ReflexCli;

/** Entry point of {@code reflex.jar}; see {@link ReflexCli} for the commands. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    int code = ReflexCli.run(args, System.getenv(), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }
}
