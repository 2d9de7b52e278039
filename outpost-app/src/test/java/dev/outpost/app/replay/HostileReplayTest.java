package dev.outpost.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Post;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The replay CSV reader against hostile files: a valid post, a skipped row or a clear error. */
class HostileReplayTest {
  private static final String HEADER = "id,network,author,created_at,text,author_name,followers\n";

  private static List<Post> read(byte[] bytes) throws IOException {
    return new ReplaySource(
            "hostile",
            () -> new ByteArrayInputStream(bytes),
            ReplayFormat.OUTPOST,
            0,
            Duration.ZERO)
        .posts();
  }

  private static List<Post> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nastyRowsAreReadAsTextOrSkippedOneByOne() throws IOException {
    String mb = "x".repeat(1 << 20);
    List<Post> posts =
        read(
            HEADER
                + "1,x,a,2026-01-01T00:00:00Z,\""
                + mb
                + "\",,\n"
                + "2,x,b,2026-01-01T00:00:01Z,\"<script>alert(1)</script><img src=x onerror=a()>\",,\n"
                + "3,x,\u200b\u202eevil\u202c,2026-01-01T00:00:02Z,zero\u200dwidth \u2067bidi\u2069,,\n"
                + "4,x,d,2026-01-01T00:00:03Z,nul\u0000inside,,\n"
                + "5,x,e,2026-01-01T00:00:04Z,huge followers,,99999999999999999999999999\n"
                + "6,x,f,2026-13-45T99:00:00Z,bad date,,\n"
                + "7,x,g\n"
                + "\n"
                + "8,x,h,+1000000000-12-31T23:59:59Z,far future,,\n"
                + "9,x,\"\",2026-01-01T00:00:05Z,blank author,,\n"
                + "10,x,i,2026-01-01T00:00:06Z,🙂🙂🙂,,-5\n");
    assertThat(posts).extracting(Post::externalId).containsExactly("1", "2", "3", "4", "10", "8");
    assertThat(posts.getFirst().text()).hasSize(Post.MAX_TEXT);
    assertThat(posts.get(1).text()).startsWith("<script>");
    assertThat(posts.get(2).author().handle()).isEqualTo("\u200b\u202eevil\u202c");
    assertThat(posts.get(3).text()).isEqualTo("nul\u0000inside");
    assertThat(posts.get(4).author().followers()).isZero();
  }

  @Test
  void invalidUtf8BecomesReplacementCharacters() throws IOException {
    byte[] head = (HEADER + "1,x,a,2026-01-01T00:00:00Z,bad ").getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    byte[] tail = " end,,\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
    List<Post> posts = read(all);
    assertThat(posts).hasSize(1);
    assertThat(posts.getFirst().text()).startsWith("bad ").endsWith(" end").contains("\uFFFD");
  }

  @Test
  void brokenQuotingIsAClearErrorWithTheLine() {
    assertThatThrownBy(
            () -> read(HEADER + "1,x,a,2026-01-01T00:00:00Z,ok,,\n2,x,b,now,\"never closed,,\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("malformed CSV near line ");
    assertThatThrownBy(() -> read("id,\"text\n1,2,3\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header");
  }

  @Provide
  Arbitrary<String> rows() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().withChars(",\"\n\r\u0000\u200b\u202e<>&").ofMaxLength(10),
            Arbitraries.of(
                "2026-01-01T00:00:00Z",
                "99999999999999999999",
                "-1",
                "",
                "x",
                "+1000000000-01-01T00:00:00Z"));
    return field
        .list()
        .ofMinSize(0)
        .ofMaxSize(8)
        .map(f -> String.join(",", f))
        .list()
        .ofMaxSize(6)
        .map(rows -> HEADER + String.join("\n", rows));
  }

  @Property(tries = 500)
  void anyFileGivesValidPostsOrAnIoErrorThatSaysWhere(@ForAll("rows") String file) {
    try {
      for (Post p : read(file)) {
        assertThat(p.text().length()).isLessThanOrEqualTo(Post.MAX_TEXT);
        assertThat(p.externalId()).isNotBlank();
      }
    } catch (IOException e) {
      assertThat(e.getMessage()).contains("hostile").containsAnyOf("line", "header");
    }
  }

  @Property(tries = 200)
  void anyBytesAtAllNeverCrashTheReader(@ForAll byte[] bytes) {
    try {
      read(bytes);
    } catch (IOException e) {
      assertThat(e.getMessage()).contains("hostile");
    }
  }
}
