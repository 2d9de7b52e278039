package dev.outpost.web;

import dev.outpost.core.Analytics;
import dev.outpost.core.Mention;
import dev.outpost.core.Permission;
import io.javalin.http.Context;

/**
 * Authors' handles, names and post links are personal data: callers without {@link
 * Permission#VIEW_PERSONAL_DATA} see them masked, on pages, in the JSON and CSV API and on the live
 * feed alike.
 */
final class PersonalData {
  static final String HIDDEN = "(hidden)";

  private PersonalData() {}

  /** Whether the caller must not see personal data (nobody signed in counts as such). */
  static boolean hidden(Context ctx) {
    return Principal.find(ctx).map(p -> !p.may(Permission.VIEW_PERSONAL_DATA)).orElse(true);
  }

  static MentionView view(Mention m, boolean hide) {
    MentionView v = MentionView.of(m);
    if (!hide) {
      return v;
    }
    return new MentionView(
        v.id(),
        v.topic(),
        v.network(),
        "",
        HIDDEN,
        HIDDEN,
        v.followers(),
        v.text(),
        v.language(),
        v.postedAt(),
        v.matchedAt(),
        null,
        v.reposts(),
        v.likes(),
        v.sentiment(),
        v.intents(),
        v.influencer());
  }

  static Analytics.AuthorStat author(Analytics.AuthorStat a, boolean hide) {
    return hide
        ? new Analytics.AuthorStat(
            a.network(), HIDDEN, HIDDEN, a.followers(), a.posts(), a.influence())
        : a;
  }
}
