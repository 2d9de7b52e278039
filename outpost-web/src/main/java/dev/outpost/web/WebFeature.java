package dev.outpost.web;

/**
 * A feature's pages and API (the inbox, broadcasts, alerts...): it declares its routes, each with
 * the permission it needs, and the server serves them behind the same security headers, error
 * handling and access checks as every other route.
 */
@FunctionalInterface
public interface WebFeature {
  void register(Routes routes);
}
