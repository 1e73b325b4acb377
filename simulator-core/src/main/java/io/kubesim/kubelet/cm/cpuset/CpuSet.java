package io.kubesim.kubelet.cm.cpuset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

/**
 * An immutable set of non-negative ids (logical CPUs, NUMA nodes, sockets, uncore caches), as
 * upstream's {@code cpuset.CPUSet}.
 *
 * <p>Kept as a sorted array without duplicates: the sets are small (a few hundred ids at most),
 * iteration in ascending order is what every caller wants, and equality is a plain array compare.
 * {@link #toString()} gives the canonical cpuset list syntax, e.g. {@code "0-3,8"}.
 */
public final class CpuSet implements Iterable<Integer> {

  public static final CpuSet EMPTY = new CpuSet(new int[0]);

  private final int[] ids;

  private CpuSet(int[] sortedUnique) {
    this.ids = sortedUnique;
  }

  public static CpuSet of(int... ids) {
    return fromUnsorted(ids.clone());
  }

  public static CpuSet of(Collection<Integer> ids) {
    int[] a = new int[ids.size()];
    int i = 0;
    for (int id : ids) a[i++] = id;
    return fromUnsorted(a);
  }

  /** The ids {@code from..to}, both inclusive; empty when {@code to < from}. */
  public static CpuSet range(int from, int to) {
    if (from < 0) throw new IllegalArgumentException("negative id " + from);
    if (to < from) return EMPTY;
    return new CpuSet(IntStream.rangeClosed(from, to).toArray());
  }

  private static CpuSet fromUnsorted(int[] a) {
    if (a.length == 0) return EMPTY;
    Arrays.sort(a);
    if (a[0] < 0) throw new IllegalArgumentException("negative id " + a[0]);
    int n = 1;
    for (int i = 1; i < a.length; i++) {
      if (a[i] != a[n - 1]) a[n++] = a[i];
    }
    return new CpuSet(n == a.length ? a : Arrays.copyOf(a, n));
  }

  /**
   * Parses the cpuset list syntax: comma-separated ids and inclusive ranges {@code a-b}; the empty
   * string is the empty set. Blanks around items are tolerated.
   *
   * @throws IllegalArgumentException naming the offending item
   */
  public static CpuSet parse(String text) {
    if (text == null) throw new IllegalArgumentException("cpuset is null");
    if (text.isBlank()) return EMPTY;
    List<Integer> out = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String item = raw.strip();
      if (item.isEmpty()) {
        throw new IllegalArgumentException("invalid cpuset \"" + text + "\": empty item");
      }
      int dash = item.indexOf('-');
      if (dash < 0) {
        out.add(parseId(text, item, item));
        continue;
      }
      int start = parseId(text, item, item.substring(0, dash).strip());
      int end = parseId(text, item, item.substring(dash + 1).strip());
      if (start > end) {
        throw new IllegalArgumentException(
            "invalid cpuset \"" + text + "\": invalid range \"" + item + "\" (" + start + " > " + end + ")");
      }
      for (int id = start; id <= end; id++) out.add(id);
    }
    return of(out);
  }

  private static int parseId(String text, String item, String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "invalid cpuset \"" + text + "\": \"" + item + "\" is not an id or a range of ids");
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid cpuset \"" + text + "\": id " + digits + " is out of range");
    }
  }

  public int size() {
    return ids.length;
  }

  public boolean isEmpty() {
    return ids.length == 0;
  }

  public boolean contains(int id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /** The ids in ascending order (a copy). */
  public int[] ids() {
    return ids.clone();
  }

  public List<Integer> list() {
    List<Integer> out = new ArrayList<>(ids.length);
    for (int id : ids) out.add(id);
    return Collections.unmodifiableList(out);
  }

  public IntStream stream() {
    return Arrays.stream(ids);
  }

  /** The smallest id; fails on the empty set. */
  public int first() {
    if (ids.length == 0) throw new NoSuchElementException("empty cpuset");
    return ids[0];
  }

  public CpuSet union(CpuSet other) {
    if (other.isEmpty()) return this;
    if (isEmpty()) return other;
    int[] out = new int[ids.length + other.ids.length];
    int i = 0, j = 0, n = 0;
    while (i < ids.length || j < other.ids.length) {
      int next;
      if (j >= other.ids.length || (i < ids.length && ids[i] < other.ids[j])) {
        next = ids[i++];
      } else if (i >= ids.length || other.ids[j] < ids[i]) {
        next = other.ids[j++];
      } else {
        next = ids[i++];
        j++;
      }
      out[n++] = next;
    }
    return new CpuSet(Arrays.copyOf(out, n));
  }

  public CpuSet intersection(CpuSet other) {
    int[] out = new int[Math.min(ids.length, other.ids.length)];
    int i = 0, j = 0, n = 0;
    while (i < ids.length && j < other.ids.length) {
      if (ids[i] < other.ids[j]) i++;
      else if (ids[i] > other.ids[j]) j++;
      else {
        out[n++] = ids[i];
        i++;
        j++;
      }
    }
    return n == 0 ? EMPTY : new CpuSet(Arrays.copyOf(out, n));
  }

  public CpuSet difference(CpuSet other) {
    if (other.isEmpty() || isEmpty()) return this;
    int[] out = new int[ids.length];
    int n = 0, j = 0;
    for (int id : ids) {
      while (j < other.ids.length && other.ids[j] < id) j++;
      if (j < other.ids.length && other.ids[j] == id) continue;
      out[n++] = id;
    }
    return n == ids.length ? this : new CpuSet(Arrays.copyOf(out, n));
  }

  public boolean isSubsetOf(CpuSet other) {
    return intersection(other).size() == ids.length;
  }

  public boolean intersects(CpuSet other) {
    return !intersection(other).isEmpty();
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ids.length;
      }

      @Override
      public Integer next() {
        if (next >= ids.length) throw new NoSuchElementException();
        return ids[next++];
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CpuSet c && Arrays.equals(ids, c.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  /** Canonical cpuset list syntax: ascending, runs of two or more collapsed to ranges. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < ids.length) {
      int j = i;
      while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) j++;
      if (sb.length() > 0) sb.append(',');
      sb.append(ids[i]);
      if (j > i) sb.append('-').append(ids[j]);
      i = j + 1;
    }
    return sb.toString();
  }
}
