package dev.outpost.listen;

/**
 * The result of checking a query: either its normalised form, or where and why it is wrong.
 *
 * @param normalised the query in canonical form; empty when the query is invalid
 * @param column the 1-based column of the error; 0 when the query is valid
 * @param message what is wrong; empty when the query is valid
 */
public record QueryCheck(String normalised, int column, String message) {

  /** Whether the query is valid. */
  public boolean ok() {
    return column == 0;
  }

  static QueryCheck valid(String normalised) {
    return new QueryCheck(normalised, 0, "");
  }

  static QueryCheck invalid(QueryException e) {
    return new QueryCheck("", e.column(), e.reason());
  }
}
