package dev.outpost.bench.match;

import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A realistic set of saved queries: real brand, product and competitor names (brands.tsv) combined
 * with real vocabulary (the most frequent words of the post stream) in the shapes people write:
 * handle-or-name brand queries, products, complaint proximity, exclusions, field filters,
 * competitor comparisons, campaigns, links, case-sensitive names and vocabulary topics.
 */
public final class QuerySet {
  private static final List<String> COMPLAINTS =
      List.of(
          "delay*",
          "cancel*",
          "refund*",
          "lost",
          "broken",
          "crash*",
          "outage",
          "rude",
          "worst",
          "waiting",
          "\"on hold\"",
          "\"customer service\"",
          "complain*",
          "fail*",
          "issue*",
          "problem*",
          "help",
          "support",
          "stuck",
          "charged");
  private static final List<String> PRAISE =
      List.of("love", "thanks", "thank", "great", "awesome", "best", "amazing", "happy");
  private static final List<String> EXCLUDE =
      List.of("job*", "hiring", "career*", "giveaway", "contest", "coupon*", "promo*", "rt");

  record Brand(String sector, String name, String handle, String domain, List<String> products) {
    String tag() {
      return name.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    String word() {
      String first = name.split("[^\\p{L}\\p{N}]+")[0];
      return first.length() >= 3 ? first : tag();
    }
  }

  private final List<Brand> brands;
  private final Map<String, List<Brand>> bySector = new HashMap<>();
  private final List<String> vocabulary;
  private final Random random;

  private QuerySet(List<Brand> brands, List<String> vocabulary, long seed) {
    this.brands = brands;
    this.vocabulary = vocabulary;
    this.random = new Random(seed);
    for (Brand b : brands) {
      bySector.computeIfAbsent(b.sector(), s -> new ArrayList<>()).add(b);
    }
  }

  /** {@code count} topics whose vocabulary comes from {@code posts}. */
  public static List<Topic> generate(int count, List<Post> posts, long seed) {
    QuerySet set = new QuerySet(brands(), vocabulary(posts, 1500), seed);
    List<Topic> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(set.next(String.format(Locale.ROOT, "q%06d", i)));
    }
    return out;
  }

  private Topic next(String id) {
    Brand b = pick(brands);
    int shape = random.nextInt(100);
    String query;
    TopicKind kind = TopicKind.BRAND;
    if (shape < 14) {
      query = "@" + b.handle() + " OR " + quote(b.name()) + " OR #" + b.tag();
    } else if (shape < 28) {
      kind = TopicKind.PRODUCT;
      query =
          "("
              + quote(b.name())
              + " OR @"
              + b.handle()
              + ") AND ("
              + quote(pick(b.products()))
              + " OR "
              + quote(pick(b.products()))
              + " OR "
              + vocab()
              + ")";
    } else if (shape < 38) {
      kind = TopicKind.PRODUCT;
      String p = pick(b.products());
      query =
          quote(b.word() + " " + p) + " OR #" + (b.word() + p).replaceAll("[^\\p{L}\\p{N}]", "");
    } else if (shape < 52) {
      query =
          quote(b.word())
              + " NEAR/"
              + (2 + random.nextInt(5))
              + " ("
              + pick(COMPLAINTS)
              + " OR "
              + pick(COMPLAINTS)
              + " OR "
              + vocab()
              + ")";
    } else if (shape < 62) {
      query =
          "("
              + b.word().toLowerCase(Locale.ROOT)
              + " OR @"
              + b.handle()
              + ") AND ("
              + vocab()
              + " OR "
              + pick(PRAISE)
              + ") NOT ("
              + pick(EXCLUDE)
              + " OR "
              + vocab()
              + ")";
    } else if (shape < 72) {
      query = fields(b);
    } else if (shape < 82) {
      kind = TopicKind.COMPETITOR;
      Brand other = pick(bySector.get(b.sector()));
      query =
          "("
              + quote(b.name())
              + " OR "
              + quote(other.name())
              + ") AND (vs OR versus OR "
              + "\"better than\" OR switch* OR "
              + vocab()
              + ")";
    } else if (shape < 87) {
      kind = TopicKind.CAMPAIGN;
      String w = vocab();
      query = "#" + b.tag() + w + " OR (" + quote(b.word()) + " AND #" + w + ")";
    } else if (shape < 92) {
      query = "site:" + b.domain() + " OR url:" + b.domain() + "/" + vocab();
    } else if (shape < 95) {
      query = "raw:" + quote(b.word()) + " AND (" + vocab() + " OR " + pick(COMPLAINTS) + ")";
    } else {
      kind = TopicKind.CAMPAIGN;
      query = quote(vocab() + " " + vocab()) + "~3 OR (" + vocab() + " NEAR/2f " + vocab() + "*)";
    }
    return new Topic(id, b.name(), kind, query);
  }

  private String fields(Brand b) {
    return switch (random.nextInt(4)) {
      case 0 ->
          "(@"
              + b.handle()
              + " OR "
              + quote(b.name())
              + ") lang:en followers:>"
              + 1000 * (1 + random.nextInt(50));
      case 1 -> quote(b.name()) + " AND verified:true";
      case 2 -> "author:" + b.handle() + " OR (@" + b.handle() + " AND " + pick(COMPLAINTS) + ")";
      default -> quote(b.word()) + " AND network:x AND NOT followers:<100";
    };
  }

  private String vocab() {
    // Skewed towards frequent words, as people's queries are.
    double u = random.nextDouble();
    return vocabulary.get((int) (u * u * vocabulary.size()));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "") + "\"";
  }

  /** The {@code size} most frequent words of 4+ letters, after the 40 most frequent. */
  static List<String> vocabulary(List<Post> posts, int size) {
    Map<String, Integer> counts = new HashMap<>();
    for (Post p : posts) {
      for (String w : p.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (w.length() >= 4 && !w.startsWith("http")) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> words =
        counts.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .toList();
    return words.subList(Math.min(40, words.size()), Math.min(40 + size, words.size()));
  }

  static List<Brand> brands() {
    List<Brand> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(QuerySet.class.getResourceAsStream("brands.tsv")),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        out.add(new Brand(c[0], c[1], c[2], c[3], List.of(c[4].split(","))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
