package dev.outpost.connectors;

import dev.outpost.core.Author;
import java.util.Optional;

/** Looks an account up by handle; empty when the network does not know it. */
public interface AccountLookup {
  Optional<Author> lookup(String handle) throws InterruptedException;
}
