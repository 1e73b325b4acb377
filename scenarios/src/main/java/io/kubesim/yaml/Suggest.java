package io.kubesim.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.TreeSet;

/** "Did you mean" texts for misspelt field names and enum values. */
public final class Suggest {
  private Suggest() {}

  public static String unknownField(String name, Collection<String> allowed) {
    return "unknown field \"" + name + "\"" + closest(name, allowed) + "; allowed: " + String.join(", ", new TreeSet<>(allowed));
  }

  public static String unknownValue(String value, Collection<String> allowed) {
    return "unknown value \"" + value + "\"" + closest(value, allowed) + "; allowed: " + String.join(", ", allowed);
  }

  /** {@code " (did you mean \"x\"?)"} when some allowed word is close enough, else empty. */
  public static String closest(String word, Collection<String> allowed) {
    return allowed.stream()
        .min(Comparator.comparingInt((String a) -> distance(word.toLowerCase(), a.toLowerCase())).thenComparing(a -> a))
        .filter(best -> distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, best.length() / 3))
        .map(best -> " (did you mean \"" + best + "\"?)")
        .orElse("");
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
