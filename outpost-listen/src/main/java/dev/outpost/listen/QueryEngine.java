package dev.outpost.listen;

import dev.outpost.core.Matcher;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches posts against the topics' saved queries. Topics can be added, changed and removed while
 * matching runs. This first version understands alternatives separated by {@code OR}, each a word,
 * an {@code @mention}, a {@code #hashtag} or a {@code "quoted phrase"}, matched case-insensitively
 * on whole tokens.
 */
public final class QueryEngine implements Matcher {
  private final Map<String, List<List<String>>> topics = new ConcurrentHashMap<>();

  /** Adds or replaces a topic's query. */
  public void put(Topic topic) {
    List<List<String>> alternatives = new ArrayList<>();
    for (String part : topic.query().split("\\s+OR\\s+")) {
      List<String> tokens = tokens(part.replace("\"", " "));
      if (!tokens.isEmpty()) {
        alternatives.add(tokens);
      }
    }
    topics.put(topic.id(), List.copyOf(alternatives));
  }

  public void remove(String topicId) {
    topics.remove(topicId);
  }

  @Override
  public Set<String> match(Post post) {
    List<String> text = tokens(post.text());
    Set<String> matched = new HashSet<>();
    topics.forEach(
        (id, alternatives) -> {
          for (List<String> phrase : alternatives) {
            if (java.util.Collections.indexOfSubList(text, phrase) >= 0) {
              matched.add(id);
              return;
            }
          }
        });
    return matched;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}@#_']+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
