package dev.outpost.identity;

import java.util.Locale;
import java.util.Map;

/**
 * Where each network takes impersonation reports. Facts only, as published by the networks (see
 * docs/impersonation.md for the date they were written down); unknown networks get the generic
 * route.
 */
final class Networks {
  record Route(String name, String reportUrl, String policyUrl, String how) {}

  private static final Route GENERIC =
      new Route(
          "the network",
          "",
          "",
          "Use the network's report action on the profile (usually in the profile's menu) and "
              + "choose impersonation or fake account; report from an account that can show it "
              + "acts for the brand.");

  private static final Map<String, Route> ROUTES =
      Map.of(
          "x",
          new Route(
              "X (Twitter)",
              "https://help.x.com/en/forms/authenticity/impersonation",
              "https://help.x.com/en/rules-and-policies/x-impersonation-and-deceptive-identities-policy",
              "Report from the profile menu (Report > impersonation) or file the impersonation "
                  + "form; X acts on reports from the impersonated party or its authorised "
                  + "representative, and no X account is needed to file the form."),
          "mastodon",
          new Route(
              "Mastodon",
              "https://docs.joinmastodon.org/user/moderating/#report",
              "https://docs.joinmastodon.org/user/moderating/",
              "Report the account from its profile menu; the report goes to your server's "
                  + "moderators, and for an account on another server you can tick 'forward' so "
                  + "that server's moderators receive it too. Also write to the account's server "
                  + "admins (its /about page)."),
          "bluesky",
          new Route(
              "Bluesky",
              "https://bsky.app",
              "https://bsky.social/about/support/community-guidelines",
              "Report the account from its profile menu and choose the misleading-account / "
                  + "impersonation reason; Bluesky moderation reviews it."),
          "youtube",
          new Route(
              "YouTube",
              "https://support.google.com/youtube/answer/2801947",
              "https://support.google.com/youtube/answer/2801947",
              "Report the channel from its About page (Report user > Impersonation) or through "
                  + "the impersonation policy page."),
          "facebook",
          new Route(
              "Facebook",
              "https://www.facebook.com/help",
              "https://transparency.meta.com/policies/community-standards/",
              "Report the profile or Page from its menu (Report > Fake profile or pretending to "
                  + "be someone); the Help Center also has a form for people without an account."),
          "instagram",
          new Route(
              "Instagram",
              "https://help.instagram.com",
              "https://transparency.meta.com/policies/community-standards/",
              "Report the account from its profile menu (Report > pretending to be someone else > "
                  + "a business or brand); the Help Center has a form for those without an "
                  + "account."),
          "reddit",
          new Route(
              "Reddit",
              "https://www.reddit.com/report",
              "https://redditinc.com/policies/content-policy",
              "File the report form (impersonation) naming the account and the brand it copies."));

  private Networks() {}

  static Route route(String network) {
    String n = network.toLowerCase(Locale.ROOT);
    if (n.equals("twitter")) {
      n = "x";
    }
    if (n.contains("mastodon") || (n.contains("social") && !ROUTES.containsKey(n))) {
      n = "mastodon";
    }
    if (n.startsWith("bsky")) {
      n = "bluesky";
    }
    return ROUTES.getOrDefault(n, GENERIC);
  }
}
