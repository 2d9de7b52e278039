package dev.outpost.detect;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** Tail probabilities and robust summaries used by the detectors. */
final class Stats {
  private Stats() {}

  /** P(X >= k) for X ~ Poisson(mean). */
  static double poissonUpperTail(long k, double mean) {
    if (k <= 0) {
      return 1.0;
    }
    if (mean <= 0) {
      return 0.0;
    }
    return Gamma.regularizedGammaP(k, mean);
  }

  /** P(X >= k) for X ~ Binomial(n, p). */
  static double binomialUpperTail(long k, long n, double p) {
    if (k <= 0) {
      return 1.0;
    }
    if (k > n) {
      return 0.0;
    }
    if (p <= 0) {
      return 0.0;
    }
    if (p >= 1) {
      return 1.0;
    }
    return Beta.regularizedBeta(p, k, n - k + 1.0);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }
}
