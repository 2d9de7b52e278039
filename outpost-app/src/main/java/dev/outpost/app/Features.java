package dev.outpost.app;

import dev.outpost.app.alerts.AlertNotifications;
import dev.outpost.app.config.BroadcastConfig;
import dev.outpost.app.config.ImpersonationConfig;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.impersonation.ImpersonationFeature;
import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.care.broadcast.ChannelProfile;
import dev.outpost.care.broadcast.WebhookChannel;
import dev.outpost.care.inbox.Inbox;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.Connection;
import dev.outpost.identity.review.ImpersonationReview;
import dev.outpost.store.PostgresAlerts;
import dev.outpost.store.PostgresBroadcasts;
import dev.outpost.store.PostgresCorrections;
import dev.outpost.web.ConnectorsFeature;
import dev.outpost.web.CorrectionsApi;
import dev.outpost.web.WebFeature;
import dev.outpost.web.accounts.AccountsWeb;
import dev.outpost.web.alerts.AlertsFeature;
import dev.outpost.web.broadcast.BroadcastWeb;
import dev.outpost.web.inbox.InboxWeb;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    // Broadcasts and the public status page (issue 9).
    features.add(broadcasts(services));

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

  /** Broadcasts and the public status page (issue 9). */
  private static WebFeature broadcasts(Services services) {
    BroadcastConfig config = services.config().broadcast();
    List<ChannelProfile> channels = new ArrayList<>();
    Set<String> wanted = config.channelNames().map(Set::copyOf).orElse(null);
    Set<String> known = new HashSet<>();
    for (Connection c : services.connections()) {
      known.add(c.name());
      boolean publishes = c.capabilities().contains(Capability.PUBLISH);
      if (wanted == null ? publishes : wanted.contains(c.name())) {
        if (!publishes) {
          throw new IllegalArgumentException(
              "broadcast.channels: connection '"
                  + c.name()
                  + "' ("
                  + c.type()
                  + ") cannot publish");
        }
        channels.add(ChannelProfile.of(c.name(), c.type()));
      }
    }
    if (wanted != null) {
      for (String w : wanted) {
        if (!known.contains(w)) {
          throw new IllegalArgumentException(
              "broadcast.channels: no source named '" + w + "' is configured");
        }
      }
    }
    for (BroadcastConfig.Webhook w : config.webhooks()) {
      services.dispatcher().add(new WebhookChannel(w.name(), URI.create(w.url())));
      channels.add(ChannelProfile.of(w.name(), "webhook"));
    }
    OutpostConfig.Server server = services.config().server();
    Broadcaster broadcaster =
        new Broadcaster(
            new PostgresBroadcasts(services.database().dataSource()),
            services.outbox(),
            services.audit(),
            channels,
            services.detection()::incidents,
            services.clock(),
            new Broadcaster.Settings(
                config.statusUrl(server.host(), server.port()),
                config.components(),
                config.repliesPerMinute(),
                Duration.ofSeconds(1)));
    broadcaster.start();
    services.closeables().add(broadcaster);
    return new BroadcastWeb(
        broadcaster,
        config.name(),
        services.clock(),
        Duration.ofSeconds(config.statusCacheSeconds()));
  }
}
