package dev.outpost.store;

import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The posts' enrichment columns: written as arrays with a batch, read back into a record. */
final class EnrichmentColumns {
  static final String COLUMNS =
      "sentiment, sentiment_scores, intents, influence, influencer, reach, virality, text_truncated";
  static final String SELECT =
      "se, string_to_array(sc, ',')::real[], string_to_array(it, ','), inf, ir, rc, vi, tr";
  static final String PARAMETERS =
      "?::text[], ?::text[], ?::text[], ?::real[], ?::boolean[], ?::bigint[], ?::real[], ?::boolean[]";
  static final String ALIASES = "se, sc, it, inf, ir, rc, vi, tr";

  private final String[] sentiment;
  private final String[] scores;
  private final String[] intents;
  private final Float[] influence;
  private final Boolean[] influencer;
  private final Long[] reach;
  private final Float[] virality;
  private final Boolean[] truncated;

  EnrichmentColumns(int n) {
    sentiment = new String[n];
    scores = new String[n];
    intents = new String[n];
    influence = new Float[n];
    influencer = new Boolean[n];
    reach = new Long[n];
    virality = new Float[n];
    truncated = new Boolean[n];
  }

  void set(int i, Optional<Enrichment> enrichment) {
    influencer[i] = false;
    truncated[i] = false;
    intents[i] = "";
    enrichment.ifPresent(
        e -> {
          sentiment[i] = e.sentiment().label();
          scores[i] =
              e.scores().get(Sentiment.NEGATIVE)
                  + ","
                  + e.scores().get(Sentiment.NEUTRAL)
                  + ","
                  + e.scores().get(Sentiment.POSITIVE);
          intents[i] = String.join(",", e.intents().stream().map(Intent::label).sorted().toList());
          influence[i] = (float) e.influence();
          influencer[i] = e.influencer();
          reach[i] = e.reach();
          virality[i] = (float) e.virality();
          truncated[i] = e.truncated();
        });
  }

  void bind(Connection c, PreparedStatement ps, int first) throws SQLException {
    ps.setArray(first, c.createArrayOf("text", sentiment));
    ps.setArray(first + 1, c.createArrayOf("text", scores));
    ps.setArray(first + 2, c.createArrayOf("text", intents));
    ps.setArray(first + 3, c.createArrayOf("real", influence));
    ps.setArray(first + 4, c.createArrayOf("boolean", influencer));
    ps.setArray(first + 5, c.createArrayOf("bigint", reach));
    ps.setArray(first + 6, c.createArrayOf("real", virality));
    ps.setArray(first + 7, c.createArrayOf("boolean", truncated));
  }

  /** Reads the columns named as in {@link #COLUMNS} (prefixed {@code p.}) from a row. */
  static Optional<Enrichment> read(ResultSet rs, String language) throws SQLException {
    String label = rs.getString("sentiment");
    if (label == null) {
      return Optional.empty();
    }
    Sentiment sentiment = Sentiment.valueOf(label.toUpperCase(Locale.ROOT));
    Array scoreArray = rs.getArray("sentiment_scores");
    Object[] raw = (Object[]) scoreArray.getArray();
    Map<Sentiment, Double> scores = new EnumMap<>(Sentiment.class);
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      double v = ((Number) raw[i]).doubleValue();
      scores.put(Sentiment.values()[i], v);
      sum += v;
    }
    // Stored as 32-bit reals: renormalise so the record's invariants hold exactly enough.
    for (Sentiment s : Sentiment.values()) {
      scores.put(s, scores.get(s) / sum);
    }
    Set<Intent> intents = EnumSet.noneOf(Intent.class);
    for (Object o : (Object[]) rs.getArray("intents").getArray()) {
      intents.add(Intent.valueOf(o.toString().toUpperCase(Locale.ROOT)));
    }
    if (intents.isEmpty()) {
      intents.add(Intent.OTHER);
    }
    return Optional.of(
        new Enrichment(
            language,
            sentiment,
            scores.get(sentiment),
            scores,
            intents,
            Math.min(100, Math.max(0, rs.getDouble("influence"))),
            rs.getBoolean("influencer"),
            rs.getLong("reach"),
            Math.max(0, rs.getDouble("virality")),
            rs.getBoolean("text_truncated")));
  }
}
