package dev.outpost.enrich.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.outpost.enrich.sentiment.SentimentModel;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * An organisation's own sentiment model: an ONNX text classifier run by ONNX Runtime, loaded from a
 * directory holding
 *
 * <ul>
 *   <li>{@code model.onnx}: input {@code input_ids} (int64, [batch, sequence]), optionally {@code
 *       attention_mask} and {@code token_type_ids}; first output: logits [batch, labels];
 *   <li>{@code vocab.txt}: the WordPiece vocabulary, one token per line;
 *   <li>{@code labels.txt}: one label per output column, each of negative, neutral, positive;
 *   <li>{@code config.properties} (optional): {@code max_length} (default 128), {@code lowercase}
 *       (default true).
 * </ul>
 *
 * Thread-safe (ONNX Runtime sessions are); close it to free the native session.
 */
public final class OnnxSentimentModel implements SentimentModel, AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final String inputName;
  private final boolean mask;
  private final boolean types;

  /** {@code columns[k]}: the sentiment index (0 negative, 1 neutral, 2 positive) of output k. */
  private final int[] columns;

  private OnnxSentimentModel(
      OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer, int[] columns) {
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.columns = columns;
    this.inputName =
        session.getInputNames().contains("input_ids")
            ? "input_ids"
            : session.getInputNames().iterator().next();
    this.mask = session.getInputNames().contains("attention_mask");
    this.types = session.getInputNames().contains("token_type_ids");
  }

  /** Loads a model directory; a missing or malformed file is reported with its path. */
  public static OnnxSentimentModel load(Path dir) throws IOException {
    Path model = require(dir.resolve("model.onnx"));
    Path vocab = require(dir.resolve("vocab.txt"));
    Path labelsFile = require(dir.resolve("labels.txt"));
    Properties config = new Properties();
    Path configFile = dir.resolve("config.properties");
    if (Files.exists(configFile)) {
      try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        config.load(r);
      }
    }
    int maxLength;
    try {
      maxLength = Integer.parseInt(config.getProperty("max_length", "128").strip());
    } catch (NumberFormatException e) {
      throw new IOException(configFile + ": max_length must be an integer", e);
    }
    boolean lowercase = Boolean.parseBoolean(config.getProperty("lowercase", "true").strip());
    int[] columns = columns(labelsFile);
    WordPieceTokenizer tokenizer;
    try {
      tokenizer = WordPieceTokenizer.load(vocab, lowercase, maxLength);
    } catch (IllegalArgumentException e) {
      throw new IOException(vocab + " / " + configFile + ": " + e.getMessage(), e);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      OrtSession session = env.createSession(model.toString(), options);
      return new OnnxSentimentModel(env, session, tokenizer, columns);
    } catch (OrtException e) {
      throw new IOException(model + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
    }
  }

  @Override
  public SentimentScore classify(CharSequence text) {
    long[] ids = tokenizer.encode(text);
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put(inputName, OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape));
      if (mask) {
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        inputs.put(
            "attention_mask", OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ones), shape));
      }
      if (types) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(new long[ids.length]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxValue out = result.get(0);
        float[] logits = ((float[][]) out.getValue())[0];
        return SentimentScore.of(probabilities(logits));
      }
    } catch (OrtException | ClassCastException e) {
      throw new IllegalStateException("the ONNX sentiment model failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private double[] probabilities(float[] logits) {
    if (logits.length != columns.length) {
      throw new IllegalStateException(
          "the ONNX model has "
              + logits.length
              + " outputs but labels.txt names "
              + columns.length);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] p = new double[3];
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      double e = Math.exp(logits[k] - max);
      p[columns[k]] += e;
      sum += e;
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session", e);
    }
  }

  private static int[] columns(Path labelsFile) throws IOException {
    List<String> labels =
        Files.readAllLines(labelsFile, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    int[] columns = new int[labels.size()];
    boolean[] seen = new boolean[3];
    for (int k = 0; k < labels.size(); k++) {
      columns[k] =
          switch (labels.get(k).toLowerCase(Locale.ROOT)) {
            case "negative" -> 0;
            case "neutral" -> 1;
            case "positive" -> 2;
            default ->
                throw new IOException(
                    labelsFile
                        + " line "
                        + (k + 1)
                        + ": label '"
                        + labels.get(k)
                        + "' is not negative, neutral or positive");
          };
      seen[columns[k]] = true;
    }
    if (!(seen[0] && seen[1] && seen[2])) {
      throw new IOException(labelsFile + ": must name negative, neutral and positive");
    }
    return columns;
  }

  private static Path require(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("missing " + file);
    }
    return file;
  }
}
