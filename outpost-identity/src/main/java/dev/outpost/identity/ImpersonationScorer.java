package dev.outpost.identity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Scores accounts for impersonation of a set of protected identities, with the reasons.
 *
 * <p>Resemblance (handle, display name, avatar, look-alike domain) decides whether an account can
 * be an impostor at all; context (bio cues, a new account, replies to complaining customers, links
 * elsewhere) raises the score of a look-alike a lot and that of any other account a little. Our own
 * accounts and allow-listed accounts always score 0. Thread-safe.
 */
public final class ImpersonationScorer {
  /** Scores at or above this are {@link Verdict#IMPERSONATION}. */
  public static final double IMPERSONATION_AT = 0.7;

  /** Scores at or above this (and below {@link #IMPERSONATION_AT}) are suspicious. */
  public static final double SUSPICIOUS_AT = 0.4;

  private final List<ProtectedIdentity> identities;
  private final Set<String> own = new HashSet<>();
  private final Set<String> ownHandles = new HashSet<>();
  private final Set<String> allowAnyNetwork = new HashSet<>();
  private final Set<String> allow = new HashSet<>();
  private final List<Likeness.Target> names = new ArrayList<>();
  private final List<Likeness.Target> domainLabels = new ArrayList<>();
  private final Set<String> brandDomains = new HashSet<>();
  private final List<Long> avatars = new ArrayList<>();
  private final Clock clock;

  /**
   * @param identities the organisation's own handles, names, domains and avatars
   * @param allowList accounts that never score: {@code network:@handle} or {@code @handle} (any
   *     network)
   * @param clock the time used for account age
   * @throws IllegalArgumentException for a malformed allow-list entry
   */
  public ImpersonationScorer(
      List<ProtectedIdentity> identities, Collection<String> allowList, Clock clock) {
    this.identities = List.copyOf(identities);
    this.clock = clock;
    for (ProtectedIdentity id : this.identities) {
      switch (id.kind()) {
        case HANDLE -> {
          own.add(id.network() + ":" + key(id.value()));
          ownHandles.add(key(id.value()));
          names.add(Likeness.Target.of(id.label(), id.value()));
        }
        case NAME -> names.add(Likeness.Target.of(id.label(), id.value()));
        case DOMAIN -> {
          String reg = Domains.registered(id.value()).orElse(id.value());
          brandDomains.add(reg);
          domainLabels.add(Likeness.Target.of(id.label(), Domains.label(reg)));
        }
        case AVATAR -> avatars.add(Long.parseUnsignedLong(id.value(), 16));
      }
    }
    for (String entry : allowList) {
      String e = entry.strip();
      int colon = e.indexOf(':');
      String network = colon > 0 ? e.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
      String handle = colon > 0 ? e.substring(colon + 1).strip() : e;
      if (!handle.startsWith("@") || key(handle).isEmpty()) {
        throw new IllegalArgumentException(
            "allow-list entry must be network:@handle or @handle, got '"
                + ProtectedIdentity.abbreviate(e)
                + "'");
      }
      if (network.isEmpty()) {
        allowAnyNetwork.add(key(handle));
      } else {
        allow.add(network + ":" + key(handle));
      }
    }
  }

  /** The protected identities this scorer was built from. */
  public List<ProtectedIdentity> identities() {
    return identities;
  }

  /** The 64-bit perceptual (difference) hash of an image file, to protect an avatar. */
  public static long avatarHash(Path image) {
    return ImageHash.ofFile(image);
  }

  /** Scores one candidate; never throws for any candidate. */
  public Assessment score(Candidate c) {
    String plain = key(c.handle());
    if (Fold.plain(c.handle()).isEmpty() && c.displayName().isBlank()) {
      return verdict(c, 0, List.of(new Reason("input", "no handle or display name", 0)), null);
    }
    if (own.contains(c.network() + ":" + plain)
        || (c.network().isEmpty() && ownHandles.contains(plain))) {
      return verdict(c, 0, List.of(new Reason("own-account", "a protected identity", 0)), null);
    }
    if (allow.contains(c.network() + ":" + plain) || allowAnyNetwork.contains(plain)) {
      return verdict(c, 0, List.of(new Reason("allow-list", "on the allow-list", 0)), null);
    }
    List<Reason> likeness = new ArrayList<>();
    String resembles = null;
    double bestWeight = 0;
    Best handle = best(Likeness.probes(c.handle()), names);
    if (handle.hit != null) {
      likeness.add(
          new Reason(
              "handle", handle.hit.kind() + ": " + handle.hit.detail(), handle.hit.weight()));
      resembles = handle.label;
      bestWeight = handle.hit.weight();
    }
    sameHandleElsewhere(c, plain).ifPresent(likeness::add);
    // A display name that only repeats the handle adds no evidence of its own.
    boolean repeatsHandle = Fold.of(c.displayName()).equals(Fold.of(c.handle()));
    Best display = repeatsHandle ? new Best(null, null) : displayName(c.displayName());
    if (display.hit != null) {
      double w = display.hit.weight() * 0.87;
      likeness.add(new Reason("display-name", display.hit.kind() + ": " + display.hit.detail(), w));
      if (w > bestWeight) {
        resembles = display.label;
        bestWeight = w;
      }
    }
    avatar(c).ifPresent(likeness::add);
    List<Reason> context = new ArrayList<>();
    links(c, likeness, context);
    context.addAll(Cues.bio(c.bio()));
    context.addAll(Cues.age(c, clock));
    context.addAll(Cues.behaviour(c));
    double r = noisyOr(likeness);
    double gate = r >= 0.3 ? 0.8 : 0.3;
    double score = 1 - (1 - r) * (1 - noisyOr(context) * gate);
    List<Reason> all = new ArrayList<>(likeness);
    all.addAll(context);
    return verdict(c, score, all, resembles);
  }

