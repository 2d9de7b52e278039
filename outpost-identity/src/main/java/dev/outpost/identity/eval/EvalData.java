package dev.outpost.identity.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real handles from ../shared/data: brand support accounts (the IBM customer-care companies, the
 * brand authors of the TWCS sample, the airlines customers address first in the airline data) and
 * ordinary customer handles (IBM clients, airline tweet authors).
 */
record EvalData(List<String> brands, List<String> customers) {
  private static final Pattern FIRST_MENTION = Pattern.compile("^\\s*@(\\w{1,15})");

  static EvalData load(Path data) {
    TreeSet<String> brands = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> customers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    ObjectMapper json = new ObjectMapper();
    for (String file : List.of("dev.json", "test.json")) {
      try (InputStream in =
          Files.newInputStream(data.resolve("ibm_twitter_customer_care/" + file))) {
        for (JsonNode conversation : json.readTree(in)) {
          brands.add(conversation.path("dialogHeader").path("company").asText());
          for (JsonNode turn : conversation.path("dialogContent")) {
            if (turn.hasNonNull("client")) {
              customers.add(turn.get("client").asText());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (CSVRecord r : csv(data.resolve("twcs_sample/sample.csv"), false)) {
      if (r.get("inbound").equalsIgnoreCase("false")) {
        brands.add(r.get("author_id"));
      }
    }
    // Airlines: the handle most tweets of each airline start with.
    Map<String, Map<String, Integer>> mentions = new HashMap<>();
    for (CSVRecord r : csv(data.resolve("twitter_us_airline_sentiment/Tweets.csv.gz"), true)) {
      customers.add(r.get("name"));
      Matcher m = FIRST_MENTION.matcher(r.get("text"));
      if (m.find()) {
        mentions
            .computeIfAbsent(r.get("airline"), k -> new LinkedHashMap<>())
            .merge(m.group(1), 1, Integer::sum);
      }
    }
    for (Map<String, Integer> counts : mentions.values()) {
      counts.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .ifPresent(e -> brands.add(e.getKey()));
    }
    brands.removeIf(String::isBlank);
    customers.removeIf(c -> c.isBlank() || brands.contains(c));
    return new EvalData(List.copyOf(brands), List.copyOf(customers));
  }

  private static List<CSVRecord> csv(Path file, boolean gzip) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "AppleSupport" to "Apple Support", "Uber_Support" to "Uber Support". */
  static String displayName(String handle) {
    String spaced =
        handle
            .replace('_', ' ')
            .replaceAll("(?<=[a-z])(?=[A-Z])", " ")
            .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
            .strip();
    return spaced.isEmpty()
        ? handle
        : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}
