package dev.outpost.app;

import dev.outpost.app.alerts.AlertNotifications;
import dev.outpost.app.config.ImpersonationConfig;
import dev.outpost.app.impersonation.ImpersonationFeature;
import dev.outpost.identity.review.ImpersonationReview;
import dev.outpost.store.PostgresAlerts;
import dev.outpost.store.PostgresCorrections;
import dev.outpost.web.ConnectorsFeature;
import dev.outpost.web.CorrectionsApi;
import dev.outpost.web.WebFeature;
import dev.outpost.web.accounts.AccountsWeb;
import dev.outpost.web.alerts.AlertsFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires each feature (inbox, broadcasts, alerts, accounts...) to the running parts and returns its
 * pages and API. One small block per feature; a feature that runs in the background adds itself to
 * {@link Services#closeables()}.
 */
final class Features {
  private Features() {}

  static List<WebFeature> wire(Services services) {
    List<WebFeature> features = new ArrayList<>();
    // Connectors: each source's health, as a page and in the API.
    features.add(new ConnectorsFeature(() -> ConnectorStatuses.of(services.connections())));
    // Accounts (issue 12): sign-in, users, API tokens, secrets and the audit log.
    features.add(new AccountsWeb(services.accounts(), services.secrets(), services.audit()));

    // Alerts and incidents (issue 7): threads kept in PostgreSQL, notifications through the outbox.
    PostgresAlerts alerts = new PostgresAlerts(services.database().dataSource());
    AlertNotifications notifications =
        AlertNotifications.create(
                services.config().alerts(),
                alerts,
                services.outbox(),
                services.dispatcher(),
                services.clock(),
                services.detection()::incident)
            .startEscalations();
    services.closeables().add(notifications);
    services
        .detection()
        .addListener(
            notifications, Optional.of(() -> alerts.activeCount(services.clock().instant())));
    features.add(new AlertsFeature(alerts, services.audit(), services.clock()));

    // Impersonation review (issue 10): mention authors scored live against our identities.
    ImpersonationConfig impersonation = services.config().impersonation();
    Optional<ImpersonationReview> review = Optional.empty();
    if (impersonation.enabled()) {
      ImpersonationReview live =
          new ImpersonationReview(
              impersonation.scorer(services.clock()),
              services.database().dataSource(),
              services.audit(),
              services.clock(),
              impersonation.minScore());
      services.listeners().add(live);
      review = Optional.of(live);
    }
    features.add(new ImpersonationFeature(review));

    // Corrections of sentiment and intents (issue 5), folded in by `outpost train sentiment`.
    features.add(
        new CorrectionsApi(
            new PostgresCorrections(services.database().dataSource()), services.clock()));

    return features;
  }
}
