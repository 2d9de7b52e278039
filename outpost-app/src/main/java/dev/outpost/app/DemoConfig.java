package dev.outpost.app;

import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.config.OutpostConfig.SourceEntry;
import dev.outpost.app.config.OutpostConfig.TopicEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's data: the real Twitter US Airline Sentiment posts from {@code shared/data} when they
 * are there (United as the brand, the other airlines as competitors), otherwise a small set of
 * posts about fictional airlines that ships with Outpost.
 */
public final class DemoConfig {
  static final String AIRLINE_FILE = "twitter_us_airline_sentiment/Tweets.csv.gz";
  static final String BUNDLED = "classpath:demo/northwind.csv";

  private DemoConfig() {}

  /** The configuration {@code outpost demo} runs with. */
  public static OutpostConfig of(
      String host, int port, Path dataDir, Optional<Path> sharedData, double speed) {
    Optional<Path> airline;
    Optional<Path> shared = SharedData.find(sharedData);
    airline = shared.map(d -> d.resolve(AIRLINE_FILE)).filter(Files::isReadable);
    List<TopicEntry> topics = airline.isPresent() ? airlineTopics() : bundledTopics();
    SourceEntry source =
        airline
            .map(
                f -> new SourceEntry("replay", "demo-airline", f.toString(), "airline", speed, 1.0))
            .orElse(new SourceEntry("replay", "demo-northwind", BUNDLED, "outpost", speed, 1.0));
    return new OutpostConfig(
        new OutpostConfig.Server(host, port),
        new OutpostConfig.Database(null, null, null, dataDir.toString()),
        topics,
        List.of(source));
  }

  private static List<TopicEntry> airlineTopics() {
    return List.of(
        new TopicEntry(
            "united", "United", "brand", "@united OR \"united airlines\" OR #unitedairlines"),
        new TopicEntry(
            "american", "American", "competitor", "@AmericanAir OR \"american airlines\""),
        new TopicEntry("usairways", "US Airways", "competitor", "@USAirways OR \"us airways\""),
        new TopicEntry(
            "southwest", "Southwest", "competitor", "@SouthwestAir OR \"southwest airlines\""),
        new TopicEntry("jetblue", "JetBlue", "competitor", "@JetBlue OR jetblue"),
        new TopicEntry(
            "virgin", "Virgin America", "competitor", "@VirginAmerica OR \"virgin america\""));
  }

  private static List<TopicEntry> bundledTopics() {
    return List.of(
        new TopicEntry("northwind", "Northwind Air", "brand", "@NorthwindAir OR \"northwind air\""),
        new TopicEntry(
            "skyline", "Skyline Airways", "competitor", "@SkylineAir OR \"skyline airways\""),
        new TopicEntry("bluejet", "BlueJet", "competitor", "@BlueJetHQ OR bluejet"));
  }
}
