package dev.reflex.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@code reflex tap}: a streaming HTTP client of {@code /taps}. */
final class TapCommand {

  private TapCommand() {
  }

  static int run(Options options, PrintStream out, PrintStream err) {
    URI base = URI.create(options.get("url", "http://127.0.0.1:8080"));
    String path;
    if (options.flag("list")) {
      path = "/taps";
    } else {
      if (options.positional().size() != 1) {
        throw new UsageException("tap needs exactly one ADDRESS (reflex tap --list shows them)");
      }
      path = "/taps/" + URLEncoder.encode(options.positional().get(0), StandardCharsets.UTF_8);
      String target = options.get("target", null);
      String query = target == null ? "" : "target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
      if (options.flag("sse")) {
        query = query.isEmpty() ? "format=sse" : query + "&format=sse";
      }
      path = query.isEmpty() ? path : path + "?" + query;
    }
    Optional<String> token = BearerToken.of(options, base);
    Vertx vertx = Vertx.vertx();
    CompletableFuture<Integer> done = new CompletableFuture<>();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(0));
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
        .setPort(base.getPort() < 0 ? 80 : base.getPort()).setURI(path);
    token.ifPresent(t -> request.putHeader("Authorization", BearerToken.header(t)));
    client.request(request).compose(req -> req.send()).onSuccess(response -> {
      if (response.statusCode() != 200) {
        response.body().onComplete(body -> {
          err.println("reflex tap: " + response.statusCode() + " " + (body.succeeded() ? body.result() : ""));
          done.complete(1);
        });
        return;
      }
      RecordParser lines = RecordParser.newDelimited("\n", line -> {
        out.println(line.toString(StandardCharsets.UTF_8));
        out.flush();
      });
      response.handler(lines);
      response.endHandler(v -> done.complete(0));
      response.exceptionHandler(e -> done.complete(0));
    }).onFailure(e -> {
      err.println("reflex tap: cannot reach Reflex at " + base + ": " + e.getMessage());
      done.complete(1);
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      return 1;
    } finally {
      vertx.close();
    }
  }
}
