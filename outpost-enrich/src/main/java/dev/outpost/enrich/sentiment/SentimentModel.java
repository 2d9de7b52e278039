package dev.outpost.enrich.sentiment;

/**
 * A sentiment model: the shipped {@link SentimentClassifier}, or an organisation's own model such
 * as {@code dev.outpost.enrich.onnx.OnnxSentimentModel}. Implementations must be thread-safe and
 * give a result for any text, even an empty one.
 */
public interface SentimentModel {
  SentimentScore classify(CharSequence text);
}
