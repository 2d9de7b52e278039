package dev.outpost.listen;

import dev.outpost.core.Post;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * A post as the tokens of each field, analysed once; it feeds both the prefilter and the one-post
 * Lucene index that the candidate queries run against.
 */
final class PostDocument {
  /** Only used for the positions gap: every field arrives already analysed. */
  static final Analyzer ANALYZER = new KeywordAnalyzer();

  /** The tokens per field in text order, indexed by {@link Field#ordinal()}; empty when none. */
  final List<List<String>> fields;

  final long followers;

  private PostDocument(List<List<String>> fields, long followers) {
    this.fields = fields;
    this.followers = followers;
  }

  static PostDocument of(Post post) {
    Analysis.Tokens t = Analysis.tokens(post.text());
    List<List<String>> fields = new ArrayList<>();
    for (int k = 0; k < Field.values().length; k++) {
      fields.add(List.of());
    }
    fields.set(Field.TEXT.ordinal(), t.words());
    fields.set(Field.RAW.ordinal(), t.rawWords());
    fields.set(Field.TAG.ordinal(), t.tags());
    fields.set(Field.MENTION.ordinal(), t.mentions());
    fields.set(Field.URL.ordinal(), t.urls());
    Set<String> sites = new LinkedHashSet<>();
    for (String url : t.urls()) {
      sites.addAll(Analysis.sites(url));
    }
    fields.set(Field.SITE.ordinal(), List.copyOf(sites));
    fields.set(Field.AUTHOR.ordinal(), List.of(Analysis.foldValue(post.author().handle())));
    String lang = post.language().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = lang.indexOf('-');
    fields.set(
        Field.LANG.ordinal(), dash > 0 ? List.of(lang, lang.substring(0, dash)) : List.of(lang));
    fields.set(Field.NETWORK.ordinal(), List.of(post.network()));
    fields.set(Field.VERIFIED.ordinal(), List.of(Boolean.toString(post.author().verified())));
    return new PostDocument(fields, post.author().followers());
  }

  List<String> tokens(Field field) {
    return fields.get(field.ordinal());
  }

  /** A fresh Lucene document; its token streams can be read once. */
  Document document() {
    Document doc = new Document();
    for (Field f : Field.values()) {
      List<String> tokens = fields.get(f.ordinal());
      if (!tokens.isEmpty()) {
        doc.add(new TextField(f.lucene, new ListTokenStream(tokens)));
      }
    }
    doc.add(new LongPoint(Field.FOLLOWERS.lucene, followers));
    return doc;
  }

  MemoryIndex memoryIndex() {
    return MemoryIndex.fromDocument(document(), ANALYZER, false, false);
  }

  /** Emits a list of already analysed tokens, one position each. */
  private static final class ListTokenStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> tokens;
    private Iterator<String> it;

    ListTokenStream(List<String> tokens) {
      this.tokens = tokens;
      this.it = tokens.iterator();
    }

    @Override
    public boolean incrementToken() {
      if (!it.hasNext()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(it.next());
      return true;
    }

    @Override
    public void reset() throws java.io.IOException {
      super.reset();
      it = tokens.iterator();
    }
  }
}
