package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Node;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology domains of one topology key: every value seen so far gets a small integer id, and
 * each node's id is cached by {@link NodeInfo#index()}, so the per-node work of PreFilter, Filter,
 * PreScore and Score is an identity check and an array read instead of two hash lookups.
 *
 * <p>Invariant: {@code domainOf(n)} equals {@code idOf(n.labels[key])}, or -1 when the key is absent.
 * The cache entry of a node is valid while its {@link Node} object is the one it was computed from;
 * a relabelled node is a new {@code Node} record, so the entry is recomputed on its next use. Ids are
 * never reused or removed; a value that no node carries any more keeps its id (it is simply not an
 * eligible domain in any state).
 *
 * <p>Not thread-safe: the simulation runs a scheduling cycle on one thread.
 */
final class Domains {
  private static final int ABSENT = -1;

  private final String key;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private Node[] cachedNode = new Node[0];
  private int[] cachedDomain = new int[0];
  private TopologyDomains mappedFrom;
  private int[] mapped = new int[0];

  Domains(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /** The node's domain id for this key, or -1 when the node lacks the label. */
  int domainOf(NodeInfo info) {
    int i = info.index();
    Node node = info.node();
    if (i < cachedNode.length && cachedNode[i] == node) return cachedDomain[i];
    if (i >= cachedNode.length) {
      int size = Math.max(i + 1, cachedNode.length * 2);
      cachedNode = Arrays.copyOf(cachedNode, size);
      cachedDomain = Arrays.copyOf(cachedDomain, size);
    }
    String value = node.labels().get(key);
    int id = value == null ? ABSENT : idOf(value);
    cachedNode[i] = node;
    cachedDomain[i] = id;
    return id;
  }

  /** The node's domain id, with a missing label read as the value "" (Go's map lookup default). */
  int domainOrEmpty(NodeInfo info) {
    int id = domainOf(info);
    return id >= 0 ? id : idOf("");
  }

  /** The id of a value, assigned on first use. */
  int idOf(String value) {
    Integer id = ids.get(value);
    if (id != null) return id;
    int next = names.size();
    ids.put(value, next);
    names.add(value);
    return next;
  }

  /** The id of a value already seen, or -1 (assigns none). */
  int find(String value) {
    Integer id = ids.get(value);
    return id == null ? ABSENT : id;
  }

  /**
   * This key's ids for the snapshot's domain ids of {@code index} (same key), -1 for a value not
   * seen yet. Cached: an index's ids never change, so only new or still unknown entries are looked up.
   */
  int[] idsFor(TopologyDomains index) {
    if (mappedFrom != index) {
      mappedFrom = index;
      mapped = new int[0];
    }
    int n = index.size();
    if (mapped.length < n) {
      int from = mapped.length;
      mapped = Arrays.copyOf(mapped, n);
      Arrays.fill(mapped, from, n, ABSENT);
    }
    for (int d = 0; d < n; d++) {
      if (mapped[d] == ABSENT) mapped[d] = find(index.name(d));
    }
    return mapped;
  }

  String name(int id) {
    return names.get(id);
  }

  /** How many ids exist; every id is below this. */
  int size() {
    return names.size();
  }
}
