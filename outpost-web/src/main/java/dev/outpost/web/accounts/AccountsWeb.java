package dev.outpost.web.accounts;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.Secrets;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.web.Routes;
import dev.outpost.web.WebFeature;

/**
 * Sign-in, sign-out, a person's account page and API tokens, user administration, secrets by name
 * and the audit log viewer (see {@code docs/security.md}). Pair it with {@link
 * SessionAuthenticator} as the server's authenticator.
 */
public final class AccountsWeb implements WebFeature {
  private final AccountPages pages;
  private final AccountsApi api;

  public AccountsWeb(Accounts accounts, Secrets secrets, AuditLog audit) {
    this.pages = new AccountPages(accounts, audit);
    this.api = new AccountsApi(accounts, secrets, audit);
  }

  @Override
  public void register(Routes routes) {
    pages.register(routes);
    api.register(routes);
  }
}
