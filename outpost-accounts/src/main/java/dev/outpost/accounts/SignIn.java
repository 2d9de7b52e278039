package dev.outpost.accounts;

import java.time.Instant;

/** The outcome of a sign-in attempt. */
public sealed interface SignIn {
  /** Signed in: {@code sessionId} goes in the cookie and is stored only as a digest. */
  record Ok(String sessionId, Identity identity) implements SignIn {
    @Override
    public String toString() {
      return "Ok[" + identity.name() + "]";
    }
  }

  /** Wrong name or password, or a disabled account (the caller is not told which). */
  record Refused() implements SignIn {}

  /** Too many failures for this account or from this address; try again after {@code until}. */
  record Throttled(Instant until) implements SignIn {}
}
