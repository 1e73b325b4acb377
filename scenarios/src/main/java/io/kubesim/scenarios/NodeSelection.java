package io.kubesim.scenarios;

import io.kubesim.api.Node;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.labels.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Which nodes a timeline event acts on: a list of names, or every node of a pool and/or a zone
 * and/or with these labels (all given conditions hold), optionally only the first {@code count}
 * of them in name order (numbers in names compare as numbers: worker-2 before worker-10).
 */
public record NodeSelection(List<String> nodes, String pool, String zone, Map<String, String> selector, Integer count) {

  public static final String POOL_LABEL = "kubesim.io/pool";

  public NodeSelection {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    selector = selector == null ? Map.of() : Map.copyOf(selector);
  }

  /** The selected node names among {@code candidates}, in natural name order. */
  public List<String> resolve(Collection<Node> candidates) {
    Selector labels = labelSelector();
    List<String> out = new ArrayList<>();
    for (Node n : candidates) {
      if ((nodes.isEmpty() || nodes.contains(n.name())) && labels.matches(n.labels())) out.add(n.name());
    }
    out.sort(NATURAL);
    if (!nodes.isEmpty()) {
      // Keep the order the user wrote.
      List<String> ordered = new ArrayList<>();
      for (String name : nodes) if (out.contains(name)) ordered.add(name);
      out = ordered;
    }
    return count == null || count >= out.size() ? out : out.subList(0, count);
  }

  /** {@code pool}, {@code zone} and {@code selector} as one equality selector (nothing when they disagree on a label). */
  private Selector labelSelector() {
    Map<String, String> all = new TreeMap<>(selector);
    if (pool != null && !require(all, POOL_LABEL, pool)) return Selector.NOTHING;
    if (zone != null && !require(all, ResourceNames.LABEL_ZONE, zone)) return Selector.NOTHING;
    return Selector.fromSet(all);
  }

  private static boolean require(Map<String, String> labels, String key, String value) {
    String before = labels.putIfAbsent(key, value);
    return before == null || before.equals(value);
  }

  /** {@code pool=worker zone=zone-a}, for timeline labels. */
  public String describe() {
    StringJoiner j = new StringJoiner(" ");
    if (!nodes.isEmpty()) j.add("nodes=" + String.join(",", nodes));
    if (pool != null) j.add("pool=" + pool);
    if (zone != null) j.add("zone=" + zone);
    new TreeMap<>(selector).forEach((k, v) -> j.add(k + "=" + v));
    if (count != null) j.add("count=" + count);
    return j.toString();
  }

  /** Names with embedded numbers compared numerically. */
  public static final Comparator<String> NATURAL = NodeSelection::compareNatural;

  static int compareNatural(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i), cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i, sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        if (na.length() != nb.length()) return Integer.compare(na.length(), nb.length());
        int c = na.compareTo(nb);
        if (c != 0) return c;
      } else {
        if (ca != cb) return Character.compare(ca, cb);
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }
}
