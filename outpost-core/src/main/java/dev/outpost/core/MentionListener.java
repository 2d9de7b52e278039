package dev.outpost.core;

import java.util.List;

/** Told about mentions once they are stored, for live views and detectors. */
@FunctionalInterface
public interface MentionListener {
  MentionListener NONE = mentions -> {};

  void stored(List<Mention> mentions);
}
