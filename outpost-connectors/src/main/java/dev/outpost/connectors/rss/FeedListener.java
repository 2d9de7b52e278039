package dev.outpost.connectors.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.PollingSource;
import dev.outpost.connectors.Text;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Polls a feed with {@code If-None-Match}/{@code If-Modified-Since}. New entries (ids not in the
 * checkpoint) are emitted oldest first; every cursor lists the ids seen so far, and only the last
 * entry's cursor carries the new validators, so a restart in the middle of a batch reads the feed
 * again instead of getting a 304 and losing the rest.
 */
final class FeedListener extends PollingSource {
  private record Parsed(SyndFeed feed, Optional<String> etag, Optional<String> lastModified) {}

  private final Http http;
  private final String host;
  private final int remember;
  private final Clock clock;

  FeedListener(
      String name,
      Http http,
      URI url,
      int remember,
      Duration interval,
      ConnectorContext ctx,
      Health health) {
    super(name, interval, ctx, health);
    this.http = http;
    this.host = url.getHost();
    this.remember = remember;
    this.clock = ctx.clock();
  }

  @Override
  protected Batch poll(Optional<String> cursor) throws InterruptedException {
    FeedState state = cursor.map(FeedState::parse).orElse(FeedState.EMPTY);
    Call call = Call.get("");
    if (state.etag().isPresent()) {
      call = call.header("If-None-Match", state.etag().get());
    }
    if (state.lastModified().isPresent()) {
      call = call.header("If-Modified-Since", state.lastModified().get());
    }
    Parsed p =
        http.send(
            call,
            r -> {
              if (r.status() == 304) {
                return null;
              }
              SyndFeed feed =
                  new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.body())));
              return new Parsed(feed, r.header("ETag"), r.header("Last-Modified"));
            });
    if (p == null) {
      return new Batch(List.of(), Optional.of(state.encode()), false);
    }
    Set<String> seen = new HashSet<>(state.seen());
    List<SyndEntry> entries = new ArrayList<>(p.feed().getEntries());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      order.add(i);
    }
    // Oldest first; feeds list newest first, so among equal or missing dates the later one is
    // older.
    order.sort(
        Comparator.comparing((Integer i) -> date(entries.get(i)).orElse(Instant.MIN))
            .thenComparing(Comparator.reverseOrder()));
    List<Item> items = new ArrayList<>();
    List<Integer> fresh = new ArrayList<>();
    for (int i : order) {
      String id = id(entries.get(i));
      if (seen.add(id)) {
        fresh.add(i);
      }
    }
    FeedState s = state;
    for (int k = 0; k < fresh.size(); k++) {
      SyndEntry e = entries.get(fresh.get(k));
      s = s.plus(id(e), remember);
      if (k == fresh.size() - 1) {
        s = s.withValidators(p.etag(), p.lastModified());
      }
      String after = s.encode();
      item(() -> new Item(post(p.feed(), e), after)).ifPresent(items::add);
    }
    FeedState next = fresh.isEmpty() ? s.withValidators(p.etag(), p.lastModified()) : s;
    return new Batch(items, Optional.of(next.encode()), false);
  }

  private static Optional<Instant> date(SyndEntry e) {
    Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    return Optional.ofNullable(d).map(Date::toInstant);
  }

  /** The entry's id (RSS guid, Atom id) or link; hashed when longer than a post id may be. */
  static String id(SyndEntry e) {
    String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : e.getLink();
    if (id == null || id.isBlank()) {
      id =
          (e.getTitle() == null ? "" : e.getTitle())
              + "|"
              + date(e).map(Instant::toString).orElse("");
    }
    id = id.strip();
    if (id.length() <= 200) {
      return id;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Post post(SyndFeed feed, SyndEntry e) {
    return post(feed, e, host, clock.instant());
  }

  /**
   * One entry as a post: author, title and body as text, the entry's date or {@code now}.
   *
   * @throws IllegalArgumentException when the entry cannot be a post
   */
  static Post post(SyndFeed feed, SyndEntry e, String host, Instant now) {
    String authorName =
        e.getAuthor() != null && !e.getAuthor().isBlank()
            ? e.getAuthor()
            : feed.getTitle() != null && !feed.getTitle().isBlank() ? feed.getTitle() : host;
    String handle = authorName.strip().replaceAll("\\s+", "_");
    if (handle.length() > 200) {
      handle = handle.substring(0, 200);
    }
    String body = "";
    if (!e.getContents().isEmpty()) {
      body = e.getContents().stream().map(SyndContent::getValue).reduce("", (a, b) -> a + "\n" + b);
    } else if (e.getDescription() != null) {
      body = e.getDescription().getValue();
    }
    String title = e.getTitle() == null ? "" : Text.fromHtml(e.getTitle());
    String text = Text.fromHtml(body);
    String full = title.isBlank() ? text : text.isBlank() ? title : title + "\n" + text;
    return new Post(
        RssConnector.NETWORK,
        id(e),
        new Author(RssConnector.NETWORK, handle, authorName, 0, false, Optional.empty()),
        Post.truncate(full),
        feed.getLanguage(),
        date(e).orElse(now),
        Optional.ofNullable(e.getLink()),
        Optional.empty(),
        Metrics.NONE);
  }
}
