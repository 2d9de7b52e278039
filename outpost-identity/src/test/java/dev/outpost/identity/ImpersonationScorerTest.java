package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ImpersonationScorerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
  static final List<ProtectedIdentity> ACME =
      List.of(
          ProtectedIdentity.handle("x", "@AcmeSupport"),
          ProtectedIdentity.handle("x", "@Acme"),
          ProtectedIdentity.name("Acme Support"),
          ProtectedIdentity.domain("acme.com"));
  final ImpersonationScorer scorer = new ImpersonationScorer(ACME, List.of("x:@AcmeFans"), CLOCK);

  Assessment score(String handle) {
    return scorer.score(Candidate.of("x", handle, "", ""));
  }

  Assessment score(String handle, String displayName, String bio) {
    return scorer.score(Candidate.of("x", handle, displayName, bio));
  }

  @Test
  void ownAccountsAndAllowListNeverScore() {
    assertThat(score("@AcmeSupport").score()).isZero();
    assertThat(score("acmesupport").reasons().get(0).signal()).isEqualTo("own-account");
    assertThat(scorer.score(Candidate.of("", "@AcmeSupport", "", "")).score()).isZero();
    Assessment allowed = score("AcmeFans", "Acme Support", "DM us on WhatsApp +1 555 123 4567");
    assertThat(allowed.score()).isZero();
    assertThat(allowed.verdict()).isEqualTo(Verdict.OK);
    assertThat(allowed.reasons().get(0).signal()).isEqualTo("allow-list");
  }

  @Test
  void cyrillicHomoglyphsAreCaughtByTheSkeleton() {
    Assessment a = score("\u0410\u0441m\u0435Support"); // Cyrillic А, с, е
    assertThat(a.verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(a.reasons().get(0).detail()).contains("Unicode");
    assertThat(a.resembles()).contains("x:@AcmeSupport");
  }

  @Test
  void visualSubstitutionsRnForMAndDigitsForLetters() {
    assertThat(score("Acrne").verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(score("AcmeSupp0rt").verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(score("AcmeSupport").score()).isZero();
    assertThat(score("Acm3Supp0rt").reasons().get(0).detail()).contains("visual substitutions");
  }

  @Test
  void addedCareWordsSeparatorsAndDigits() {
    assertThat(score("Acme_Help_Desk").verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(score("AcmeSupport_").verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(score("AcmeSupport2024").verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(score("OfficialAcmeCare").reasons().get(0).detail()).contains("added");
  }

  @Test
  void editDistanceAndTranspositions() {
    Assessment swapped = score("AcmeSupprot");
    assertThat(swapped.verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(swapped.reasons().get(0).detail()).contains("transposed");
    assertThat(score("AcmeSuport").verdict()).isEqualTo(Verdict.IMPERSONATION);
  }

  @Test
  void unrelatedAccountsAreOk() {
    for (String h : List.of("jnardino", "cairdin", "MarySmith42", "delta_dawn", "dhepburn")) {
      assertThat(score(h).verdict()).as(h).isEqualTo(Verdict.OK);
    }
  }

  @Test
  void mentioningTheBrandInAnOrdinaryHandleIsNotImpersonation() {
    Assessment fan = score("acmelovers_club");
    assertThat(fan.verdict()).isNotEqualTo(Verdict.IMPERSONATION);
  }

  @Test
  void displayNameCopiedOnAnotherHandle() {
    Assessment a = score("jsmith_1987", "Acme Support", "");
    assertThat(a.verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(a.reasons().get(0).signal()).isEqualTo("display-name");
  }

  @Test
  void bioCuesRaiseALookAlikeButNotAnOrdinaryAccount() {
    Assessment plain = score("acmelovers_club");
    Assessment cued =
        score("acmelovers_club", "", "Official help. DM us or WhatsApp +44 7700 900123");
    assertThat(cued.score()).isGreaterThan(plain.score());
    assertThat(cued.reasons()).extracting(Reason::detail).contains("asks people to DM");
    Assessment ordinary = score("mary_k", "Mary", "DM me for collabs, official fan of cats");
    assertThat(ordinary.verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void lookAlikeDomainsScoreHigherThanOtherDomains() {
    Assessment brand = score("mary_k", "", "see https://help.acme.com/x");
    Assessment other = score("mary_k", "", "my blog https://example.org/post");
    Assessment lookAlike = score("mary_k", "", "refunds at https://acme-support.co.uk/login");
    Assessment typo = score("mary_k", "", "login at acrne.com now");
    assertThat(brand.score()).isZero();
    assertThat(other.score()).isGreaterThan(0);
    assertThat(lookAlike.score()).isGreaterThan(other.score());
    assertThat(typo.reasons().get(0).signal()).isEqualTo("domain");
    assertThat(typo.reasons().get(0).detail()).contains("acrne.com");
  }

  @Test
  void newAccountsAndBehaviourCount() {
    Candidate old = Candidate.of("x", "acmelovers_club", "", "");
    Candidate young = old.withCreatedAt(Instant.parse("2026-01-10T00:00:00Z"));
    assertThat(scorer.score(young).score()).isGreaterThan(scorer.score(old).score());
    assertThat(scorer.score(young).reasons()).extracting(Reason::signal).contains("account-age");
    Candidate replying =
        new Candidate(
            "x",
            "acmelovers_club",
            "",
            "",
            Optional.empty(),
            OptionalLong.empty(),
            Optional.empty(),
            List.of("https://bit.ly/abc"),
            3,
            true);
    Assessment a = scorer.score(replying);
    assertThat(a.score()).isGreaterThan(scorer.score(old).score() + 0.15);
    assertThat(a.reasons()).extracting(Reason::signal).contains("behaviour", "links");
  }

  @Test
  void sameHandleOnANetworkWhereItIsNotOurs() {
    Assessment a = scorer.score(Candidate.of("mastodon", "AcmeSupport", "", ""));
    assertThat(a.score()).isGreaterThanOrEqualTo(ImpersonationScorer.SUSPICIOUS_AT);
  }

  @Test
  void avatarsBySimilarHash() {
    long hash = 0x0f0f_3c3c_5a5a_ffffL;
    ImpersonationScorer withAvatar =
        new ImpersonationScorer(List.of(ProtectedIdentity.avatar(hash)), List.of(), CLOCK);
    Candidate copy =
        new Candidate(
            "x",
            "random",
            "",
            "",
            Optional.empty(),
            OptionalLong.of(hash ^ 0b101L),
            Optional.empty(),
            List.of(),
            0,
            false);
    Assessment a = withAvatar.score(copy);
    assertThat(a.reasons().get(0).signal()).isEqualTo("avatar");
    assertThat(a.verdict()).isEqualTo(Verdict.IMPERSONATION);
  }
}
