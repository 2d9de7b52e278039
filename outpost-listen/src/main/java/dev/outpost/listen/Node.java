package dev.outpost.listen;

import java.util.List;

/** A parsed query: boolean operators over leaves that each test one field of a post. */
sealed interface Node {

  /** At least one child matches. */
  record Or(List<Node> children) implements Node {}

  /** Every child matches; {@link Not} children must not. */
  record And(List<Node> children) implements Node {}

  /** The child does not match. */
  record Not(Node child) implements Node {}

  /**
   * Both sides occur within {@code distance} words of each other (in order when {@code ordered}).
   * Sides are text leaves, phrases, wildcards, OR groups of them or other NEARs, all in one field.
   */
  record Near(Node left, Node right, int distance, boolean ordered) implements Node {}

  /** One token, already normalised, in a field. */
  record Term(Field field, String value) implements Node {}

  /** Words in order, at most {@code slop} moves apart (Lucene phrase slop). */
  record Phrase(Field field, List<String> words, int slop) implements Node {}

  /** A Lucene wildcard pattern ({@code *} any characters) over one token of a field. */
  record Wild(Field field, String pattern) implements Node {}

  /** A number field between two bounds, both inclusive. */
  record Range(Field field, long min, long max) implements Node {}
}
