package dev.outpost.app;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.Secrets;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.connectors.Connection;
import dev.outpost.core.MentionListener;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.core.outbox.Outbox;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresStore;
import dev.outpost.web.LiveFeed;
import java.time.Clock;
import java.util.List;

/**
 * The running parts every feature may use, handed to {@link Features#wire} once the database and
 * connectors are open.
 *
 * @param connections the connectors' open connections (listening and acting)
 * @param listeners add a listener here to be told of mentions once they are stored
 * @param closeables add what a feature starts here; it is closed in reverse order at shutdown
 * @param accounts users, sessions and API tokens
 * @param secrets encrypted credentials; {@code secrets.resolve("secret:NAME")} gives a value
 */
record Services(
    OutpostConfig config,
    Clock clock,
    Database database,
    PostgresStore store,
    List<Connection> connections,
    AuditLog audit,
    Outbox outbox,
    OutboxDispatcher dispatcher,
    LiveFeed feed,
    LiveDetection detection,
    List<MentionListener> listeners,
    List<AutoCloseable> closeables,
    Accounts accounts,
    Secrets secrets) {}
