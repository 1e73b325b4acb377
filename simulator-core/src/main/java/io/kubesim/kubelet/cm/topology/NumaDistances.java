package io.kubesim.kubelet.cm.topology;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The NUMA distance matrix (ACPI SLIT, {@code /sys/devices/system/node/nodeN/distance}), as
 * upstream's {@code topologymanager.NUMADistances}: 10 means local; larger is farther.
 */
public final class NumaDistances {
  private final Map<Integer, int[]> rows;

  private NumaDistances(Map<Integer, int[]> rows) {
    this.rows = rows;
  }

  /**
   * A matrix given row by row: {@code rows.get(i)[j]} is the distance from node {@code i} to node
   * {@code j}; rows are indexed by node id, as the kernel writes them.
   */
  public static NumaDistances of(Map<Integer, int[]> rows) {
    Map<Integer, int[]> copy = new TreeMap<>();
    rows.forEach((k, v) -> copy.put(k, v.clone()));
    int size = copy.keySet().stream().mapToInt(i -> i).max().orElse(-1) + 1;
    copy.forEach((node, row) -> {
      if (row.length < size) {
        throw new IllegalArgumentException("NUMA distance row of node " + node + " has " + row.length
            + " entries, needs " + size + " (one per node id)");
      }
    });
    return new NumaDistances(copy);
  }

  /** What Linux reports without a SLIT: 10 to itself, 20 to any other node. */
  public static NumaDistances linuxDefault(CpuSet nodes) {
    int size = nodes.isEmpty() ? 0 : nodes.ids()[nodes.size() - 1] + 1;
    Map<Integer, int[]> rows = new TreeMap<>();
    for (int i : nodes) {
      int[] row = new int[size];
      Arrays.fill(row, 20);
      row[i] = 10;
      rows.put(i, row);
    }
    return new NumaDistances(rows);
  }

  /**
   * A two-level matrix for S sockets of N NUMA nodes each (node {@code n} on socket {@code n/N}):
   * 10 local, {@code sameSocket} within a socket, {@code crossSocket} between sockets.
   */
  public static NumaDistances socketed(int sockets, int nodesPerSocket, int sameSocket, int crossSocket) {
    int n = sockets * nodesPerSocket;
    Map<Integer, int[]> rows = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int[] row = new int[n];
      for (int j = 0; j < n; j++) {
        row[j] = i == j ? 10 : i / nodesPerSocket == j / nodesPerSocket ? sameSocket : crossSocket;
      }
      rows.put(i, row);
    }
    return new NumaDistances(rows);
  }

  public boolean hasNode(int node) {
    return rows.containsKey(node);
  }

  public int distance(int from, int to) {
    int[] row = rows.get(from);
    if (row == null || to < 0 || to >= row.length) {
      throw new IllegalArgumentException("no NUMA distance from node " + from + " to node " + to);
    }
    return row[to];
  }

  /** The row of {@code node}, indexed by node id (a copy). */
  public int[] row(int node) {
    int[] row = rows.get(node);
    if (row == null) throw new IllegalArgumentException("no NUMA distances for node " + node);
    return row.clone();
  }

  public CpuSet nodes() {
    return CpuSet.of(rows.keySet());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NumaDistances d) || !d.rows.keySet().equals(rows.keySet())) return false;
    return rows.keySet().stream().allMatch(k -> Arrays.equals(rows.get(k), d.rows.get(k)));
  }

  @Override
  public int hashCode() {
    return rows.keySet().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    rows.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(Arrays.toString(v)));
    return sb.append('}').toString();
  }
}
