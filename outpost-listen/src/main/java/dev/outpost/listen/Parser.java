package dev.outpost.listen;

import dev.outpost.listen.Lexer.Kind;
import dev.outpost.listen.Lexer.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code OR}, {@code AND} (also implicit
 * between terms), {@code NOT}, {@code NEAR/n}. Every error carries the column where it starts.
 */
final class Parser {
  private final String q;
  private final List<Tok> toks;
  private int p;

  private Parser(String q, List<Tok> toks) {
    this.q = q;
    this.toks = toks;
  }

  static Node parse(String query) {
    if (query.isBlank()) {
      throw QueryException.at(query, 0, "empty query");
    }
    if (query.length() > dev.outpost.core.Topic.MAX_QUERY) {
      throw QueryException.at(
          query,
          dev.outpost.core.Topic.MAX_QUERY,
          "query too long: at most " + dev.outpost.core.Topic.MAX_QUERY + " characters");
    }
    Parser parser = new Parser(query, Lexer.lex(query));
    Node node = parser.or();
    if (parser.p < parser.toks.size()) {
      Tok t = parser.toks.get(parser.p);
      throw parser.error(t.pos(), "unbalanced ')': there is no '(' to close");
    }
    if (leaves(node) > MAX_TERMS) {
      throw parser.error(0, "query too large: at most " + MAX_TERMS + " terms");
    }
    if (unbounded(node)) {
      throw parser.error(
          0, "the query only excludes things: add a term to look for, as in 'a NOT b'");
    }
    return node;
  }

  /** Lucene's default limit on the clauses of one query. */
  static final int MAX_TERMS = 1024;

  /** How deeply groups and NOTs may nest (deeper queries would overflow the parser's stack). */
  static final int MAX_DEPTH = 100;

  private int depth;

  private void enter(Tok at) {
    if (++depth > MAX_DEPTH) {
      throw error(at.pos(), "too deeply nested: at most " + MAX_DEPTH + " levels of '(' and NOT");
    }
  }

  private static int leaves(Node node) {
    return switch (node) {
      case Node.Or o -> o.children().stream().mapToInt(Parser::leaves).sum();
      case Node.And a -> a.children().stream().mapToInt(Parser::leaves).sum();
      case Node.Not n -> leaves(n.child());
      case Node.Near n -> leaves(n.left()) + leaves(n.right());
      case Node.Phrase ph -> ph.words().size();
      default -> 1;
    };
  }

  /** Whether a node can match a post without any positive term being present. */
  static boolean unbounded(Node node) {
    return switch (node) {
      case Node.Not n -> true;
      case Node.And a -> a.children().stream().allMatch(Parser::unbounded);
      case Node.Or o -> o.children().stream().anyMatch(Parser::unbounded);
      default -> false;
    };
  }

  private Node or() {
    List<Node> children = new ArrayList<>();
    add(children, and(), Node.Or.class);
    while (peek(Kind.OR)) {
      Tok op = toks.get(p++);
      requireOperand(op);
      add(children, and(), Node.Or.class);
    }
    return children.size() == 1 ? children.getFirst() : new Node.Or(List.copyOf(children));
  }

  private Node and() {
    List<Node> children = new ArrayList<>();
    add(children, unary(), Node.And.class);
    while (p < toks.size() && !peek(Kind.OR) && !peek(Kind.RPAREN)) {
      if (peek(Kind.AND)) {
        requireOperand(toks.get(p++));
      }
      add(children, unary(), Node.And.class);
    }
    return children.size() == 1 ? children.getFirst() : new Node.And(List.copyOf(children));
  }

  private static void add(List<Node> into, Node node, Class<? extends Node> flatten) {
    if (flatten.isInstance(node)) {
      into.addAll(node instanceof Node.Or o ? o.children() : ((Node.And) node).children());
    } else {
      into.add(node);
    }
  }

