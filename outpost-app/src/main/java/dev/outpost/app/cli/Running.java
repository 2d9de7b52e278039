package dev.outpost.app.cli;

import dev.outpost.app.Outpost;
import dev.outpost.app.config.OutpostConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts Outpost, says where it is, and runs until the process is asked to stop (Ctrl-C). */
final class Running {
  private Running() {}

  static int runUntilStopped(OutpostConfig config, PrintWriter out, String what) {
    return runUntilStopped(config, out, what, false);
  }

  /**
   * @param demo on a demo, the {@code admin} password is reset and shown at every start, so the
   *     demo stays usable; otherwise it is shown once, when the account is created
   */
  static int runUntilStopped(OutpostConfig config, PrintWriter out, String what, boolean demo) {
    Outpost outpost = Outpost.start(config, Clock.systemUTC());
    java.util.Optional<String> password = outpost.firstAdminPassword();
    if (password.isEmpty() && demo && outpost.accounts().user("admin").isPresent()) {
      password = java.util.Optional.of(outpost.accounts().resetPassword("admin", "demo"));
    }
    password.ifPresent(
        p ->
            out.printf(
                java.util.Locale.ROOT,
                "Sign in as admin with password %s%s%n",
                p,
                demo ? " (the demo sets a new one at each start)" : " (shown only this once)"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  outpost.close();
                  stopped.countDown();
                },
                "outpost-stop"));
    String host = config.server().host();
    String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
    out.printf(
        java.util.Locale.ROOT,
        "%s running at http://%s:%d/ (%s; Ctrl-C to stop)%n",
        what,
        shownHost,
        outpost.port(),
        outpost.databaseDescription());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
