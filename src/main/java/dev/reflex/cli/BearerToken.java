package dev.reflex.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bearer token {@code reflex tap} and {@code reflex write} send, for a Reflex with {@code http.auth: kubernetes}:
 * {@code --token-file FILE} (a ServiceAccount token as Kubernetes mounts it, or a static token file's
 * {@code token,user,uid,"groups"} line, whose first field is the token), else, for a Reflex on this machine, the
 * embedded cluster's admin token in {@code .reflex/tokens.csv} when that file is there (never sent elsewhere), else
 * none.
 */
final class BearerToken {

  /** Where {@code reflex embedded} writes its admin token by default. */
  static final Path EMBEDDED_TOKENS = Path.of(".reflex", "tokens.csv");

  private BearerToken() {
  }

  /**
   * @throws UsageException when {@code --token-file} names a file that cannot be read or holds no token
   */
  static Optional<String> of(Options options, URI reflex) {
    String file = options.get("token-file", null);
    if (file == null) {
      boolean local = ServerCommand.loopback(String.valueOf(reflex.getHost()));
      return local && Files.isReadable(EMBEDDED_TOKENS) ? read(EMBEDDED_TOKENS) : Optional.empty();
    }
    Optional<String> token = read(Path.of(file));
    if (token.isEmpty()) {
      throw new UsageException("--token-file " + file + ": holds no token");
    }
    return token;
  }

  private static Optional<String> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UsageException("cannot read the token file " + file + ": " + e.getMessage());
    }
    String firstLine = text.lines().findFirst().orElse("");
    int comma = firstLine.indexOf(',');
    String token = (comma >= 0 ? firstLine.substring(0, comma) : firstLine).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The header value, e.g. {@code Bearer abc}. */
  static String header(String token) {
    return "Bearer " + token;
  }
}
