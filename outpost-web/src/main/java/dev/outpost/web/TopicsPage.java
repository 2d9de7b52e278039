package dev.outpost.web;

import dev.outpost.core.Permission;
import dev.outpost.core.Topic;
import java.util.List;
import java.util.Locale;

/**
 * What the topics page shows: every saved query with its mention count, and whether the reader may
 * change them (the editor is read-only otherwise).
 *
 * @param topics the saved topics, by kind then name
 * @param canEdit the reader holds {@link Permission#EDIT_QUERIES}
 */
public record TopicsPage(List<Row> topics, boolean canEdit) {

  /** A saved topic as listed: kind in lower case, its stored mention count. */
  public record Row(String id, String name, String kind, String query, long mentions) {
    static Row of(Topic t, long mentions) {
      return new Row(
          t.id(), t.name(), t.kind().name().toLowerCase(Locale.ROOT), t.query(), mentions);
    }
  }
}
