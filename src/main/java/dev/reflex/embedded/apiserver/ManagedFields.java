package dev.reflex.embedded.apiserver;

import dev.reflex.objects.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata.managedFields} as kube-apiserver reads and writes it: one entry per manager identity (manager,
 * operation, subresource, and for {@code Update} also apiVersion), each with the FieldsV1 set it owns and the time
 * of its last change, sorted Apply before Update, then by time, manager, apiVersion and subresource.
 */
public final class ManagedFields {

  public static final String APPLY = "Apply";
  public static final String UPDATE = "Update";

  private ManagedFields() {
  }

  /**
   * Who owns a set: entries with the same identity are one owner. Appliers are one owner whatever apiVersion they
   * applied with, so {@code apiVersion} is empty for them.
   */
  public record Identity(String manager, String operation, String apiVersion, String subresource) {

    public static Identity of(String manager, String operation, String apiVersion, String subresource) {
      return new Identity(manager, operation, APPLY.equals(operation) ? "" : apiVersion,
          subresource == null ? "" : subresource);
    }

    /** kube's identifier: the entry's JSON without fieldsType, fieldsV1 and time; it orders conflict messages. */
    public String key() {
      JsonObject json = new JsonObject();
      putIfNotEmpty(json, "manager", manager);
      putIfNotEmpty(json, "operation", operation);
      putIfNotEmpty(json, "apiVersion", apiVersion);
      putIfNotEmpty(json, "subresource", subresource);
      return json.encode();
    }

    /** How conflict messages name the owner: {@code "kubectl"}, {@code "kube-controller-manager" using apps/v1}. */
    public String describe() {
      String name = Values.goQuote(manager);
      if (!subresource.isEmpty()) {
        name += " with subresource " + Values.goQuote(subresource);
      }
      return UPDATE.equals(operation) ? name + " using " + apiVersion : name;
    }
  }

  /** One entry of {@code metadata.managedFields}; {@code time} may be null (kube leaves it out then). */
  public record Entry(String manager, String operation, String apiVersion, Instant time, FieldSet fields,
      String subresource) {

    public Identity identity() {
      return Identity.of(manager, operation, apiVersion, subresource);
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject();
      putIfNotEmpty(json, "manager", manager);
      putIfNotEmpty(json, "operation", operation);
      putIfNotEmpty(json, "apiVersion", apiVersion);
      if (time != null) {
        json.put("time", Timestamps.format(time));
      }
      json.put("fieldsType", "FieldsV1");
      json.put("fieldsV1", fields.toFieldsV1());
      putIfNotEmpty(json, "subresource", subresource);
      return json;
    }
  }

  /** Why stored or sent managedFields cannot be used; kube says "failed to decode managed fields: ..." for these. */
  public static final class InvalidManagedFields extends Exception {
    InvalidManagedFields(String message) {
      super(message);
    }
  }

  /** The entries of an object's {@code metadata.managedFields}; an object without them has none. */
  public static List<Entry> read(JsonObject object) throws InvalidManagedFields {
    JsonObject metadata = object == null ? null : object.getJsonObject("metadata");
    JsonArray entries = metadata == null ? null : metadata.getJsonArray("managedFields");
    return entries == null ? List.of() : decode(entries, false);
  }

  /**
   * The entries of an object's managedFields as the store holds them, which this server wrote: their sets keep the
   * stored FieldsV1 ({@link FieldSet#fromStoredFieldsV1}), so owners a write leaves alone are written back as they
   * were.
   */
  static List<Entry> decodeStored(JsonArray entries) throws InvalidManagedFields {
    return decode(entries, true);
  }

  public static List<Entry> decode(JsonArray entries) throws InvalidManagedFields {
    return decode(entries, false);
  }

  private static List<Entry> decode(JsonArray entries, boolean stored) throws InvalidManagedFields {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.getValue(i) instanceof JsonObject entry)) {
        throw new InvalidManagedFields("managed fields entry " + i + " is not an object");
      }
      String operation = entry.getString("operation", "");
      if (!APPLY.equals(operation) && !UPDATE.equals(operation)) {
        throw new InvalidManagedFields("operation must be `Apply` or `Update`");
      }
      String apiVersion = entry.getString("apiVersion", "");
      if (apiVersion.isEmpty()) {
        throw new InvalidManagedFields("apiVersion must not be empty");
      }
      String fieldsType = entry.getString("fieldsType", "");
      if (fieldsType.isEmpty()) {
        throw new InvalidManagedFields("missing fieldsType in managed fields entry " + i);
      }
      if (!"FieldsV1".equals(fieldsType)) {
        throw new InvalidManagedFields("invalid fieldsType \"" + fieldsType + "\" in managed fields entry " + i);
      }
      FieldSet fields;
      try {
        Object raw = entry.getValue("fieldsV1");
        JsonObject json = raw instanceof JsonObject o ? o : new JsonObject();
        fields = stored ? FieldSet.fromStoredFieldsV1(json) : FieldSet.fromFieldsV1(json);
      } catch (RuntimeException e) {
        throw new InvalidManagedFields("error decoding versioned set: " + e.getMessage());
      }
      Instant time = null;
      String rawTime = entry.getString("time");
      if (rawTime != null && !rawTime.isEmpty()) {
        time = Timestamps.parse(rawTime);
        if (time == null) {
          throw new InvalidManagedFields("invalid time \"" + rawTime + "\" in managed fields entry " + i);
        }
      }
      out.add(new Entry(entry.getString("manager", ""), operation, apiVersion, time, fields,
          entry.getString("subresource", "")));
    }
    return out;
  }

  /** Entries in kube's order, with empty sets dropped; null when there are none (kube leaves the field out). */
  public static JsonArray encode(List<Entry> entries) {
    List<Entry> kept = new ArrayList<>(entries.stream().filter(e -> !e.fields().isEmpty()).toList());
    if (kept.isEmpty()) {
      return null;
    }
    kept.sort(ORDER);
    JsonArray out = new JsonArray();
    kept.forEach(e -> out.add(e.toJson()));
    return out;
  }

  /** Merges entries that share an identity, the later one's set and time winning, as kube's decoding does. */
  static Map<Identity, Entry> byIdentity(List<Entry> entries) {
    Map<Identity, Entry> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.identity(), e));
    return out;
  }

  static final Comparator<Entry> ORDER = Comparator.comparing(Entry::operation)
      .thenComparingLong(e -> e.time() == null ? 0 : e.time().getEpochSecond())
      .thenComparing(Entry::manager)
      .thenComparing(Entry::apiVersion)
      .thenComparing(Entry::subresource);

  private static void putIfNotEmpty(JsonObject json, String key, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(key, value);
    }
  }
}
