package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvk;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvr;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The other versions a resource is served in and how to convert between them: what a webhook with {@code
 * matchPolicy: Equivalent} needs (kube's {@code EquivalentResourceMapper} and object convertor). A webhook that
 * registered for {@code autoscaling/v2} HPAs is then called, with a v2 object, for a request made through v1.
 */
public interface ResourceVersions {

  /** No other versions known: Equivalent matching behaves as Exact. */
  ResourceVersions NONE = new ResourceVersions() {
    @Override
    public List<Equivalent> equivalents(Gvr resource, String subresource) {
      return List.of();
    }

    @Override
    public JsonObject convert(JsonObject object, String apiVersion) {
      return object;
    }
  };

  /** One other group version serving the same resource, with the kind its objects have there. */
  record Equivalent(Gvr resource, Gvk kind) {
  }

  /** The group versions other than {@code resource}'s own that serve it, in the order they should be tried. */
  List<Equivalent> equivalents(Gvr resource, String subresource);

  /** {@code object} (whole, with apiVersion and kind) converted to {@code apiVersion}. */
  JsonObject convert(JsonObject object, String apiVersion);
}
