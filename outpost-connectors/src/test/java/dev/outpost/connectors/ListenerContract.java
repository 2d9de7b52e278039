package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.connectors.TestSupport.RecordingSleeper;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every listening connector meets, run against a fake network that replays real or
 * recorded payloads: every post once and in order, exact resume from any checkpoint, the fault
 * script survived without loss or duplicates, permanent errors stop with a visible status, secrets
 * never shown.
 */
public abstract class ListenerContract {
  /** A fake network for one connector. */
  protected interface Harness extends AutoCloseable {
    /** The connector's type. */
    String type();

    /** The network id of the posts. */
    default String network() {
      return type();
    }

    /** Settings pointing the connector at the fake network. */
    Map<String, Object> settings();

    /** The external ids the fake network holds, in the order a listener must emit them. */
    List<String> expectedIds();

    /** The cursor from which a listener sees every post the fake network holds. */
    Optional<String> startCursor();

    /** Makes only the {@code n} first posts of {@link #expectedIds} exist. */
    void reveal(int n);

    /** The faults applied to listen requests (or connections). */
    FaultScript faults();

    @Override
    default void close() throws Exception {}
  }

  /** One emitted post and its cursor. */
  protected record Emitted(Post post, String cursor) {}

  protected abstract Harness open() throws Exception;

  private Harness h;

  @BeforeEach
  void start() throws Exception {
    h = open();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private Connection connect(Sleeper sleeper) {
    return Connectors.load()
        .open(h.type(), "contract-" + h.type(), h.settings(), TestSupport.context(sleeper));
  }

  private static List<Emitted> collect(Connection c, Optional<String> cursor) throws Exception {
    List<Emitted> out = new ArrayList<>();
    Source s = c.listener().orElseThrow();
    s.stream(cursor, (p, cur) -> out.add(new Emitted(p, cur)));
    return out;
  }

  private static List<String> ids(List<Emitted> e) {
    return e.stream().map(x -> x.post().externalId()).toList();
  }

  @Test
  void isFoundByServiceLoaderAndListens() {
    Connector c = Connectors.load().find(h.type()).orElseThrow();
    assertThat(c.capabilities()).contains(Capability.LISTEN);
    Connection conn = connect(new RecordingSleeper());
    assertThat(c.capabilities()).containsAll(conn.capabilities());
    assertThat(conn.listener()).isPresent();
  }

  @Test
  void emitsEveryPostOnceInOrderWithItsNetwork() throws Exception {
    Connection c = connect(new RecordingSleeper());
    List<Emitted> got = collect(c, h.startCursor());
    assertThat(ids(got)).containsExactlyElementsOf(h.expectedIds());
    assertThat(got).allSatisfy(e -> assertThat(e.post().network()).isEqualTo(h.network()));
    assertThat(got).allSatisfy(e -> assertThat(e.cursor()).isNotBlank());
    assertThat(c.health().state()).isEqualTo(HealthSnapshot.State.OK);
    assertThat(c.health().lastSuccess()).isPresent();
    assertThat(c.health().errors()).as("errors, last: %s", c.health().lastError()).isZero();
  }

  @Test
  void resumesExactlyAfterEveryCheckpoint() throws Exception {
    Connection c = connect(new RecordingSleeper());
    List<Emitted> all = collect(c, h.startCursor());
    List<String> expected = h.expectedIds();
    for (int k : new int[] {0, all.size() / 2, all.size() - 1}) {
      List<Emitted> rest = collect(c, Optional.of(all.get(k).cursor()));
      assertThat(ids(rest))
          .as("resuming after post %d (%s)", k, all.get(k).post().externalId())
          .containsExactlyElementsOf(expected.subList(k + 1, expected.size()));
    }
  }

  @Test
  void survivesTheFaultScriptWithoutLossOrDuplicates() throws Exception {
    List<String> expected = h.expectedIds();
    int half = expected.size() / 2;
    RecordingSleeper sleeper = new RecordingSleeper();
    Connection c = connect(sleeper);

    h.reveal(half);
    List<Emitted> first = collect(c, h.startCursor());
    assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, half));

    h.reveal(expected.size());
    h.faults().plan(Fault.SCRIPT);
    List<Emitted> second = collect(c, Optional.of(first.getLast().cursor()));

    List<String> together = new ArrayList<>(ids(first));
    together.addAll(ids(second));
    assertThat(together).containsExactlyElementsOf(expected);
    Set<String> unique = new HashSet<>(together);
    assertThat(unique).hasSameSizeAs(together);

    List<Emitted> clean = collect(connect(new RecordingSleeper()), h.startCursor());
    assertThat(second.getLast().cursor()).isEqualTo(clean.getLast().cursor());

    assertThat(c.health().errors()).isEqualTo(4);
    assertThat(c.health().state()).isEqualTo(HealthSnapshot.State.OK);
    assertThat(c.health().lastError()).isPresent();
    assertThat(sleeper.waits)
        .as("Retry-After: 1 honoured")
        .anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void permanentErrorStopsTheConnectorWithAVisibleStatus() throws Exception {
    Connection c = connect(new RecordingSleeper());
    h.faults().plan(List.of(Fault.UNAUTHORIZED, Fault.UNAUTHORIZED));
    int before = h.faults().requests();
    assertThatThrownBy(() -> collect(c, h.startCursor()))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
    assertThat(h.faults().requests() - before).as("no retries after 401").isEqualTo(1);
    assertThat(c.health().state()).isEqualTo(HealthSnapshot.State.STOPPED);
    assertThat(c.health().lastError()).hasValueSatisfying(m -> assertThat(m).contains("401"));
    assertNoSecretShown(c.health().lastError().orElseThrow());

    h.faults().plan(List.of(Fault.UNAUTHORIZED));
    List<Emitted> none = new ArrayList<>();
    c.supervisedListener().orElseThrow().stream(
        h.startCursor(), (p, cur) -> none.add(new Emitted(p, cur)));
    assertThat(none)
        .as("the supervised source ends quietly, so the pipeline does not retry it")
        .isEmpty();
  }

  @Test
  void settingsNeverShowSecrets() {
    Connector c = Connectors.load().find(h.type()).orElseThrow();
    Settings s = Settings.parse(c.fields(), h.settings());
    assertNoSecretShown(s.toString());
    assertNoSecretShown(connect(new RecordingSleeper()).toString());
  }

  private void assertNoSecretShown(String text) {
    Connector c = Connectors.load().find(h.type()).orElseThrow();
    for (Field f : c.fields()) {
      Object v = h.settings().get(f.name());
      if (f.secret() && v != null) {
        assertThat(text).doesNotContain(String.valueOf(v));
      }
    }
  }
}
