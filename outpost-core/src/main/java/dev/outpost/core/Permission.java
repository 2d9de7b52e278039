package dev.outpost.core;

/**
 * What a person or API token may do. Every HTTP route declares the one permission it needs; roles
 * are sets of permissions. Keep the list short: one entry per kind of decision a team makes about
 * who may do what.
 */
public enum Permission {
  /** Read mentions, dashboards, topics, incidents and alerts (without authors' personal data). */
  VIEW,
  /** See authors' personal data (handles, names, profiles) and export it unmasked. */
  VIEW_PERSONAL_DATA,
  /** Create, change and delete saved queries (topics). */
  EDIT_QUERIES,
  /** Work cases: claim, tag, note, and reply, follow or message authors in the brand's name. */
  REPLY,
  /** Approve replies and announcements that need approval. */
  APPROVE,
  /** Compose and publish announcements to every channel and the status page. */
  BROADCAST,
  /** Acknowledge, snooze and resolve alerts; edit alert rules. */
  MANAGE_ALERTS,
  /** Add, change and remove connectors and their credentials. */
  MANAGE_CONNECTORS,
  /** Manage users, roles, API tokens and settings; read the audit log; erase an author's data. */
  ADMIN
}
