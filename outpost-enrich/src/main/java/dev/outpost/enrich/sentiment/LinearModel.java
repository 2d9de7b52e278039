package dev.outpost.enrich.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Three one-vs-rest logistic regressions over the hashed features of {@link Featurizer}. Weights
 * are stored sparse, quantised to 16 bits and gzipped. Immutable after construction; thread-safe.
 */
final class LinearModel {
  static final int CLASSES = 3;
  static final int FEATURES = Featurizer.HASHED + Features.DENSE;
  private static final int MAGIC = 0x4f50534e; // "OPSN"
  private static final int VERSION = 1;

  /** {@code weights[feature * CLASSES + class]}. */
  private final float[] weights;

  private final float[] bias;

  /**
   * The weights as scored: quantised to 16 bits (exactly what {@link #write} stores), half the
   * memory of floats, so that more of the table stays in the CPU caches.
   */
  private final short[] quantised;

  private final float step;

  LinearModel(float[] weights, float[] bias) {
    if (weights.length != FEATURES * CLASSES || bias.length != CLASSES) {
      throw new IllegalArgumentException("model shape does not match the featurizer");
    }
    this.weights = weights;
    this.bias = bias;
    this.step = step(weights);
    this.quantised = new short[weights.length];
    for (int k = 0; k < weights.length; k++) {
      quantised[k] = quantise(weights[k], step);
    }
  }

  private static float step(float[] weights) {
    float max = 0;
    for (float v : weights) {
      max = Math.max(max, Math.abs(v));
    }
    return max == 0 ? 1f : max / Short.MAX_VALUE;
  }

  /** Fills {@code probabilities} (negative, neutral, positive) for the features of a text. */
  void probabilities(Features f, double[] probabilities) {
    short[] w = quantised;
    int w0 = 0;
    int w1 = 0;
    int w2 = 0;
    int[] words = f.words;
    for (int k = 0, n = f.wordCount; k < n; k++) {
      int base = words[k] * CLASSES;
      w0 += w[base];
      w1 += w[base + 1];
      w2 += w[base + 2];
    }
    int c0 = 0;
    int c1 = 0;
    int c2 = 0;
    int[] chars = f.chars;
    for (int k = 0, n = f.charCount; k < n; k++) {
      int base = chars[k] * CLASSES;
      c0 += w[base];
      c1 += w[base + 1];
      c2 += w[base + 2];
    }
    float sw = f.wordScale() * step;
    float sc = f.charScale() * step;
    double s0 = bias[0] + sw * w0 + sc * c0;
    double s1 = bias[1] + sw * w1 + sc * c1;
    double s2 = bias[2] + sw * w2 + sc * c2;
    for (int d = 0; d < Features.DENSE; d++) {
      float v = f.dense[d];
      if (v != 0f) {
        int base = (Featurizer.HASHED + d) * CLASSES;
        s0 += v * w[base] * step;
        s1 += v * w[base + 1] * step;
        s2 += v * w[base + 2] * step;
      }
    }
    double p0 = 1 / (1 + Math.exp(-s0));
    double p1 = 1 / (1 + Math.exp(-s1));
    double p2 = 1 / (1 + Math.exp(-s2));
    double sum = p0 + p1 + p2;
    probabilities[0] = p0 / sum;
    probabilities[1] = p1 / sum;
    probabilities[2] = p2 / sum;
  }

  /** How many features have a weight. */
  int nonZero() {
    int n = 0;
    for (int k = 0; k < FEATURES; k++) {
      if (weights[k * CLASSES] != 0
          || weights[k * CLASSES + 1] != 0
          || weights[k * CLASSES + 2] != 0) {
        n++;
      }
    }
    return n;
  }

  void write(OutputStream target) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target, 1 << 16)))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(Featurizer.HASHED);
      out.writeInt(Features.DENSE);
      out.writeInt(CLASSES);
      for (float b : bias) {
        out.writeFloat(b);
      }
      out.writeFloat(step);
      out.writeInt(nonZeroQuantised(step));
      int last = -1;
      for (int k = 0; k < FEATURES; k++) {
        short q0 = quantise(weights[k * CLASSES], step);
        short q1 = quantise(weights[k * CLASSES + 1], step);
        short q2 = quantise(weights[k * CLASSES + 2], step);
        if (q0 == 0 && q1 == 0 && q2 == 0) {
          continue;
        }
        writeVarint(out, k - last);
        last = k;
        out.writeShort(q0);
        out.writeShort(q1);
        out.writeShort(q2);
      }
    }
  }

  static LinearModel read(InputStream source) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IOException("not an Outpost sentiment model (version " + VERSION + ")");
      }
      if (in.readInt() != Featurizer.HASHED
          || in.readInt() != Features.DENSE
          || in.readInt() != CLASSES) {
        throw new IOException("sentiment model was trained with another feature layout");
      }
      float[] bias = new float[CLASSES];
      for (int c = 0; c < CLASSES; c++) {
        bias[c] = in.readFloat();
      }
      float step = in.readFloat();
      int count = in.readInt();
      float[] weights = new float[FEATURES * CLASSES];
      int k = -1;
      for (int n = 0; n < count; n++) {
        k += readVarint(in);
        if (k < 0 || k >= FEATURES) {
          throw new IOException("corrupt sentiment model: feature " + k);
        }
        for (int c = 0; c < CLASSES; c++) {
          weights[k * CLASSES + c] = in.readShort() * step;
        }
      }
      return new LinearModel(weights, bias);
    }
  }

  private int nonZeroQuantised(float step) {
    int n = 0;
    for (int k = 0; k < FEATURES; k++) {
      if (quantise(weights[k * CLASSES], step) != 0
          || quantise(weights[k * CLASSES + 1], step) != 0
          || quantise(weights[k * CLASSES + 2], step) != 0) {
        n++;
      }
    }
    return n;
  }

  private static short quantise(float v, float step) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v / step)));
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("corrupt sentiment model: bad varint");
  }
}
