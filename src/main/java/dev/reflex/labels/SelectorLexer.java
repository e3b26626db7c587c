package dev.reflex.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tokens of a selector string, cut as apimachinery's label-selector lexer cuts them: whitespace (space, tab,
 * CR, LF) separates; the symbols {@code = ! ( ) , > <} form the longest operator they spell ({@code ==},
 * {@code !=}); every other run of characters is an identifier, or the keyword {@code in}/{@code notin} — so
 * {@code notin(} is the keyword and a parenthesis, with or without a space between.
 */
final class SelectorLexer {

  enum Kind { END, OPEN, CLOSE, COMMA, BANG, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, IN, NOT_IN, IDENTIFIER }

  /** One token and the text it was cut from ({@code ""} for the end). */
  record Token(Kind kind, String text) {
  }

  private static final Map<String, Kind> FIXED = Map.ofEntries(Map.entry("(", Kind.OPEN), Map.entry(")", Kind.CLOSE),
      Map.entry(",", Kind.COMMA), Map.entry("!", Kind.BANG), Map.entry("=", Kind.EQUALS),
      Map.entry("==", Kind.DOUBLE_EQUALS), Map.entry("!=", Kind.NOT_EQUALS), Map.entry(">", Kind.GREATER),
      Map.entry("<", Kind.LESS), Map.entry("in", Kind.IN), Map.entry("notin", Kind.NOT_IN));

  private final String text;
  private int pos;

  private SelectorLexer(String text) {
    this.text = text;
  }

  /** All tokens of {@code text}, the last one {@link Kind#END}. */
  static List<Token> tokens(String text) {
    SelectorLexer lexer = new SelectorLexer(text);
    List<Token> out = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      out.add(token);
    } while (token.kind() != Kind.END);
    return out;
  }

  // Go's lexer reads bytes and takes a 0 for the end, so a NUL character ends the selector where a token could
  // start (and ends the token it is in); reading it still moves past it, as there.
  private char read() {
    return pos < text.length() ? text.charAt(pos++) : 0;
  }

  private Token next() {
    char ch = read();
    while (whitespace(ch)) {
      ch = read();
    }
    if (ch == 0) {
      return new Token(Kind.END, "");
    }
    pos--;
    return symbol(ch) ? operator() : word();
  }

  private Token operator() {
    StringBuilder buffer = new StringBuilder();
    Token longest = null;
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (!symbol(ch)) {
        pos--;
        break;
      }
      buffer.append(ch);
      Kind kind = FIXED.get(buffer.toString());
      if (kind != null) {
        longest = new Token(kind, buffer.toString());
      } else {
        // Each symbol alone is a token, so a longest match exists here: give back what does not extend it.
        pos--;
        break;
      }
    }
    return longest;
  }

  private Token word() {
    StringBuilder buffer = new StringBuilder();
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (symbol(ch) || whitespace(ch)) {
        pos--;
        break;
      }
      buffer.append(ch);
    }
    String word = buffer.toString();
    Kind keyword = FIXED.get(word);
    return new Token(keyword == null ? Kind.IDENTIFIER : keyword, word);
  }

  private static boolean whitespace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
  }

  private static boolean symbol(char ch) {
    return "=!(),><".indexOf(ch) >= 0;
  }
}
