package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile input for the connectors' parsers (issue 14): nasty JSON values (nulls, wrong types, huge
 * numbers, deep nesting, 1 MB texts, lone surrogates, zero-width and bidi characters, HTML/JS) put
 * into real payloads at random places, and nasty raw bodies (invalid UTF-8, unclosed nesting,
 * 1e999999). Parsers must either read a valid post or fail with the project's clear exceptions.
 */
public final class Hostile {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String MEGABYTE = "acme ".repeat(200_000);

  private Hostile() {}

  /** Values that have broken parsers elsewhere. */
  public static List<JsonNode> values() {
    List<JsonNode> v = new ArrayList<>();
    v.add(F.nullNode());
    v.add(F.missingNode());
    v.add(F.textNode(""));
    v.add(F.textNode("   "));
    v.add(F.textNode(MEGABYTE));
    v.add(F.textNode("x".repeat(300)));
    v.add(F.textNode("\uD800 lone surrogate \uDFFF"));
    v.add(F.textNode("zero\u200Bwidth \u202Ebidi\u202C \u2066isolate\u2069 \uFEFF"));
    v.add(
        F.textNode(
            "<script>alert(1)</script><img src=x onerror=alert(1)>&#99999999999;&#x110000;&#0;"));
    v.add(F.textNode("\u0000NUL"));
    v.add(F.textNode("2026-02-30T25:61:61Z"));
    v.add(F.textNode("+999999999-12-31T23:59:59Z"));
    v.add(F.textNode("NaN"));
    v.add(F.numberNode(Long.MAX_VALUE));
    v.add(F.numberNode(Long.MIN_VALUE));
    v.add(F.numberNode(-1));
    v.add(F.numberNode(new BigInteger("9".repeat(400))));
    v.add(F.numberNode(new BigDecimal("1e400")));
    v.add(F.numberNode(Double.NaN));
    v.add(F.booleanNode(true));
    v.add(F.objectNode());
    v.add(F.arrayNode());
    v.add(deep(3000));
    ObjectNode weird = F.objectNode();
    weird.put("__proto__", "x");
    weird.set("", F.numberNode(1));
    v.add(weird);
    return v;
  }

  /** An array nested {@code depth} times. */
  public static JsonNode deep(int depth) {
    ArrayNode root = F.arrayNode();
    ArrayNode a = root;
    for (int i = 0; i < depth; i++) {
      a = a.addArray();
    }
    return root;
  }

  private record Mutation(String pointer, int value, boolean remove) {}

  /** A generated document; shown shortened in reports (it may be 1 MB or 3,000 levels deep). */
  public record Doc(JsonNode json) {
    @Override
    public String toString() {
      String s;
      try {
        s = WRITER.writeValueAsString(json);
      } catch (IOException e) {
        s = e.toString();
      }
      return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "... (" + s.length() + " chars)";
    }

    /** The document as bytes, deep values included. */
    public byte[] bytes() {
      try {
        return WRITER.writeValueAsBytes(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper WRITER =
      com.fasterxml.jackson.databind.json.JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamWriteConstraints(
                      com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                          .maxNestingDepth(100_000)
                          .build())
                  .build())
          .build();

  /** Copies of {@code seed} with 1 to 6 of its fields (at any depth) replaced or removed. */
  public static Arbitrary<Doc> mutations(JsonNode seed) {
    List<String> pointers = new ArrayList<>();
    collect(seed, "", pointers);
    List<JsonNode> values = values();
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.of(pointers),
                Arbitraries.integers().between(0, values.size() - 1),
                Arbitraries.integers().between(0, 5).map(i -> i == 0))
            .as(Mutation::new);
    return one.list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(
            ms -> {
              JsonNode copy = seed.deepCopy();
              for (Mutation m : ms) {
                apply(copy, m.pointer(), m.remove() ? null : values.get(m.value()));
              }
              return new Doc(copy);
            });
  }

  private static void collect(JsonNode n, String at, List<String> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        out.add(p);
        collect(e.getValue(), p, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size() && i < 3; i++) {
        String p = at + "/" + i;
        out.add(p);
        collect(n.get(i), p, out);
      }
    }
  }

  private static void apply(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      if (value == null || value.isMissingNode()) {
        o.remove(key);
      } else {
        o.set(key, value);
      }
    } else if (parent instanceof ArrayNode a
        && key.matches("\\d+")
        && Integer.parseInt(key) < a.size()) {
      if (value == null || value.isMissingNode()) {
        a.remove(Integer.parseInt(key));
      } else {
        a.set(Integer.parseInt(key), value);
      }
    }
  }

  /** Raw bodies no parser should crash on. */
  public static List<byte[]> bodies() {
    List<byte[]> b = new ArrayList<>();
    b.add(new byte[0]);
    b.add(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '{', '}'});
    b.add("{\"text\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    b.add(
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
    b.add("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
    b.add(("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
    b.add("1e999999".getBytes(StandardCharsets.US_ASCII));
    b.add(("{\"n\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII));
    b.add(("\"" + "x".repeat(2_000_000) + "\"").getBytes(StandardCharsets.US_ASCII));
    b.add("null".getBytes(StandardCharsets.US_ASCII));
    b.add("\uFEFF{}".getBytes(StandardCharsets.UTF_8));
    b.add("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII));
    b.add("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
    b.add("\u0000\u0000\u0000".getBytes(StandardCharsets.US_ASCII));
    return b;
  }

  /** Random bytes, and random JSON-looking text. */
  public static Arbitrary<byte[]> randomBodies() {
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    Arbitrary<byte[]> jsonish =
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789.eE+-nultrfase\\u \u202E\uD800")
            .ofMaxLength(300)
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(bytes, jsonish);
  }

  /** A JSON file as a tree. */
  public static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What every post read from hostile input must still be. */
  public static void valid(Post p) {
    assertThat(p.externalId()).isNotBlank().hasSizeLessThanOrEqualTo(256);
    assertThat(p.text()).hasSizeLessThanOrEqualTo(Post.MAX_TEXT);
    assertThat(p.createdAt()).isNotNull();
  }

  /**
   * Runs a per-item parser: it must return a valid post or refuse the item with an {@link
   * IllegalArgumentException} (which listeners count and skip); anything else fails the test.
   */
  public static void readsOrRefuses(java.util.function.Supplier<Post> parse) {
    try {
      valid(parse.get());
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("a refused item says why").isNotBlank();
    }
  }
}
