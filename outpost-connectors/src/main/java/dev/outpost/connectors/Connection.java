package dev.outpost.connectors;

import dev.outpost.core.Source;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened connector: its name, its health and the capabilities it offers. Build one with {@link
 * #builder}.
 */
public final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private final String name;
  private final String type;
  private final Health health;
  private final Optional<Source> listener;
  private final Optional<WebhookReceiver> webhook;
  private final Optional<Replier> replier;
  private final Optional<Follower> follower;
  private final Optional<DirectMessenger> messenger;
  private final Optional<Publisher> publisher;
  private final Optional<AccountLookup> lookup;

  private Connection(Builder b) {
    this.name = b.name;
    this.type = b.type;
    this.health = b.health;
    this.listener = Optional.ofNullable(b.listener);
    this.webhook = Optional.ofNullable(b.webhook);
    this.replier = Optional.ofNullable(b.replier);
    this.follower = Optional.ofNullable(b.follower);
    this.messenger = Optional.ofNullable(b.messenger);
    this.publisher = Optional.ofNullable(b.publisher);
    this.lookup = Optional.ofNullable(b.lookup);
  }

  public static Builder builder(String name, String type, Health health) {
    return new Builder(name, type, health);
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public HealthSnapshot health() {
    return health.snapshot();
  }

  public Optional<Source> listener() {
    return listener;
  }

  /**
   * The listener as the pipeline should run it: a permanent error (401/403, bad configuration) ends
   * this source quietly, with the health STOPPED and the error visible, instead of being retried
   * forever; retriable errors still reach the pipeline, which resumes from the checkpoint.
   */
  public Optional<Source> supervisedListener() {
    return listener.map(
        l ->
            new Source() {
              @Override
              public String name() {
                return l.name();
              }

              @Override
              public void stream(Optional<String> cursor, Emitter emitter) throws Exception {
                try {
                  l.stream(cursor, emitter);
                } catch (ConnectorException e) {
                  if (e.retriable()) {
                    throw e;
                  }
                  LOG.error("source {} stopped: {}", l.name(), e.getMessage());
                }
              }
            });
  }

  public Optional<WebhookReceiver> webhook() {
    return webhook;
  }

  public Optional<Replier> replier() {
    return replier;
  }

  public Optional<Follower> follower() {
    return follower;
  }

  public Optional<DirectMessenger> messenger() {
    return messenger;
  }

  public Optional<Publisher> publisher() {
    return publisher;
  }

  public Optional<AccountLookup> lookup() {
    return lookup;
  }

  /** The capabilities this connection actually offers. */
  public Set<Capability> capabilities() {
    Set<Capability> s = EnumSet.noneOf(Capability.class);
    listener.ifPresent(x -> s.add(Capability.LISTEN));
    webhook.ifPresent(x -> s.add(Capability.WEBHOOK));
    replier.ifPresent(x -> s.add(Capability.REPLY));
    follower.ifPresent(x -> s.add(Capability.FOLLOW));
    messenger.ifPresent(x -> s.add(Capability.DIRECT_MESSAGE));
    publisher.ifPresent(x -> s.add(Capability.PUBLISH));
    lookup.ifPresent(x -> s.add(Capability.ACCOUNT_LOOKUP));
    return s;
  }

  @Override
  public String toString() {
    return "Connection[" + type + " '" + name + "' " + capabilities() + "]";
  }

  /** Collects the capability implementations of a connection. */
  public static final class Builder {
    private final String name;
    private final String type;
    private final Health health;
    private Source listener;
    private WebhookReceiver webhook;
    private Replier replier;
    private Follower follower;
    private DirectMessenger messenger;
    private Publisher publisher;
    private AccountLookup lookup;

    private Builder(String name, String type, Health health) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
      this.health = Objects.requireNonNull(health, "health");
    }

    public Builder listener(Source s) {
      this.listener = s;
      return this;
    }

    public Builder webhook(WebhookReceiver w) {
      this.webhook = w;
      return this;
    }

    public Builder replier(Replier r) {
      this.replier = r;
      return this;
    }

    public Builder follower(Follower f) {
      this.follower = f;
      return this;
    }

    public Builder messenger(DirectMessenger m) {
      this.messenger = m;
      return this;
    }

    public Builder publisher(Publisher p) {
      this.publisher = p;
      return this;
    }

    public Builder lookup(AccountLookup l) {
      this.lookup = l;
      return this;
    }

    public Connection build() {
      return new Connection(this);
    }
  }
}
