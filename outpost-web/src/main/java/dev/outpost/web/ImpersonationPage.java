package dev.outpost.web;

import java.util.List;

/**
 * The impersonation review page ({@code /impersonation}): accounts that look like the brand's own,
 * highest score first, with their evidence and the reviewer's buttons. Every field is shown as text
 * (escaped by the template): handles, names and posts are written by strangers.
 *
 * @param status the status shown ({@code new}, {@code confirmed}, ... or {@code all})
 * @param statuses the statuses to filter by
 * @param rows the candidates
 * @param enabled whether the organisation listed identities to protect
 */
public record ImpersonationPage(
    String status, List<String> statuses, List<Row> rows, boolean enabled) {
  public ImpersonationPage {
    statuses = List.copyOf(statuses);
    rows = List.copyOf(rows);
  }

  /**
   * One candidate.
   *
   * @param id its id in the queue
   * @param account {@code network:@handle}
   * @param displayName its display name
   * @param score the score, two decimals
   * @param verdict {@code impersonation} or {@code suspicious}
   * @param resembles the protected identity it copies
   * @param reasons the evidence, strongest first
   * @param status {@code new}, {@code confirmed}, {@code dismissed} or {@code reported}
   * @param sightings how many of its posts were seen
   * @param lastSeen when, ISO-8601
   * @param postUrl its latest post on its network (empty when unknown)
   * @param postText that post's text
   * @param reviewed who decided and when, empty when nobody has
   */
  public record Row(
      long id,
      String account,
      String displayName,
      String score,
      String verdict,
      String resembles,
      List<String> reasons,
      String status,
      int sightings,
      String lastSeen,
      String postUrl,
      String postText,
      String reviewed) {
    public Row {
      reasons = List.copyOf(reasons);
      postUrl = safeUrl(postUrl);
    }

    /** Only http(s) links become links; anything else (javascript:, data:) is dropped. */
    static String safeUrl(String url) {
      if (url == null) {
        return "";
      }
      String u = url.strip();
      String lower = u.toLowerCase(java.util.Locale.ROOT);
      return lower.startsWith("https://") || lower.startsWith("http://") ? u : "";
    }
  }
}
