package dev.outpost.identity.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates look-alike accounts of a brand handle, one technique per kind, the way impostors make
 * them. Its tables are its own, not the scorer's: for example it adds words the scorer's list of
 * care words lacks ("CS", "Billing", "Rewards") and uses Greek as well as Cyrillic letters.
 */
final class LookAlikes {
  enum Kind {
    HOMOGLYPH,
    RN_FOR_M,
    DIGIT_SWAP,
    I_L_SWAP,
    ADDED_WORD,
    SEPARATOR_DIGITS,
    TRANSPOSITION,
    TYPO,
    DISPLAY_NAME_COPY,
    COMBINED;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A generated impostor: its handle and display name. */
  record Fake(Kind kind, String brand, String handle, String displayName) {}

  private static final Map<Character, String> CONFUSABLE =
      Map.ofEntries(
          Map.entry('a', "\u0430\u0251"),
          Map.entry('e', "\u0435"),
          Map.entry('o', "\u043E\u03BF"),
          Map.entry('p', "\u0440\u03C1"),
          Map.entry('c', "\u0441\u03F2"),
          Map.entry('x', "\u0445"),
          Map.entry('y', "\u0443"),
          Map.entry('i', "\u0456"),
          Map.entry('s', "\u0455"),
          Map.entry('j', "\u0458"),
          Map.entry('A', "\u0410\u0391"),
          Map.entry('B', "\u0412\u0392"),
          Map.entry('E', "\u0415\u0395"),
          Map.entry('H', "\u041D\u0397"),
          Map.entry('K', "\u041A\u039A"),
          Map.entry('M', "\u041C\u039C"),
          Map.entry('O', "\u041E\u039F"),
          Map.entry('P', "\u0420\u03A1"),
          Map.entry('C', "\u0421"),
          Map.entry('T', "\u0422\u03A4"),
          Map.entry('X', "\u0425\u03A7"),
          Map.entry('Y', "\u03A5"),
          Map.entry('S', "\u0405"));
  private static final Map<Character, String> DIGITS =
      Map.of(
          'o', "0", 'O', "0", 'l', "1", 'i', "1", 'I', "1", 'e', "3", 'E', "3", 'a', "4", 's', "5",
          'S', "5");
  private static final List<String> WORDS =
      List.of(
          "Support",
          "Help",
          "Care",
          "Team",
          "Official",
          "Desk",
          "Service",
          "HQ",
          "HelpDesk",
          "CustomerCare",
          "Assist",
          "Info",
          "CS",
          "Billing",
          "Rewards",
          "Helpline",
          "247",
          "Online",
          "Cares",
          "Refunds");
  private static final List<String> SUFFIX_NOISE =
      List.of("_", "__", "1", "_1", "24", "2024", "_x", "0");
  private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";

  private LookAlikes() {}

  static Optional<Fake> make(
      Kind kind, String brand, List<String> strangers, SplittableRandom rnd) {
    String name = EvalData.displayName(brand);
    String handle =
        switch (kind) {
          case HOMOGLYPH -> replace(brand, CONFUSABLE, 1 + rnd.nextInt(2), rnd);
          case RN_FOR_M -> rnForM(brand, rnd);
          case DIGIT_SWAP -> replace(brand, DIGITS, 1 + rnd.nextInt(2), rnd);
          case I_L_SWAP -> iForL(brand, rnd);
          case ADDED_WORD -> addWord(brand, rnd);
          case SEPARATOR_DIGITS -> separators(brand, rnd);
          case TRANSPOSITION -> transpose(brand, rnd);
          case TYPO -> typo(brand, rnd);
          case DISPLAY_NAME_COPY -> strangers.get(rnd.nextInt(strangers.size()));
          case COMBINED -> {
            String base =
                rnd.nextBoolean()
                    ? replace(brand, DIGITS, 1, rnd)
                    : replace(brand, CONFUSABLE, 1, rnd);
            yield base == null ? null : addWord(base, rnd);
          }
        };
    if (handle == null || handle.equalsIgnoreCase(brand)) {
      return Optional.empty();
    }
    String display =
        switch (kind) {
          case DISPLAY_NAME_COPY -> rnd.nextInt(3) == 0 ? name + " " + pick(WORDS, rnd) : name;
          case HOMOGLYPH, COMBINED -> rnd.nextBoolean() ? name : "";
          default -> "";
        };
    return Optional.of(new Fake(kind, brand, handle, display));
  }

