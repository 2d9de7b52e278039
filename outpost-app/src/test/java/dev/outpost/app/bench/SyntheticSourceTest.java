package dev.outpost.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.Main;
import dev.outpost.core.Post;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticSourceTest {
  @Test
  void offersEveryPostOnceWithUniqueIdsAndResumesAfterItsCursor() throws Exception {
    List<Post> posts = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    SyntheticSource source = new SyntheticSource("a", 30, SyntheticSource.constant(0));
    source.stream(
        Optional.of("19"),
        (p, c) -> {
          posts.add(p);
          cursors.add(c);
        });
    assertThat(posts).extracting(Post::externalId).first().isEqualTo("a-20");
    assertThat(posts).hasSize(10).extracting(Post::key).doesNotHaveDuplicates();
    assertThat(cursors).last().isEqualTo("29");
    assertThat(posts).filteredOn(p -> p.text().contains("@acme")).hasSize(3);
    assertThat(SyntheticSource.post("b", 1).externalId()).isEqualTo("b-1");
    assertThat(source.emitted()).isEqualTo(10);
    assertThat(source.backlog()).isZero();
  }

  @Test
  void benchOptionsAreValidated() {
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "bench",
            "soak",
            "--minutes",
            "0");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("error: --minutes");
    exit =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "bench",
            "overload",
            "--factor",
            "-1");
    assertThat(exit).isEqualTo(2);
  }
}
