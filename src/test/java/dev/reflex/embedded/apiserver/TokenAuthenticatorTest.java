package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenAuthenticatorTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final Map<String, String> accounts = new HashMap<>(Map.of("default/bot", "uid-1"));
  private final TokenAuthenticator auth = TokenAuthenticator.create(
      TokenAuthenticator.parseTokenFile("admin-token,admin,uid-a,system:masters\nplain,carol,uid-c\n"),
      (ns, name) -> Optional.ofNullable(accounts.get(ns + "/" + name)), new Random(7));

  @Test
  void readsKubesTokenFile() {
    Map<String, UserInfo> tokens = TokenAuthenticator.parseTokenFile(
        "\uFEFFt1,alice,1,\"devs,ops\"\n"
            + "\n"
            + "t2, bob , 2\n"
            + ",nobody,3\n"
            + "t3,\"quoted \"\"name\"\"\",4,g,ignored\n"
            + "t1,alice2,5\r\n"
            + "t4,dave,6,\"\"\n"
            + "\"multi\nline\",erin,7\n");
    assertEquals(Map.of(
        "t1", new UserInfo("alice2", "5", List.of(), Map.of()),
        "t2", new UserInfo("bob ", "2", List.of(), Map.of()),
        "t3", new UserInfo("quoted \"name\"", "4", List.of("g"), Map.of()),
        "t4", new UserInfo("dave", "6", List.of(""), Map.of()),
        "multi\nline", new UserInfo("erin", "7", List.of(), Map.of())), tokens);
    assertEquals(List.of("devs", "ops"), TokenAuthenticator.parseTokenFile("t,a,1,\"devs,ops\"").get("t").groups());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "t1,alice                 | token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), "
          + "found 2",
      "'   '                    | token file 'tokens.csv' must have at least 3 columns (token, user name, user uid), "
          + "found 1",
      "t1,al\"ice,1             | parse error on line 1, column 6: bare \" in non-quoted-field",
      "ok,a,1\\nt1,\"alice\"x,1  | parse error on line 2, column 10: extraneous or missing \" in quoted-field",
  })
  void tokenFileErrorsAreKubes(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenAuthenticator.parseTokenFile(text.replace("\\n", "\n")));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Bearer abc         | abc",
      "bearer abc         | abc",
      "  BEARER abc  def  | abc",
      "Bearer             | -",
      "Bearer  abc        | -",
      "Basic abc          | -",
      "abc                | -",
  })
  void readsTheBearerTokenOfAnAuthorizationHeader(String header, String token) {
    assertEquals(Optional.ofNullable(token), TokenAuthenticator.bearerToken(header));
  }

  @Test
  void staticUsersAreAuthenticatedWithTheirGroups() {
    assertEquals(Optional.of(new UserInfo("admin", "uid-a", List.of("system:masters", "system:authenticated"),
        Map.of())), auth.authenticate("admin-token", NOW));
    assertEquals(Optional.of(new UserInfo("carol", "uid-c", List.of("system:authenticated"), Map.of())),
        auth.authenticate("plain", NOW));
    assertEquals(Optional.empty(), auth.authenticate("nope", NOW));
    assertEquals(new TokenResult.Rejected("invalid bearer token"),
        auth.authenticate("plain", List.of("other-audience"), NOW));
  }

  @Test
  void issuedServiceAccountTokensNameTheAccount() {
    String token = auth.issue("default", "bot", "uid-1", HOUR, NOW);
    TokenResult result = auth.authenticate(token, List.of(), NOW.plusSeconds(10));
    assertTrue(result instanceof TokenResult.Authenticated, result.toString());
    UserInfo user = ((TokenResult.Authenticated) result).user();
    assertEquals("system:serviceaccount:default:bot", user.username());
    assertEquals("uid-1", user.uid());
    assertEquals(List.of("system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"),
        user.groups());
    assertEquals(List.of(TokenAuthenticator.CREDENTIAL_ID_KEY), List.copyOf(user.extra().keySet()));
    String jti = claims(token).getString("jti");
    assertEquals(List.of("JTI=" + jti), user.extra().get(TokenAuthenticator.CREDENTIAL_ID_KEY));
    assertEquals(List.of(TokenAuthenticator.DEFAULT_ISSUER), ((TokenResult.Authenticated) result).audiences());
    JsonObject claims = claims(token);
    assertEquals(NOW.getEpochSecond() + 3600, claims.getLong("exp"));
    assertEquals(NOW.getEpochSecond(), claims.getLong("iat"));
    assertEquals(NOW.getEpochSecond(), claims.getLong("nbf"));
    assertEquals("system:serviceaccount:default:bot", claims.getString("sub"));
    assertEquals(TokenAuthenticator.DEFAULT_ISSUER, claims.getString("iss"));
    assertEquals(new JsonObject("{\"namespace\":\"default\",\"serviceaccount\":{\"name\":\"bot\",\"uid\":\"uid-1\"}}"),
        claims.getJsonObject("kubernetes.io"));
  }

  @Test
  void tokensExpireAfterAMinutesLeeway() {
    String token = auth.issue("default", "bot", "uid-1", HOUR, NOW);
    assertTrue(auth.authenticate(token, NOW.plus(HOUR).plusSeconds(60)).isPresent());
    assertEquals(new TokenResult.Rejected("service account token has expired"),
        auth.authenticate(token, List.of(), NOW.plus(HOUR).plusSeconds(61)));
    assertEquals(new TokenResult.Rejected("service account token is not valid yet"),
        auth.authenticate(token, List.of(), NOW.minusSeconds(61)));
  }

  @Test
  void forgedTokensAreRefused() {
    String token = auth.issue("default", "bot", "uid-1", HOUR, NOW);
    String[] parts = token.split("\\.");
    JsonObject claims = claims(token).put("sub", "system:serviceaccount:kube-system:admin");
    claims.getJsonObject("kubernetes.io").put("namespace", "kube-system");
    String forged = parts[0] + "." + b64(claims.encode()) + "." + parts[2];
    assertEquals(new TokenResult.Rejected("go-jose/go-jose: error in cryptographic primitive"),
        auth.authenticate(forged, List.of(), NOW));
    String unsigned = b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
    assertEquals(new TokenResult.Rejected("go-jose/go-jose: error in cryptographic primitive"),
        auth.authenticate(unsigned, List.of(), NOW));
    TokenAuthenticator otherServer = TokenAuthenticator.create(Map.of(), (ns, name) -> Optional.of("uid-1"),
        new Random(8));
    assertEquals(Optional.empty(), otherServer.authenticate(token, NOW));
    assertEquals(new TokenResult.Rejected("invalid bearer token"), auth.authenticate("a.b.c", List.of(), NOW));
  }

  @Test
  void tokensOfDeletedOrRecreatedAccountsAreInvalid() {
    String token = auth.issue("default", "bot", "uid-1", HOUR, NOW);
    accounts.put("default/bot", "uid-2");
    assertEquals(new TokenResult.Rejected("service account UID (uid-2) does not match claim (uid-1)"),
        auth.authenticate(token, List.of(), NOW));
    accounts.remove("default/bot");
    assertEquals(new TokenResult.Rejected("serviceaccounts \"bot\" not found"),
        auth.authenticate(token, List.of(), NOW));
  }

  @Test
  void audiencesMustMeet() {
    String token = auth.issue("default", "bot", "uid-1", List.of("vault", "other"), HOUR, NOW);
    assertEquals(new TokenResult.Rejected("token audiences [\"vault\" \"other\"] is invalid for the target "
        + "audiences [\"https://kubernetes.default.svc.cluster.local\"]"), auth.authenticate(token, List.of(), NOW));
    TokenResult result = auth.authenticate(token, List.of("other", "x"), NOW);
    assertEquals(List.of("other"), ((TokenResult.Authenticated) result).audiences());
  }

  private static JsonObject claims(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
