package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainsTest {
  @Test
  void findsHostsInFreeText() {
    assertThat(Domains.hosts("Help: https://Login.Acme-Help.co.uk/x?y=1, or www.example.org."))
        .containsExactly("login.acme-help.co.uk", "www.example.org");
    assertThat(Domains.hosts("e.g. this is fine... pi is 3.14, see readme.txtx")).isEmpty();
  }

  @Test
  void registeredDomainsFollowThePublicSuffixList() {
    assertThat(Domains.registered("login.acme.co.uk")).contains("acme.co.uk");
    assertThat(Domains.registered("a.b.acme.com")).contains("acme.com");
    assertThat(Domains.label("acme.co.uk")).isEqualTo("acme");
    assertThat(Domains.isShortener("bit.ly")).isTrue();
  }

  @Test
  void subdomainsOfTheBrandAreTheBrands() {
    ImpersonationScorer scorer =
        new ImpersonationScorer(
            java.util.List.of(ProtectedIdentity.domain("acme.co.uk")),
            java.util.List.of(),
            ImpersonationScorerTest.CLOCK);
    Assessment own = scorer.score(Candidate.of("x", "mary", "", "https://help.acme.co.uk/faq"));
    Assessment fake = scorer.score(Candidate.of("x", "mary", "", "https://acme-help.co.uk/faq"));
    assertThat(own.reasons()).isEmpty();
    assertThat(fake.reasons().get(0).signal()).isEqualTo("domain");
  }
}
