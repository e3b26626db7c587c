package dev.reflex.embedded.apiserver;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer-token authentication as kube-apiserver does it for the two kinds of token we serve: static tokens (the
 * token file, checked first) and ServiceAccount tokens the server itself issued. A ServiceAccount token is a
 * JWT-shaped {@code header.payload.signature} whose claims are kube's (iss, sub, aud, exp, iat, nbf, jti and the
 * {@code kubernetes.io} namespace and serviceaccount), signed with HMAC-SHA256 under a key this server drew at
 * start: only this server can issue or check it, which is all an embedded cluster needs. Every accepted identity
 * gets {@code system:authenticated}.
 */
public final class TokenAuthenticator {

  /** The issuer and default audience kube-apiserver uses when none is configured otherwise. */
  public static final String DEFAULT_ISSUER = "https://kubernetes.default.svc.cluster.local";
  public static final String CREDENTIAL_ID_KEY = "authentication.kubernetes.io/credential-id";

  /** go-jose's default clock-skew allowance, applied to exp and nbf. */
  static final Duration LEEWAY = Duration.ofMinutes(1);

  private static final String INVALID_TOKEN = "invalid bearer token";
  private static final String BAD_SIGNATURE = "go-jose/go-jose: error in cryptographic primitive";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  /** Finds a ServiceAccount's current uid, empty when it does not exist: a token of a deleted account is invalid. */
  @FunctionalInterface
  public interface ServiceAccountLookup {
    Optional<String> uid(String namespace, String name);
  }

  private final Map<String, UserInfo> staticTokens;
  private final byte[] key;
  private final String keyId;
  private final ServiceAccountLookup serviceAccounts;
  private final Random random;
  private final String issuer;
  private final List<String> apiAudiences;

  public TokenAuthenticator(Map<String, UserInfo> staticTokens, byte[] signingKey, ServiceAccountLookup lookup,
      Random random) {
    this.staticTokens = Map.copyOf(staticTokens);
    this.key = signingKey.clone();
    this.keyId = B64.encodeToString(sha256(signingKey)).substring(0, 16);
    this.serviceAccounts = lookup;
    this.random = random;
    this.issuer = DEFAULT_ISSUER;
    this.apiAudiences = List.of(DEFAULT_ISSUER);
  }

  /** An authenticator with a fresh 256-bit signing key drawn from {@code random} (a SecureRandom in the server). */
  public static TokenAuthenticator create(Map<String, UserInfo> staticTokens, ServiceAccountLookup lookup,
      Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new TokenAuthenticator(staticTokens, key, lookup, random);
  }

  /** Reads a kube token file ({@code token,user,uid,"group1,group2"}). */
  public static Map<String, UserInfo> parseTokenFile(String text) {
    return parseTokenFile("tokens.csv", text);
  }

  /** {@link #parseTokenFile(String)}, naming {@code source} in its errors as kube names the file's path. */
  public static Map<String, UserInfo> parseTokenFile(String source, String text) {
    return TokenFile.parse(source, text);
  }