  private static String replace(
      String s, Map<Character, String> table, int times, SplittableRandom rnd) {
    List<Integer> spots = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (table.containsKey(s.charAt(i))) {
        spots.add(i);
      }
    }
    if (spots.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(s);
    for (int n = 0; n < times && !spots.isEmpty(); n++) {
      int at = spots.remove(rnd.nextInt(spots.size()));
      String options = table.get(s.charAt(at));
      out.setCharAt(at, options.charAt(rnd.nextInt(options.length())));
    }
    return out.toString();
  }

  private static String rnForM(String s, SplittableRandom rnd) {
    List<String[]> swaps = new ArrayList<>();
    if (s.contains("m")) {
      swaps.add(new String[] {"m", "rn"});
    }
    if (s.contains("w")) {
      swaps.add(new String[] {"w", "vv"});
    }
    if (s.contains("d")) {
      swaps.add(new String[] {"d", "cl"});
    }
    if (s.contains("M")) {
      swaps.add(new String[] {"M", "RN"});
    }
    if (swaps.isEmpty()) {
      return null;
    }
    String[] swap = swaps.get(rnd.nextInt(swaps.size()));
    return s.replaceFirst(swap[0], swap[1]);
  }

  private static String iForL(String s, SplittableRandom rnd) {
    if (s.indexOf('l') >= 0) {
      return s.replaceFirst("l", "I");
    }
    if (s.indexOf('I') >= 0) {
      return s.replaceFirst("I", "l");
    }
    if (s.indexOf('i') >= 0) {
      return s.replaceFirst("i", rnd.nextBoolean() ? "l" : "I");
    }
    return null;
  }

  private static String addWord(String s, SplittableRandom rnd) {
    String word = pick(WORDS, rnd);
    String sep = rnd.nextInt(3) == 0 ? "_" : "";
    return rnd.nextInt(3) == 0 ? word + sep + s : s + sep + word;
  }

  private static String separators(String s, SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      return s + pick(SUFFIX_NOISE, rnd);
    }
    List<Integer> bounds = new ArrayList<>();
    for (int i = 1; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i)) || rnd.nextInt(4) == 0) {
        bounds.add(i);
      }
    }
    if (bounds.isEmpty()) {
      return s + "_";
    }
    int at = bounds.get(rnd.nextInt(bounds.size()));
    String sep = rnd.nextBoolean() ? "_" : ".";
    return s.substring(0, at) + sep + s.substring(at);
  }

  private static String transpose(String s, SplittableRandom rnd) {
    List<Integer> spots = new ArrayList<>();
    for (int i = 1; i + 1 < s.length(); i++) {
      char a = s.charAt(i);
      char b = s.charAt(i + 1);
      if (Character.isLetter(a)
          && Character.isLetter(b)
          && Character.toLowerCase(a) != Character.toLowerCase(b)) {
        spots.add(i);
      }
    }
    if (spots.isEmpty()) {
      return null;
    }
    int i = spots.get(rnd.nextInt(spots.size()));
    return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
  }

  private static String typo(String s, SplittableRandom rnd) {
    if (s.length() < 4) {
      return null;
    }
    int i = 1 + rnd.nextInt(s.length() - 1);
    char c = s.charAt(i);
    return switch (rnd.nextInt(3)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1); // omission
      case 1 -> s.substring(0, i) + c + s.substring(i); // doubled letter
      default -> {
        int k = KEYBOARD.indexOf(Character.toLowerCase(c));
        if (k < 0) {
          yield null;
        }
        char near = KEYBOARD.charAt(k == KEYBOARD.length() - 1 ? k - 1 : k + 1);
        yield s.substring(0, i) + near + s.substring(i + 1);
      }
    };
  }

  private static String pick(List<String> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }
}
