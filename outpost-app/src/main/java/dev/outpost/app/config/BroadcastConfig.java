package dev.outpost.app.config;

/**
 * The {@code broadcast:} section of {@code outpost.yaml}. Broadcasts and the public status page
 * (issue 9). Every field has a default, so the section may be left out.
 */
public record BroadcastConfig() {
  public static BroadcastConfig defaults() {
    return new BroadcastConfig();
  }
}