  /** A handle as networks compare them: without {@code @}, case-insensitive, separators kept. */
  private static String key(String handle) {
    return Fold.strip(handle).toLowerCase(Locale.ROOT);
  }

  private record Best(Likeness.Hit hit, String label) {}

  private static Best best(List<Likeness.Probe> probes, List<Likeness.Target> targets) {
    Likeness.Hit best = null;
    String label = null;
    for (Likeness.Target t : targets) {
      Optional<Likeness.Hit> hit = Likeness.compare(probes, t);
      if (hit.isPresent() && (best == null || hit.get().weight() > best.weight())) {
        best = hit.get();
        label = t.label();
      }
    }
    return new Best(best, label);
  }

  private Best displayName(String displayName) {
    String plain = Fold.plain(displayName);
    if (plain.isEmpty()) {
      return new Best(null, null);
    }
    for (Likeness.Target t : names) {
      if (plain.equals(t.plain())) {
        return new Best(
            new Likeness.Hit(
                0.92, "copies the name", "'" + displayName.strip() + "' vs " + t.label()),
            t.label());
      }
    }
    return best(Likeness.probes(displayName), names);
  }

  private Optional<Reason> sameHandleElsewhere(Candidate c, String plain) {
    for (ProtectedIdentity id : identities) {
      if (id.kind() == ProtectedIdentity.Kind.HANDLE
          && key(id.value()).equals(plain)
          && !id.network().equals(c.network())
          && !c.network().isEmpty()) {
        return Optional.of(
            new Reason(
                "handle",
                "same handle as " + id.label() + " on a network where it is not listed as ours",
                0.5));
      }
    }
    return Optional.empty();
  }

  private Optional<Reason> avatar(Candidate c) {
    if (avatars.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong hash = c.avatarHash();
    if (hash.isEmpty() && c.avatarPath().isPresent()) {
      try {
        hash = OptionalLong.of(ImageHash.ofFile(c.avatarPath().get()));
      } catch (IllegalArgumentException e) {
        return Optional.of(new Reason("avatar", "avatar not readable: " + e.getMessage(), 0));
      }
    }
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    long h = hash.getAsLong();
    int d = avatars.stream().mapToInt(a -> ImageHash.distance(a, h)).min().orElse(64);
    if (d <= 8) {
      return Optional.of(
          new Reason(
              "avatar", "avatar matches a protected avatar (" + d + "/64 bits differ)", 0.8));
    }
    if (d <= 14) {
      return Optional.of(
          new Reason(
              "avatar", "avatar resembles a protected avatar (" + d + "/64 bits differ)", 0.45));
    }
    return Optional.empty();
  }

  private void links(Candidate c, List<Reason> likeness, List<Reason> context) {
    Set<String> hosts = new java.util.LinkedHashSet<>(Domains.hosts(c.bio()));
    for (String link : c.links()) {
      hosts.addAll(Domains.hosts(link));
    }
    boolean otherLink = false;
    boolean shortener = false;
    double lookAlike = 0;
    String lookAlikeDetail = "";
    for (String host : hosts) {
      Optional<String> reg = Domains.registered(host);
      if (reg.isEmpty() || brandDomains.contains(reg.get()) || reg.get().equals("t.co")) {
        continue;
      }
      List<Likeness.Probe> probes = Likeness.probes(Domains.label(reg.get()));
      Best viaDomain = best(probes, domainLabels);
      Best viaName = best(probes, names);
      Likeness.Hit hit = pick(viaDomain.hit, viaName.hit);
      if (hit != null && hit.weight() >= 0.5) {
        if (hit.weight() > lookAlike) {
          lookAlike = hit.weight();
          lookAlikeDetail = reg.get() + " (" + hit.kind() + ": " + hit.detail() + ")";
        }
      } else if (Domains.isShortener(reg.get())) {
        shortener = true;
      } else {
        otherLink = true;
      }
    }
    if (lookAlike > 0) {
      likeness.add(
          new Reason("domain", "links to look-alike domain " + lookAlikeDetail, 0.8 * lookAlike));
      context.add(new Reason("links", "links to a look-alike of the brand's domain", 0.5));
    }
    if (shortener) {
      context.add(new Reason("links", "links through a shortener or chat redirect", 0.25));
    }
    if (otherLink) {
      context.add(new Reason("links", "links to a domain that is not the brand's", 0.15));
    }
  }

  private static Likeness.Hit pick(Likeness.Hit a, Likeness.Hit b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.weight() >= b.weight() ? a : b;
  }

  private static double noisyOr(List<Reason> reasons) {
    double keep = 1;
    for (Reason r : reasons) {
      keep *= 1 - r.weight();
    }
    return 1 - keep;
  }

  private static Assessment verdict(
      Candidate c, double score, List<Reason> reasons, String resembles) {
    double rounded = Math.round(score * 1000) / 1000.0;
    Verdict v =
        rounded >= IMPERSONATION_AT
            ? Verdict.IMPERSONATION
            : rounded >= SUSPICIOUS_AT ? Verdict.SUSPICIOUS : Verdict.OK;
    List<Reason> sorted =
        reasons.stream().sorted(Comparator.comparingDouble(Reason::weight).reversed()).toList();
    return new Assessment(
        c.network(), c.handle(), rounded, v, sorted, Optional.ofNullable(resembles));
  }
}
