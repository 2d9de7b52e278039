package dev.outpost.listen;

import java.io.Serial;

/** A query that cannot be used, with the column (1-based, in characters) where the problem is. */
public final class QueryException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;
  private final int column;
  private final String reason;

  public QueryException(int column, String reason) {
    super("error at column " + column + ": " + reason);
    this.column = column;
    this.reason = reason;
  }

  /** The 1-based column (counted in Unicode code points) where the problem starts. */
  public int column() {
    return column;
  }

  /** What is wrong, without the column. */
  public String reason() {
    return reason;
  }

  /** Builds the error for a position given as a UTF-16 index into the query. */
  static QueryException at(String query, int index, String reason) {
    int safe = Math.max(0, Math.min(index, query.length()));
    return new QueryException(query.codePointCount(0, safe) + 1, reason);
  }
}
