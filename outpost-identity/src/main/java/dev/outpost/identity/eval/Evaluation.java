package dev.outpost.identity.eval;

import com.google.common.hash.Hashing;
import dev.outpost.identity.Assessment;
import dev.outpost.identity.Candidate;
import dev.outpost.identity.ImpersonationScorer;
import dev.outpost.identity.ProtectedIdentity;
import dev.outpost.identity.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the impersonation evaluation set from real handles in ../shared/data and measures the
 * scorer on it. Brands and customers are split into a development half (used while tuning) and a
 * test half (used only for reporting) by a hash of the handle, so the split does not depend on the
 * seed; the seed only drives look-alike generation.
 */
public final class Evaluation {
  /** Which half of the data to use. */
  public enum Split {
    DEV,
    TEST
  }

  /** Look-alikes generated per brand and kind. */
  static final int PER_KIND = 5;

  private Evaluation() {}

  /**
   * Generates the set for one split and scores it.
   *
   * @param data the shared data folder ({@code ../shared/data})
   * @param split development or test half
   * @param seed seed for look-alike generation
   * @param examples how many false positives and misses to list in the report
   */
  public static EvaluationReport run(Path data, Split split, long seed, int examples) {
    EvalData all = EvalData.load(data);
    List<String> brands = all.brands().stream().filter(b -> inSplit(b, split)).toList();
    List<String> customers = all.customers().stream().filter(c -> inSplit(c, split)).toList();
    List<ProtectedIdentity> identities = new ArrayList<>();
    for (String b : brands) {
      identities.add(ProtectedIdentity.handle("x", "@" + b));
      identities.add(ProtectedIdentity.name(EvalData.displayName(b)));
    }
    ImpersonationScorer scorer =
        new ImpersonationScorer(
            identities,
            List.of(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    SplittableRandom rnd = new SplittableRandom(seed * 31 + (split == Split.DEV ? 0 : 1));
    Set<String> brandKeys = new HashSet<>();
    brands.forEach(b -> brandKeys.add(b.toLowerCase(Locale.ROOT)));

    List<EvaluationReport.KindResult> kinds = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int tp = 0;
    int positives = 0;
    for (LookAlikes.Kind kind : LookAlikes.Kind.values()) {
      int n = 0;
      int flagged = 0;
      int atLeastSuspicious = 0;
      Set<String> seen = new HashSet<>();
      for (String brand : brands) {
        int made = 0;
        for (int attempt = 0; attempt < PER_KIND * 4 && made < PER_KIND; attempt++) {
          Optional<LookAlikes.Fake> fake = LookAlikes.make(kind, brand, customers, rnd);
          if (fake.isEmpty()
              || brandKeys.contains(fake.get().handle().toLowerCase(Locale.ROOT))
              || !seen.add(fake.get().handle() + "|" + fake.get().displayName())) {
            continue;
          }
          Assessment a =
              scorer.score(Candidate.of("x", fake.get().handle(), fake.get().displayName(), ""));
          n++;
          made++;
          if (a.verdict() == Verdict.IMPERSONATION) {
            flagged++;
          } else if (misses.size() < examples) {
            misses.add(
                kind.label()
                    + " of @"
                    + brand
                    + ": @"
                    + fake.get().handle()
                    + (fake.get().displayName().isEmpty()
                        ? ""
                        : " '" + fake.get().displayName() + "'")
                    + " scored "
                    + a.score());
          }
          if (a.verdict() != Verdict.OK) {
            atLeastSuspicious++;
          }
        }
      }
      kinds.add(new EvaluationReport.KindResult(kind.label(), n, flagged, atLeastSuspicious));
      tp += flagged;
      positives += n;
    }

    int fp = 0;
    int suspicious = 0;
    List<String> falsePositives = new ArrayList<>();
    for (String c : customers) {
      Assessment a = scorer.score(Candidate.of("x", c, EvalData.displayName(c), ""));
      if (a.verdict() == Verdict.IMPERSONATION) {
        fp++;
        if (falsePositives.size() < examples) {
          falsePositives.add(
              "@" + c + " scored " + a.score() + " (" + a.reasons().get(0).detail() + ")");
        }
      } else if (a.verdict() == Verdict.SUSPICIOUS) {
        suspicious++;
      }
    }
    return new EvaluationReport(
        split.name().toLowerCase(Locale.ROOT),
        seed,
        brands.size(),
        customers.size(),
        positives,
        tp,
        fp,
        suspicious,
        kinds,
        falsePositives,
        misses);
  }

  /** Stable half split by handle: murmur3 of the lower-case handle, even goes to development. */
  static boolean inSplit(String handle, Split split) {
    int h =
        Hashing.murmur3_32_fixed()
            .hashString(handle.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)
            .asInt();
    return ((h & 1) == 0) == (split == Split.DEV);
  }
}