  private Node unary() {
    if (peek(Kind.NOT)) {
      Tok not = toks.get(p++);
      requireOperand(not);
      enter(not);
      Node child = unary();
      depth--;
      return child instanceof Node.Not n ? n.child() : new Node.Not(child);
    }
    return near();
  }

  private Node near() {
    int leftPos = posHere();
    Node left = primary();
    while (peek(Kind.NEAR)) {
      Tok op = toks.get(p++);
      requireOperand(op);
      int rightPos = posHere();
      Node right = primary();
      Field lf = nearField(left, leftPos);
      Field rf = nearField(right, rightPos);
      if (lf != rf) {
        throw error(op.pos(), "NEAR joins words of one field: do not mix raw: and plain words");
      }
      left = new Node.Near(left, right, op.number(), op.ordered());
    }
    return left;
  }

  private Node primary() {
    if (p >= toks.size()) {
      throw error(q.length(), "the query ends where a term was expected");
    }
    Tok t = toks.get(p);
    switch (t.kind()) {
      case LPAREN -> {
        p++;
        if (peek(Kind.RPAREN)) {
          throw error(t.pos(), "empty group '()'");
        }
        if (p >= toks.size()) {
          throw error(t.pos(), "missing ')' for this '('");
        }
        enter(t);
        Node inner = or();
        depth--;
        if (!peek(Kind.RPAREN)) {
          throw error(t.pos(), "missing ')' for this '('");
        }
        p++;
        return inner;
      }
      case WORD -> {
        p++;
        return Leaves.word(q, t);
      }
      case PHRASE -> {
        p++;
        return Leaves.phrase(q, t);
      }
      case FIELD -> {
        p++;
        return Leaves.field(q, t);
      }
      case NOT -> throw error(t.pos(), "NOT cannot follow NEAR: NEAR joins words and phrases");
      case RPAREN -> throw error(t.pos(), "unbalanced ')': there is no '(' to close");
      default -> throw error(t.pos(), t.text() + " needs a term before it");
    }
  }

  /** Checks that an operator is followed by something it can apply to. */
  private void requireOperand(Tok op) {
    if (p >= toks.size()) {
      throw error(op.pos(), op.text() + " needs a term after it");
    }
    Kind next = toks.get(p).kind();
    if (next == Kind.RPAREN || next == Kind.AND || next == Kind.OR || next == Kind.NEAR) {
      throw error(op.pos(), op.text() + " needs a term after it");
    }
  }

  private Field nearField(Node node, int pos) {
    return switch (node) {
      case Node.Term t when t.field() == Field.TEXT || t.field() == Field.RAW -> t.field();
      case Node.Wild w when w.field() == Field.TEXT || w.field() == Field.RAW -> w.field();
      case Node.Phrase ph when ph.slop() == 0 -> ph.field();
      case Node.Phrase ph -> throw error(pos, "a phrase inside NEAR cannot have '~'");
      case Node.Near n -> nearField(n.left(), pos);
      case Node.Or o -> {
        Field f = nearField(o.children().getFirst(), pos);
        for (Node c : o.children()) {
          if (nearField(c, pos) != f) {
            throw error(pos, "NEAR joins words of one field: do not mix raw: and plain words");
          }
        }
        yield f;
      }
      default ->
          throw error(
              pos,
              "NEAR joins words, phrases, wildcards and OR groups of them, not " + describe(node));
    };
  }

  private static String describe(Node node) {
    return switch (node) {
      case Node.And a -> "AND groups";
      case Node.Not n -> "NOT";
      case Node.Term t when t.field() == Field.TAG -> "#hashtags (write the words instead)";
      case Node.Term t when t.field() == Field.MENTION -> "@mentions";
      default -> "field filters";
    };
  }

  private int posHere() {
    return p < toks.size() ? toks.get(p).pos() : q.length();
  }

  private boolean peek(Kind kind) {
    return p < toks.size() && toks.get(p).kind() == kind;
  }

  private QueryException error(int index, String reason) {
    return QueryException.at(q, index, reason);
  }
}
