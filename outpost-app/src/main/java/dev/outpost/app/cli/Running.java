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
    Outpost outpost = Outpost.start(config, Clock.systemUTC());
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
