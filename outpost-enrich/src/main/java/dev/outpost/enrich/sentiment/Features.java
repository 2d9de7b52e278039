package dev.outpost.enrich.sentiment;

import java.util.Arrays;

/**
 * The features of one text, filled by {@link Featurizer}: hashed word buckets (unigrams, negated
 * unigrams, bigrams), hashed character n-gram buckets and a few dense flags. Mutable and reused by
 * one thread at a time, so that classifying a post allocates nothing.
 */
final class Features {
  /** Dense flags, at indices after the hashed space. */
  static final int EXCLAIM = 0;

  static final int QUESTION = 1;
  static final int ELONGATED = 2;
  static final int ALL_CAPS = 3;
  static final int NEGATION = 4;
  static final int URL = 5;
  static final int DENSE = 6;

  char[] text = new char[Featurizer.MAX_CHARS * 2 + 16];
  int textLength;
  int[] words = new int[64];
  int wordCount;

  /** Which entries of {@link #words} are unigrams (as opposed to bigrams), for the lexicon. */
  boolean[] unigram = new boolean[64];

  int[] chars = new int[256];
  int charCount;
  final float[] dense = new float[DENSE];

  void reset() {
    textLength = 0;
    wordCount = 0;
    charCount = 0;
    Arrays.fill(dense, 0f);
  }

  void addWord(int bucket, boolean isUnigram) {
    if (wordCount == words.length) {
      words = Arrays.copyOf(words, wordCount * 2);
      unigram = Arrays.copyOf(unigram, wordCount * 2);
    }
    unigram[wordCount] = isUnigram;
    words[wordCount++] = bucket;
  }

  void addChar(int bucket) {
    if (charCount == chars.length) {
      chars = Arrays.copyOf(chars, charCount * 2);
    }
    chars[charCount++] = bucket;
  }

  /** The scale of every word feature: 1 / sqrt(number of word features). */
  float wordScale() {
    return wordCount == 0 ? 0f : (float) (1.0 / Math.sqrt(wordCount));
  }

  /** The scale of every character n-gram feature: 1 / sqrt(number of n-grams). */
  float charScale() {
    return charCount == 0 ? 0f : (float) (1.0 / Math.sqrt(charCount));
  }
}
