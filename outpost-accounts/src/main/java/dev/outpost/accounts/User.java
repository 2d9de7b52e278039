package dev.outpost.accounts;

import java.time.Instant;

/** A person who signs in; never carries the password hash. */
public record User(String name, Role role, boolean disabled, Instant createdAt) {}
