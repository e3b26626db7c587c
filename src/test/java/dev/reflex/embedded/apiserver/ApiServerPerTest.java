package dev.reflex.embedded.apiserver;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh API server for each test of a class, on a Vert.x of its own: register it as a field with
 * {@code @RegisterExtension final ApiServerPerTest server = new ApiServerPerTest();} and call {@link #api()} in the
 * test. Started before each test, closed after, so no test sees another's objects.
 */
final class ApiServerPerTest implements BeforeEachCallback, AfterEachCallback {

  private final ApiServerOptions options;
  private Vertx vertx;
  private ApiServerFixture api;

  ApiServerPerTest() {
    this(ApiServerOptions.loopback(0));
  }

  ApiServerPerTest(ApiServerOptions options) {
    this.options = options;
  }

  ApiServerFixture api() {
    return api;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    api = ApiServerFixture.start(vertx, options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (api != null) {
      api.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