  /** The token of an {@code Authorization} header, as kube reads it: {@code Bearer <token>}, scheme in any case. */
  public static Optional<String> bearerToken(String authorizationHeader) {
    if (authorizationHeader == null) {
      return Optional.empty();
    }
    String header = authorizationHeader.strip();
    String[] parts = header.split(" ", -1);
    if (header.isEmpty() || parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }

  public List<String> apiAudiences() {
    return apiAudiences;
  }

  /** A token for the ServiceAccount, good for the API server's own audience for {@code ttl} from {@code now}. */
  public String issue(String namespace, String serviceAccountName, String serviceAccountUid, Duration ttl,
      Instant now) {
    return issue(namespace, serviceAccountName, serviceAccountUid, apiAudiences, ttl, now);
  }

  public String issue(String namespace, String serviceAccountName, String serviceAccountUid, List<String> audiences,
      Duration ttl, Instant now) {
    long issuedAt = now.getEpochSecond();
    JsonObject claims = new JsonObject()
        .put("aud", new JsonArray(new ArrayList<>(audiences)))
        .put("exp", now.plus(ttl).getEpochSecond())
        .put("iat", issuedAt)
        .put("iss", issuer)
        .put("jti", newJti())
        .put("kubernetes.io", new JsonObject().put("namespace", namespace)
            .put("serviceaccount", new JsonObject().put("name", serviceAccountName).put("uid", serviceAccountUid)))
        .put("nbf", issuedAt)
        .put("sub", UserInfo.serviceAccountUsername(namespace, serviceAccountName));
    String header = new JsonObject().put("alg", "HS256").put("kid", keyId).encode();
    String signingInput = encode(header) + "." + encode(claims.encode());
    return signingInput + "." + B64.encodeToString(hmac(signingInput));
  }

  /** The user a request's bearer token names, for the API server's own audience; empty for any refused token. */
  public Optional<UserInfo> authenticate(String bearer, Instant now) {
    return authenticate(bearer, apiAudiences, now) instanceof TokenResult.Authenticated ok
        ? Optional.of(ok.user()) : Optional.empty();
  }

  /**
   * Checks a token against the audiences asked for ({@code null} or empty: the API server's): static tokens first,
   * then this server's ServiceAccount tokens, with the error texts kube-apiserver gives.
   */
  public TokenResult authenticate(String token, List<String> audiences, Instant now) {
    List<String> wanted = audiences == null || audiences.isEmpty() ? apiAudiences : audiences;
    if (token == null || token.isEmpty()) {
      return new TokenResult.Rejected(INVALID_TOKEN);
    }
    UserInfo staticUser = staticTokens.get(token);
    if (staticUser != null) {
      // Static tokens are good for the API server's audiences only.
      List<String> granted = intersect(apiAudiences, wanted);
      if (granted.isEmpty()) {
        return new TokenResult.Rejected(INVALID_TOKEN);
      }
      return new TokenResult.Authenticated(staticUser.authenticated(), granted);
    }
    return serviceAccountToken(token, wanted, now);
  }

  private TokenResult serviceAccountToken(String token, List<String> wanted, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (token.strip().startsWith("{") || parts.length != 3) {
      return new TokenResult.Rejected(INVALID_TOKEN);
    }
    JsonObject header;
    JsonObject claims;
    try {
      header = new JsonObject(decode(parts[0]));
      claims = new JsonObject(decode(parts[1]));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return new TokenResult.Rejected(INVALID_TOKEN);
    }
    // Not one of ours: another authenticator's token, which none of ours is.
    if (!issuer.equals(claims.getValue("iss"))) {
      return new TokenResult.Rejected(INVALID_TOKEN);
    }
    byte[] signature;
    try {
      signature = B64_DECODE.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return new TokenResult.Rejected(INVALID_TOKEN);
    }
    if (!"HS256".equals(header.getValue("alg"))
        || !MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) {
      return new TokenResult.Rejected(BAD_SIGNATURE);
    }
    List<String> tokenAudiences = audiences(claims.getValue("aud"));
    if (tokenAudiences.isEmpty()) {
      tokenAudiences = apiAudiences;
    }
    List<String> granted = intersect(tokenAudiences, wanted);
    if (granted.isEmpty()) {
      return new TokenResult.Rejected("token audiences " + goQuotedSlice(tokenAudiences)
          + " is invalid for the target audiences " + goQuotedSlice(wanted));
    }
    Optional<String> timeProblem = timeProblem(claims, now);
    if (timeProblem.isPresent()) {
      return new TokenResult.Rejected(timeProblem.get());
    }
    JsonObject kubernetes = claims.getJsonObject("kubernetes.io", new JsonObject());
    String namespace = kubernetes.getString("namespace", "");
    JsonObject account = kubernetes.getJsonObject("serviceaccount", new JsonObject());
    String name = account.getString("name", "");
    String uid = account.getString("uid", "");
    Optional<String> currentUid = serviceAccounts.uid(namespace, name);
    if (currentUid.isEmpty()) {
      return new TokenResult.Rejected("serviceaccounts " + GoText.quote(name) + " not found");
    }
    if (!currentUid.get().equals(uid)) {
      return new TokenResult.Rejected("service account UID (" + currentUid.get() + ") does not match claim ("
          + uid + ")");
    }
    Map<String, List<String>> extra = new LinkedHashMap<>();
    String jti = claims.getString("jti", "");
    if (!jti.isEmpty()) {
      extra.put(CREDENTIAL_ID_KEY, List.of("JTI=" + jti));
    }
    UserInfo user = new UserInfo(UserInfo.serviceAccountUsername(namespace, name), uid,
        List.of(UserInfo.SERVICE_ACCOUNTS_GROUP, UserInfo.SERVICE_ACCOUNTS_GROUP + ":" + namespace), extra);
    return new TokenResult.Authenticated(user.authenticated(), granted);
  }

  /** go-jose's checks in its order, each with a minute's leeway: not yet valid, expired, issued in the future. */
  private static Optional<String> timeProblem(JsonObject claims, Instant now) {
    Long nbf = seconds(claims.getValue("nbf"));
    Long exp = seconds(claims.getValue("exp"));
    Long iat = seconds(claims.getValue("iat"));
    if (nbf != null && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(nbf))) {
      return Optional.of("service account token is not valid yet");
    }
    if (exp != null && now.minus(LEEWAY).isAfter(Instant.ofEpochSecond(exp))) {
      return Optional.of("service account token has expired");
    }
    if (iat != null && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(iat))) {
      return Optional.of("service account token claims could not be validated due to unexpected validation error");
    }
    return Optional.empty();
  }

  private static Long seconds(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private static List<String> audiences(Object aud) {
    List<String> out = new ArrayList<>();
    if (aud instanceof String s) {
      out.add(s);
    } else if (aud instanceof JsonArray array) {
      array.forEach(a -> out.add(String.valueOf(a)));
    }
    return out;
  }

  /** The audiences in both lists, in the order of {@code first}. */
  private static List<String> intersect(List<String> first, List<String> second) {
    return first.stream().filter(second::contains).distinct().toList();
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  private static String goQuotedSlice(List<String> values) {
    return "[" + String.join(" ", values.stream().map(GoText::quote).toList()) + "]";
  }

  private String newJti() {
    return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(B64_DECODE.decode(part), StandardCharsets.UTF_8);
  }
}
