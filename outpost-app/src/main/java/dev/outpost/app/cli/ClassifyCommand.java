package dev.outpost.app.cli;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Post;
import dev.outpost.enrich.Enricher;
import dev.outpost.enrich.influence.InfluenceScorer;
import dev.outpost.enrich.intent.IntentClassifier;
import dev.outpost.enrich.language.LanguageIdentifier;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code outpost classify sentiment|intent|language}: one result line per input line. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies one post text per input line and writes one result per line, in order.",
      "Empty lines, invalid UTF-8, emoji-only or link-only lines get a result too; lines longer",
      "than " + Post.MAX_TEXT + " characters are cut (jsonl: \"truncated\": true)."
    })
public final class ClassifyCommand implements Callable<Integer> {
  /** What to classify. */
  enum Task {
    sentiment,
    intent,
    language
  }

  /** Output format. */
  enum Format {
    text,
    jsonl
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "sentiment, intent or language")
  Task task;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "text (one label per line) or jsonl (labels and scores); default ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--input", description = "read this file instead of standard input")
  Path input;

  @Option(
      names = "--languages",
      split = ",",
      description = "ISO 639-1 codes that language identification chooses from (default: a dozen)")
  List<String> languages;

  @Option(
      names = "--fast-language",
      description = "Lingua's low-accuracy mode (trigrams only): faster, weaker on short texts")
  boolean fastLanguage;

  @Override
  public Integer call() throws IOException {
    Enricher enricher = enricher();
    PrintWriter out = spec.commandLine().getOut();
    try (InputStream in = open()) {
      LineReader reader = new LineReader(in, Post.MAX_TEXT);
      int n = 0;
      for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        boolean truncated = line.cut() || line.text().length() > Enricher.MAX_ANALYSED_CHARS;
        out.println(result(enricher, line.text(), truncated));
        if (++n % 1024 == 0) {
          out.flush();
        }
      }
    }
    out.flush();
    return 0;
  }

  private Enricher enricher() {
    if (languages == null && !fastLanguage) {
      return Enricher.loadDefault();
    }
    LanguageIdentifier id;
    try {
      id =
          new LanguageIdentifier(
              languages == null ? LanguageIdentifier.DEFAULT_LANGUAGES : languages,
              10,
              0.5,
              fastLanguage);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    return new Enricher(
        SentimentClassifier.loadDefault(),
        id,
        new IntentClassifier(),
        new InfluenceScorer(Clock.systemUTC()));
  }

  private InputStream open() throws IOException {
    if (input == null) {
      return System.in;
    }
    try {
      return Files.newInputStream(input);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + input, 2);
    }
  }

  private String result(Enricher e, String text, boolean truncated) {
    return switch (task) {
      case sentiment -> sentiment(e.sentiment(text), truncated);
      case intent -> intents(e.intents(text), truncated);
      case language -> language(e.language(text), truncated);
    };
  }

  private String sentiment(SentimentScore s, boolean truncated) {
    if (format == Format.text) {
      return s.label().label();
    }
    return String.format(
        Locale.ROOT,
        "{\"label\":\"%s\",\"confidence\":%.4f,\"scores\":{\"negative\":%.4f,\"neutral\":%.4f,"
            + "\"positive\":%.4f},\"truncated\":%b}",
        s.label().label(),
        s.confidence(),
        s.negative(),
        s.neutral(),
        s.positive(),
        truncated);
  }

  private String intents(Set<Intent> intents, boolean truncated) {
    StringJoiner text = new StringJoiner(",");
    StringJoiner json = new StringJoiner(",", "[", "]");
    for (Intent i : intents) {
      text.add(i.label());
      json.add("\"" + i.label() + "\"");
    }
    if (format == Format.text) {
      return text.toString();
    }
    return "{\"intents\":" + json + ",\"truncated\":" + truncated + "}";
  }

  private String language(String tag, boolean truncated) {
    if (format == Format.text) {
      return tag;
    }
    return "{\"language\":\"" + tag + "\",\"truncated\":" + truncated + "}";
  }
}
