package dev.outpost.app;

import dev.outpost.app.alerts.AlertNotifications;
import dev.outpost.care.inbox.Inbox;
import dev.outpost.care.inbox.InboxWeb;
import dev.outpost.connectors.Connection;
import dev.outpost.store.PostgresAlerts;
import dev.outpost.web.ConnectorsFeature;
import dev.outpost.web.WebFeature;
import dev.outpost.web.accounts.AccountsWeb;
import dev.outpost.web.alerts.AlertsFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // the care inbox (issue 8): cases from stored mentions, SLA checks in the background
    Inbox inbox =
        new Inbox(
            services.database().dataSource(),
            services.clock(),
            services
                .config()
                .care()
                .settings()
                .withChannels(replyChannels(services), escalation(services)));
    services.listeners().add(inbox);
    inbox.watchSla(services.config().care().slaCheck());
    services.closeables().add(inbox);
    features.add(new InboxWeb(inbox));
    return features;
  }

  /** The configured reply connection per network, else the first that can reply there. */
  private static Map<String, String> replyChannels(Services services) {
    Map<String, String> out = new HashMap<>();
    for (Connection c : services.connections()) {
      if (c.replier().isPresent()) {
        out.putIfAbsent(c.type(), c.name());
      }
    }
    out.putAll(services.config().care().replyChannels());
    return out;
  }

  private static Optional<String> escalation(Services services) {
    return Optional.ofNullable(services.config().care().escalationChannel())
        .filter(s -> !s.isBlank());
  }
}
