package dev.reflex.embedded.apiserver;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats a CRD schema may name and how kube-apiserver 1.32 checks them (kube-openapi's strfmt registry).
 * Formats it does not know are dropped from the schema before validation, so they check nothing; integer formats
 * other than int32/int64 and number formats other than float/double likewise.
 */
final class Formats {

  /** The string formats kube-apiserver 1.32 keeps, with dashes removed as the registry normalises names. */
  private static final Set<String> KNOWN = Set.of("bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr",
      "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor",
      "rgbcolor", "byte", "password", "date", "duration", "datetime");

  private static final Pattern HOSTNAME = Pattern.compile("^([a-zA-Z0-9\\p{S}\\p{L}]"
      + "((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)"
      + "|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
      + "([a-zA-Z\\p{L}]){2,63})$");
  private static final String HEX = "[0-9a-fA-F]";
  private static final Pattern UUID = uuid(HEX + "{4}", HEX + "{4}");
  private static final Pattern UUID3 = uuid("3" + HEX + "{3}", HEX + "{4}");
  private static final Pattern UUID4 = uuid("4" + HEX + "{3}", "[89abAB]" + HEX + "{3}");
  private static final Pattern UUID5 = uuid("5" + HEX + "{3}", "[89abAB]" + HEX + "{3}");
  private static final Pattern BASE64 =
      Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
  private static final Pattern HEX_COLOR = Pattern.compile("^#?(" + HEX + "{3}|" + HEX + "{6})$");
  private static final String OCTET = "(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])";
  private static final Pattern RGB_COLOR = Pattern.compile(
      "^rgb\\(\\s*" + OCTET + "\\s*,\\s*" + OCTET + "\\s*,\\s*" + OCTET + "\\s*\\)$");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
  private static final Pattern CREDIT_CARD = Pattern.compile("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}"
      + "|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})$");
  private static final Pattern DATE_TIME_CLOCK =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
  private static final Pattern GO_DURATION =
      Pattern.compile("^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$");
  private static final Pattern LOOSE_DURATION = Pattern.compile("((\\d+)\\s*([A-Za-z\u00b5]+))");
  private static final String[][] DURATION_UNITS = {{"ns", "nano"}, {"us", "\u00b5s", "micro"}, {"ms", "milli"},
      {"s", "sec"}, {"m", "min"}, {"h", "hr", "hour"}, {"d", "day"}, {"w", "wk", "week"}};
  private static final Pattern MAC = Pattern.compile("^(" + HEX + "{2}([:-])" + HEX + "{2}(\\2" + HEX + "{2}){4}"
      + "((\\2" + HEX + "{2}){2}|(\\2" + HEX + "{2}){14})?"
      + "|" + HEX + "{4}\\." + HEX + "{4}\\." + HEX + "{4}((\\." + HEX + "{4})|(\\." + HEX + "{4}){7})?)$");
  private static final Pattern BSON_OBJECT_ID = Pattern.compile("^" + HEX + "{24}$");
  private static final Pattern EMAIL =
      Pattern.compile("^(?:[^<>@\\s]*<)?[^<>@\\s\"]+@[^<>@\\s\\[\\]]+(?:>)?$");

  private Formats() {
  }

  private static Pattern uuid(String third, String fourth) {
    return Pattern.compile("^" + HEX + "{8}-?" + HEX + "{4}-?" + third + "-?" + fourth + "-?" + HEX + "{12}$");
  }

  /**
   * The format kube-apiserver keeps for a schema of the given type (a single type name, or null for none or
   * several, as for int-or-string), or null when it drops it.
   */
  static String effective(String type, String format) {
    if (format == null || format.isEmpty()) {
      return null;
    }
    if (type == null || type.equals("string")) {
      return KNOWN.contains(normalize(format)) ? format : null;
    }
    return switch (type) {
      case "integer" -> format.equals("int32") || format.equals("int64") ? format : null;
      case "number" -> format.equals("float") || format.equals("double") ? format : null;
      default -> null;
    };
  }

  /** Whether a string format (one {@link #effective} kept) applies to string values. */
  static boolean isStringFormat(String format) {
    return format != null && KNOWN.contains(normalize(format));
  }

  /** Whether the string is valid for the (known) format. */
  static boolean validates(String format, String value) {
    Predicate<String> check = switch (normalize(format)) {
      case "bsonobjectid" -> s -> BSON_OBJECT_ID.matcher(s).matches();
      case "uri" -> Formats::isRequestUri;
      case "email" -> s -> EMAIL.matcher(s.trim()).matches();
      case "hostname" -> Formats::isHostname;
      case "ipv4" -> s -> s.contains(".") && isIp(s);
      case "ipv6" -> s -> s.contains(":") && isIp(s);
      case "cidr" -> Formats::isCidr;
      case "mac" -> s -> MAC.matcher(s).matches();
      case "uuid" -> s -> UUID.matcher(s).matches();
      case "uuid3" -> s -> UUID3.matcher(s).matches();
      case "uuid4" -> s -> UUID4.matcher(s).matches();
      case "uuid5" -> s -> UUID5.matcher(s).matches();
      case "isbn" -> s -> isIsbn10(s) || isIsbn13(s);
      case "isbn10" -> Formats::isIsbn10;
      case "isbn13" -> Formats::isIsbn13;
      case "creditcard" -> Formats::isCreditCard;
      case "ssn" -> s -> s.length() == 11 && SSN.matcher(s).matches();
      case "hexcolor" -> s -> HEX_COLOR.matcher(s).matches();
      case "rgbcolor" -> s -> RGB_COLOR.matcher(s).matches();
      case "byte" -> s -> BASE64.matcher(s).matches();
      case "date" -> Formats::isDate;
      case "datetime" -> Formats::isDateTime;
      case "duration" -> Formats::isDuration;
      default -> s -> true;
    };
    return check.test(value);
  }

  private static String normalize(String format) {
    return format.replace("-", "");
  }

  private static boolean isHostname(String s) {
    if (s.length() > 255 || !HOSTNAME.matcher(s).matches()) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (part.length() > 63) {
        return false;
      }
    }
    return true;
  }

  /** Go's url.ParseRequestURI: an absolute URI, or an absolute path. */
  private static boolean isRequestUri(String s) {
    if (s.isEmpty() || s.contains(" ")) {
      return false;
    }
    try {
      URI uri = new URI(s);
      return uri.isAbsolute() || s.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An IP literal as Go's net.ParseIP reads it (IPv4 octets may carry leading zeros; no zones, no brackets). */
  private static boolean isIp(String s) {
    if (s.isEmpty() || s.contains("%") || s.contains("[") || s.contains("/")) {
      return false;
    }
    if (!s.contains(":")) {
      String[] octets = s.split("\\.", -1);
      if (octets.length != 4) {
        return false;
      }
      for (String octet : octets) {
        if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }
    if (!s.matches("[0-9a-fA-F:.]+")) {
      return false;
    }
    try {
      // A literal containing ':' is parsed, never looked up.
      InetAddress.getByName(s);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0 || !isIp(s.substring(0, slash))) {
      return false;
    }
    String bits = s.substring(slash + 1);
    int max = s.substring(0, slash).contains(":") ? 128 : 32;
    return bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= max;
  }

  private static boolean isIsbn10(String s) {
    String d = s.replaceAll("[\\s-]+", "");
    if (!d.matches("[0-9]{9}X|[0-9]{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int v = d.charAt(i) == 'X' ? 10 : d.charAt(i) - '0';
      sum += (i + 1) * v;
    }
    return sum % 11 == 0;
  }

  private static boolean isIsbn13(String s) {
    String d = s.replaceAll("[\\s-]+", "");
    if (!d.matches("[0-9]{13}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10 == d.charAt(12) - '0';
  }

  private static boolean isCreditCard(String s) {
    String d = s.replaceAll("[^0-9]+", "");
    if (!CREDIT_CARD.matcher(d).matches()) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int v = d.charAt(i) - '0';
      if (twice) {
        v *= 2;
        if (v >= 10) {
          v = v % 10 + 1;
        }
      }
      sum += v;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** kube-openapi's check: a full date, a 't', then a clock with a zone; hours up to 23, minutes and seconds 59. */
  private static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String[] parts = s.toLowerCase().split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = DATE_TIME_CLOCK.matcher(parts[1]);
    return m.matches() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }

  /** Go's time.ParseDuration, or else any "number unit" pair with a unit kube-openapi recognises. */
  private static boolean isDuration(String s) {
    if (GO_DURATION.matcher(s).matches()) {
      return true;
    }
    Matcher m = LOOSE_DURATION.matcher(s);
    while (m.find()) {
      String unit = m.group(3).trim().toLowerCase();
      for (String[] variants : DURATION_UNITS) {
        for (int i = 0; i < variants.length; i++) {
          boolean last = i == variants.length - 1;
          if ((last && unit.startsWith(variants[i])) || variants[i].equalsIgnoreCase(unit)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
