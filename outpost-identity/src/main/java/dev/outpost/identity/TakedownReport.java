package dev.outpost.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * What to report to a network about one impersonating account, and where.
 *
 * @param network the candidate's network
 * @param networkName the network as people name it
 * @param reportUrl where to file (empty when the network only has the in-app report)
 * @param policyUrl the network's impersonation or deceptive-identity policy (may be empty)
 * @param how how the network takes the report
 * @param account the reported account ({@code @handle})
 * @param impersonates the protected identity it copies, when known
 * @param evidence the facts to paste into the report
 */
public record TakedownReport(
    String network,
    String networkName,
    String reportUrl,
    String policyUrl,
    String how,
    String account,
    String impersonates,
    List<String> evidence) {
  public TakedownReport {
    evidence = List.copyOf(evidence);
  }

  /** Builds the report for an assessed candidate from the facts the assessment holds. */
  public static TakedownReport of(Candidate candidate, Assessment assessment) {
    Networks.Route route = Networks.route(candidate.network());
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "Account @"
            + candidate.handle()
            + (candidate.displayName().isBlank()
                ? ""
                : " (display name '" + candidate.displayName().strip() + "')")
            + " scored "
            + assessment.score()
            + " ("
            + assessment.verdict().label()
            + ").");
    assessment.resembles().ifPresent(r -> evidence.add("It resembles our identity " + r + "."));
    for (Reason r : assessment.reasons()) {
      if (r.weight() > 0) {
        evidence.add(r.signal() + ": " + r.detail());
      }
    }
    candidate
        .createdAt()
        .ifPresent(t -> evidence.add("Account created " + t + " (as reported by the network)."));
    return new TakedownReport(
        candidate.network(),
        route.name(),
        route.reportUrl(),
        route.policyUrl(),
        route.how(),
        "@" + candidate.handle(),
        assessment.resembles().orElse(""),
        evidence);
  }
}
