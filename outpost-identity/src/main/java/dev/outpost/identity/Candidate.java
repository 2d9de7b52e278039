package dev.outpost.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An account that may impersonate a protected identity: a mention author, someone replying in the
 * brand's conversations, or an account-search hit.
 *
 * @param network the network (lower case), empty when unknown
 * @param handle the handle without {@code @}
 * @param displayName the display name, empty when unknown
 * @param bio the profile text, empty when unknown
 * @param createdAt when the account was created, when known
 * @param avatarHash the avatar's 64-bit perceptual hash, when known
 * @param avatarPath a local copy of the avatar image, when known
 * @param links links the account posted (besides those in its bio)
 * @param repliesToComplaints how many customers who complained to the brand it replied to
 * @param asksToDm whether its posts ask people to move to direct messages
 */
public record Candidate(
    String network,
    String handle,
    String displayName,
    String bio,
    Optional<Instant> createdAt,
    OptionalLong avatarHash,
    Optional<Path> avatarPath,
    List<String> links,
    int repliesToComplaints,
    boolean asksToDm) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 10_000;

  public Candidate {
    network = network == null ? "" : network.strip().toLowerCase(Locale.ROOT);
    handle = handle == null ? "" : Fold.strip(handle);
    displayName = cap(displayName);
    bio = cap(bio);
    createdAt = createdAt == null ? Optional.empty() : createdAt;
    avatarHash = avatarHash == null ? OptionalLong.empty() : avatarHash;
    avatarPath = avatarPath == null ? Optional.empty() : avatarPath;
    links = links == null ? List.of() : links.stream().limit(100).map(Candidate::cap).toList();
    repliesToComplaints = Math.max(0, repliesToComplaints);
  }

  /** An account known only by its handle, display name and bio. */
  public static Candidate of(String network, String handle, String displayName, String bio) {
    return new Candidate(
        network,
        handle,
        displayName,
        bio,
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        List.of(),
        0,
        false);
  }

  /** The same candidate with a creation time. */
  public Candidate withCreatedAt(Instant when) {
    return new Candidate(
        network,
        handle,
        displayName,
        bio,
        Optional.of(when),
        avatarHash,
        avatarPath,
        links,
        repliesToComplaints,
        asksToDm);
  }

  /**
   * Reads one candidate from a JSON object: {@code handle} (required), {@code network}, {@code
   * displayName}, {@code bio}, {@code createdAt} (ISO-8601 instant or date), {@code avatarHash} (16
   * hex digits), {@code avatarPath}, {@code links} (array of strings), {@code repliesToComplaints}
   * (number), {@code asksToDm} (boolean). Other fields are ignored.
   *
   * @throws IllegalArgumentException with a short message saying what is wrong
   */
  public static Candidate fromJson(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String handle = text(node, "handle");
    if (Fold.strip(handle).isEmpty()) {
      throw new IllegalArgumentException("missing \"handle\"");
    }
    Optional<Instant> created = Optional.empty();
    String createdText = text(node, "createdAt");
    if (!createdText.isBlank()) {
      created = Optional.of(instant(createdText));
    }
    OptionalLong hash = OptionalLong.empty();
    String hashText = text(node, "avatarHash").replaceFirst("^0x", "");
    if (!hashText.isBlank()) {
      if (!hashText.matches("[0-9a-fA-F]{1,16}")) {
        throw new IllegalArgumentException("\"avatarHash\" must be up to 16 hex digits");
      }
      hash = OptionalLong.of(Long.parseUnsignedLong(hashText, 16));
    }
    Optional<Path> avatarPath = Optional.empty();
    String pathText = text(node, "avatarPath");
    if (!pathText.isBlank()) {
      try {
        avatarPath = Optional.of(Path.of(pathText));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("\"avatarPath\" is not a valid path", e);
      }
    }
    List<String> links = new ArrayList<>();
    JsonNode linkNode = node.path("links");
    if (linkNode.isArray()) {
      linkNode.forEach(l -> links.add(l.asText("")));
    } else if (!linkNode.isMissingNode() && !linkNode.isNull()) {
      throw new IllegalArgumentException("\"links\" must be an array of strings");
    }
    JsonNode replies = node.path("repliesToComplaints");
    if (!replies.isMissingNode() && !replies.isNull() && !replies.canConvertToInt()) {
      throw new IllegalArgumentException("\"repliesToComplaints\" must be a number");
    }
    return new Candidate(
        text(node, "network"),
        handle,
        text(node, "displayName"),
        text(node, "bio"),
        created,
        hash,
        avatarPath,
        links,
        replies.asInt(0),
        node.path("asksToDm").asBoolean(false));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.getNodeType() == JsonNodeType.OBJECT || v.getNodeType() == JsonNodeType.ARRAY) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return v.asText("");
  }

  private static Instant instant(String s) {
    String t = s.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the other common shapes below
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"createdAt\" is not an ISO-8601 date: '" + ProtectedIdentity.abbreviate(t) + "'", e);
    }
  }

  private static String cap(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }
}
