package dev.reflex.labels;

import dev.reflex.core.GoText;
import dev.reflex.labels.SelectorLexer.Kind;
import dev.reflex.labels.SelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The recursive-descent reading of apimachinery's {@code labels.Parse} (v0.32), error for error:
 *
 * <pre>
 *   selector    := "" | requirement ("," requirement)*
 *   requirement := ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") [VALUE] ]
 *   values      := VALUE? ("," VALUE?)*          ("()" and empty items are the empty value)
 * </pre>
 *
 * <p>Where a value may stand, {@code in} and {@code notin} are plain words ({@code in=notin} is a requirement).
 * Set values come out as kube's set does: duplicates once, sorted.
 */
final class SelectorParser {

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Token> tokens;
  private int position;

  private SelectorParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** @throws Failure with kube's message */
  static List<Requirement> parse(String text) {
    return new SelectorParser(SelectorLexer.tokens(text)).selector();
  }

  /** A parse error, worded as kube's; {@link LabelSelector} adds the caller's field. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private List<Requirement> selector() {
    List<Requirement> out = new ArrayList<>();
    while (true) {
      Token next = peek(true);
      switch (next.kind()) {
        case IDENTIFIER, BANG -> {
          try {
            out.add(requirement());
          } catch (Failure e) {
            throw new Failure("unable to parse requirement: " + e.getMessage());
          }
          Token after = take(true);
          if (after.kind() == Kind.END) {
            return out;
          }
          if (after.kind() != Kind.COMMA) {
            throw new Failure("found '" + after.text() + "', expected: ',' or 'end of string'");
          }
          Token start = peek(true);
          if (start.kind() != Kind.IDENTIFIER && start.kind() != Kind.BANG) {
            throw new Failure("found '" + start.text() + "', expected: identifier after ','");
          }
        }
        case END -> {
          return out;
        }
        default -> throw new Failure("found '" + next.text() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private Requirement requirement() {
    boolean absent = false;
    Token key = take(true);
    if (key.kind() == Kind.BANG) {
      absent = true;
      key = take(true);
    }
    if (key.kind() != Kind.IDENTIFIER) {
      throw new Failure("found '" + key.text() + "', expected: identifier");
    }
    List<String> keyProblems = LabelSyntax.keyProblems(key.text());
    if (!keyProblems.isEmpty()) {
      // kube checks the key here against no field path, which Go prints as <nil>.
      throw new Failure("<nil>: Invalid value: " + GoText.quote(key.text()) + ": " + String.join("; ", keyProblems));
    }
    Kind after = peek(true).kind();
    if (absent) {
      // "!k" stands alone; whatever follows is the selector's problem ("found '=', expected: ',' or …").
      return build(key.text(), Operator.DOES_NOT_EXIST, List.of());
    }
    if (after == Kind.END || after == Kind.COMMA) {
      return build(key.text(), Operator.EXISTS, List.of());
    }
    Token op = take(false);
    Operator operator = switch (op.kind()) {
      case IN -> Operator.IN;
      case NOT_IN -> Operator.NOT_IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case GREATER -> Operator.GREATER_THAN;
      case LESS -> Operator.LESS_THAN;
      default -> throw new Failure("found '" + op.text() + "', expected: " + BINARY_OPERATORS);
    };
    List<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : List.of(exactValue());
    return build(key.text(), operator, values);
  }

  private static Requirement build(String key, Operator operator, List<String> values) {
    List<String> problems = Requirement.problems(key, operator, values);
    if (!problems.isEmpty()) {
      throw new Failure(LabelSelectorException.aggregate(problems));
    }
    return new Requirement(key, operator, values);
  }

  private List<String> valueSet() {
    Token open = take(true);
    if (open.kind() != Kind.OPEN) {
      throw new Failure("found '" + open.text() + "' expected: '('");
    }
    Token first = peek(true);
    return switch (first.kind()) {
      case IDENTIFIER, COMMA -> {
        List<String> values = valueList();
        take(true); // the ')' that valueList saw
        yield values;
      }
      case CLOSE -> {
        take(true);
        yield List.of("");
      }
      default -> throw new Failure("found '" + first.text() + "', expected: ',', ')' or identifier");
    };
  }

  // Items up to, not including, the ')'. An empty item is the empty value. As in kube 1.32, two commas in a row
  // take the second one with them, so "(a,,)" is an error while "(a,,b)" and "(a,)" are not.
  private List<String> valueList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Token token = take(true);
      switch (token.kind()) {
        case IDENTIFIER -> {
          values.add(token.text());
          Token next = peek(true);
          if (next.kind() == Kind.CLOSE) {
            return List.copyOf(values);
          }
          if (next.kind() != Kind.COMMA) {
            throw new Failure("found '" + next.text() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add("");
          }
          Kind next = peek(true).kind();
          if (next == Kind.CLOSE) {
            values.add("");
            return List.copyOf(values);
          }
          if (next == Kind.COMMA) {
            take(true);
            values.add("");
          }
        }
        default -> throw new Failure("found '" + token.text() + "', expected: ',', or identifier");
      }
    }
  }

  private String exactValue() {
    Kind next = peek(true).kind();
    if (next == Kind.END || next == Kind.COMMA) {
      return "";
    }
    Token value = take(true);
    if (value.kind() != Kind.IDENTIFIER) {
      throw new Failure("found '" + value.text() + "', expected: identifier");
    }
    return value.text();
  }

  // Where a value may stand (asValue), the keywords in and notin are identifiers.
  private Token peek(boolean asValue) {
    return relabel(tokens.get(Math.min(position, tokens.size() - 1)), asValue);
  }

  private Token take(boolean asValue) {
    // Nothing reads past the end token; clamping only keeps a slip from throwing out of bounds.
    return relabel(tokens.get(Math.min(position++, tokens.size() - 1)), asValue);
  }

  private static Token relabel(Token token, boolean asValue) {
    return asValue && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN)
        ? new Token(Kind.IDENTIFIER, token.text()) : token;
  }
}
