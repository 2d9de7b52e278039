package dev.outpost.identity;

import java.util.List;
import java.util.Optional;

/**
 * The scorer's answer for one candidate.
 *
 * @param network the candidate's network
 * @param handle the candidate's handle
 * @param score 0 (nothing like a protected identity) to 1 (certainly a fake)
 * @param verdict the action band of the score
 * @param reasons the evidence, strongest first
 * @param resembles the protected identity it resembles most, when any
 */
public record Assessment(
    String network,
    String handle,
    double score,
    Verdict verdict,
    List<Reason> reasons,
    Optional<String> resembles) {
  public Assessment {
    network = network == null ? "" : network;
    handle = handle == null ? "" : handle;
    score = Double.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
    verdict = verdict == null ? Verdict.OK : verdict;
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    resembles = resembles == null ? Optional.empty() : resembles;
  }
}
