package dev.outpost.enrich.influence;

/**
 * The influence of a post's author and the reach of the post.
 *
 * @param score influence in [0, 100]
 * @param influencer whether later stages should treat the author first
 * @param reach estimated accounts that saw the post
 * @param virality weighted engagements per hour since the post was published
 */
public record Influence(double score, boolean influencer, long reach, double virality) {
  public Influence {
    if (!(score >= 0 && score <= 100) || reach < 0 || !(virality >= 0)) {
      throw new IllegalArgumentException(
          "influence out of range: score=" + score + " reach=" + reach + " virality=" + virality);
    }
  }
}
