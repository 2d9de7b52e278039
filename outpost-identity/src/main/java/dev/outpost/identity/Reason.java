package dev.outpost.identity;

/**
 * One piece of evidence behind an assessment.
 *
 * @param signal the signal that fired ({@code handle}, {@code display-name}, {@code domain}, {@code
 *     avatar}, {@code bio}, {@code account-age}, {@code behaviour}, {@code allow-list}...)
 * @param detail a sentence for the reviewer
 * @param weight how much it counted, 0..1
 */
public record Reason(String signal, String detail, double weight) {
  public Reason {
    signal = signal == null ? "" : signal;
    detail = detail == null ? "" : detail;
    weight = Double.isFinite(weight) ? Math.max(0, Math.min(1, weight)) : 0;
  }

  @Override
  public String toString() {
    return signal + ": " + detail;
  }
}
