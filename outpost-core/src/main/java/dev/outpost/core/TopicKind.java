package dev.outpost.core;

/** What a topic stands for; a post can match topics of several kinds. */
public enum TopicKind {
  BRAND,
  PRODUCT,
  COMPETITOR,
  CAMPAIGN
}
