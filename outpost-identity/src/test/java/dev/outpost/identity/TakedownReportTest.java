package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TakedownReportTest {
  final ImpersonationScorer scorer =
      new ImpersonationScorer(
          ImpersonationScorerTest.ACME, List.of(), ImpersonationScorerTest.CLOCK);

  TakedownReport report(String network, String handle) {
    Candidate c = Candidate.of(network, handle, "Acme Support", "DM us for refunds");
    return TakedownReport.of(c, scorer.score(c));
  }

  @Test
  void xReportsGoToTheImpersonationForm() {
    TakedownReport r = report("x", "Acme_Help");
    assertThat(r.networkName()).isEqualTo("X (Twitter)");
    assertThat(r.reportUrl()).contains("help.x.com").contains("impersonation");
    assertThat(r.policyUrl()).contains("impersonation");
    assertThat(r.account()).isEqualTo("@Acme_Help");
    assertThat(r.impersonates()).isEqualTo("x:@AcmeSupport");
    assertThat(r.evidence()).anyMatch(e -> e.contains("Acme_Help") && e.contains("impersonation"));
    assertThat(r.evidence()).anyMatch(e -> e.startsWith("handle: brand plus added words"));
    assertThat(r.evidence()).anyMatch(e -> e.contains("asks people to DM"));
  }

  @Test
  void eachNetworkHasItsRouteAndUnknownOnesAGenericOne() {
    assertThat(report("twitter", "Acme_Help").networkName()).isEqualTo("X (Twitter)");
    assertThat(report("mastodon", "Acme_Help").how()).contains("forward");
    assertThat(report("bluesky", "Acme_Help").networkName()).isEqualTo("Bluesky");
    assertThat(report("youtube", "Acme_Help").reportUrl()).contains("support.google.com");
    TakedownReport unknown = report("myspace", "Acme_Help");
    assertThat(unknown.reportUrl()).isEmpty();
    assertThat(unknown.how()).contains("impersonation");
  }
}
