package dev.outpost.listen;

/**
 * Parses number conditions: {@code >N}, {@code >=N}, {@code <N}, {@code <=N}, {@code N}, {@code
 * N..M}.
 */
final class Numbers {
  private Numbers() {}

  static Node range(String q, int pos, Field field, String value) {
    String hint =
        "bad number '"
            + value
            + "' for "
            + field.lucene
            + ": use "
            + field.lucene
            + ":>10000, "
            + field.lucene
            + ":<=500 or "
            + field.lucene
            + ":100..5000";
    long min;
    long max;
    if (value.startsWith(">=")) {
      min = parse(q, pos, value.substring(2), hint);
      max = Long.MAX_VALUE;
    } else if (value.startsWith(">")) {
      long n = parse(q, pos, value.substring(1), hint);
      if (n == Long.MAX_VALUE) {
        throw QueryException.at(q, pos, hint);
      }
      min = n + 1;
      max = Long.MAX_VALUE;
    } else if (value.startsWith("<=")) {
      min = 0;
      max = parse(q, pos, value.substring(2), hint);
    } else if (value.startsWith("<")) {
      min = 0;
      max = parse(q, pos, value.substring(1), hint) - 1;
    } else if (value.contains("..")) {
      int dots = value.indexOf("..");
      min = parse(q, pos, value.substring(0, dots), hint);
      max = parse(q, pos, value.substring(dots + 2), hint);
    } else {
      min = parse(q, pos, value, hint);
      max = min;
    }
    if (min > max) {
      throw QueryException.at(q, pos, "empty range for " + field.lucene + ": '" + value + "'");
    }
    return new Node.Range(field, min, max);
  }

  private static long parse(String q, int pos, String digits, String hint) {
    String d = digits.replace("_", "").replace(",", "");
    if (d.isEmpty() || d.length() > 18 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw QueryException.at(q, pos, hint);
    }
    return Long.parseLong(d);
  }
}
