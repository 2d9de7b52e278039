package dev.outpost.connectors;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A queue of faults the fake network applies to its next listen requests, then OK. */
public final class FaultScript {
  private final Deque<Fault> queue = new ArrayDeque<>();
  private int requests;

  public synchronized void plan(List<Fault> faults) {
    queue.clear();
    queue.addAll(faults);
  }

  public synchronized Fault next() {
    requests++;
    Fault f = queue.poll();
    return f == null ? Fault.OK : f;
  }

  public synchronized int requests() {
    return requests;
  }
}
