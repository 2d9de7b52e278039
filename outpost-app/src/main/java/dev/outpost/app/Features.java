package dev.outpost.app;

import dev.outpost.web.WebFeature;
import dev.outpost.web.accounts.AccountsWeb;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires each feature (inbox, broadcasts, alerts, accounts...) to the running parts and returns its
 * pages and API. One small block per feature; a feature that runs in the background adds itself to
 * {@link Services#closeables()}.
 */
final class Features {
  private Features() {}

  static List<WebFeature> wire(Services services) {
    List<WebFeature> features = new ArrayList<>();
    // Accounts (issue 12): sign-in, users, API tokens, secrets and the audit log.
    features.add(new AccountsWeb(services.accounts(), services.secrets(), services.audit()));
    return features;
  }
}
