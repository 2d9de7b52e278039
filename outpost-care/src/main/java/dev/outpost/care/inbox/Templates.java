package dev.outpost.care.inbox;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saved replies with variables: {@code {{author.name}}}, {@code {{author.handle}}}, {@code
 * {{agent.name}}}, {@code {{case.id}}}. A variable nobody knows is an error naming it, never a
 * reply sent with braces in it.
 */
public final class Templates {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

  /** The variables a saved reply may use, with sample values. */
  public static final Map<String, String> SAMPLE =
      Map.of(
          "author.name", "Ana",
          "author.handle", "@ana",
          "agent.name", "Sam",
          "case.id", "42",
          "topic", "brand");

  private Templates() {}

  /**
   * Fills in the variables.
   *
   * @throws IllegalArgumentException naming the first unknown variable and the known ones
   */
  public static String render(String template, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "unknown variable {{"
                + name
                + "}} in the saved reply; known: "
                + String.join(", ", new TreeSet<>(variables.keySet())));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
