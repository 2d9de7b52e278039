package dev.outpost.web;

import dev.outpost.core.Analytics;
import java.util.List;

/**
 * What the overview dashboard shows; the charts load the same figures from the API with the same
 * query string.
 *
 * @param from first day shown (YYYY-MM-DD, UTC)
 * @param to last day shown, inclusive
 * @param interval hour, day or auto, as asked
 * @param by how top authors are ranked: volume or influence
 * @param query the page's query string (for CSV links and the charts), without a leading '?'
 * @param total mentions in the range over the topics shown
 */
public record DashboardPage(
    String from,
    String to,
    String interval,
    String by,
    String query,
    List<TopicOption> topics,
    long total,
    List<Analytics.TopicShare> shares,
    List<Analytics.AuthorStat> authors,
    List<Analytics.TermCount> hashtags,
    List<Analytics.TermCount> terms) {

  /** A topic in the filter form. */
  public record TopicOption(String id, String name, String kind, boolean selected) {}

  /** The share as a percentage with one decimal, as shown. */
  public static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
  }

  /** An influence score with one decimal, as shown. */
  public static String score(double influence) {
    return String.format(java.util.Locale.ROOT, "%.1f", influence);
  }
}
