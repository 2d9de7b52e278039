package dev.outpost.connectors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/** A {@link ListenerContract.Harness} from plain values, for fakes built on {@link FakeServer}. */
public record SimpleHarness(
    String type,
    Map<String, Object> settings,
    List<String> expectedIds,
    Optional<String> startCursor,
    IntConsumer revealer,
    FakeServer server)
    implements ListenerContract.Harness {

  @Override
  public void reveal(int n) {
    revealer.accept(n);
  }

  @Override
  public FaultScript faults() {
    return server.faults();
  }

  @Override
  public void close() {
    server.close();
  }
}
