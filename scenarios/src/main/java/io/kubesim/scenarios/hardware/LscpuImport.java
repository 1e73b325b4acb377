package io.kubesim.scenarios.hardware;

import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.Mark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a machine's CPU topology from {@code lscpu -p=CPU,CORE,SOCKET,NODE,CACHE}.
 *
 * <p>The output has comment lines starting with {@code #} (the last one names the columns, e.g.
 * {@code # CPU,Core,Socket,Node,L1d:L1i:L2:L3}) and one line per logical CPU such as
 * {@code 5,5,0,0,5:5:5:0}. As the kubelet does with cAdvisor's data:
 *
 * <ul>
 *   <li>a core's id becomes the lowest logical CPU among its threads (lscpu's CORE, taken per
 *       socket, only groups the threads);
 *   <li>the uncore cache is the L3 id (the field named {@code L3} in the header, else the fourth);
 *       without an L3 it is the socket id;
 *   <li>an empty NODE (machine without NUMA) is node 0.
 * </ul>
 *
 * Errors name the file, line and column.
 */
public final class LscpuImport {
  private LscpuImport() {}

  /** Reads the file; NUMA distances take Linux's default (10 local, 20 remote). */
  public static CpuTopology read(Path file) {
    return read(file, null);
  }

  /** As {@link #read(Path)}, with the NUMA distance matrix lscpu does not print ({@code null} = default). */
  public static CpuTopology read(Path file, NumaDistances distances) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), distances);
    } catch (IOException e) {
      throw new InputError(new Mark(file.toString(), 1, 1), "", "cannot read file: " + e.getMessage());
    }
  }

  /**
   * @param source the name used in error marks (usually the file name)
   * @param distances the NUMA distances, or {@code null} for Linux's default (10 local, 20 remote)
   */
  public static CpuTopology parse(String source, String text, NumaDistances distances) {
    int l3Index = 3;
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank()) continue;
      if (line.stripLeading().startsWith("#")) {
        Integer fromHeader = l3IndexFromHeader(line);
        if (fromHeader != null) l3Index = fromHeader;
        continue;
      }
      rows.add(parseRow(source, lineNo, line, l3Index));
    }
    if (rows.isEmpty()) throw new InputError(new Mark(source, 1, 1), "", "no CPU lines found (expected lscpu -p output)");

    // Threads of one core share (socket, CORE); the kubelet names the core after its lowest CPU.
    Map<Long, Integer> lowestCpuOfCore = new HashMap<>();
    Map<Integer, Row> seen = new HashMap<>();
    for (Row r : rows) {
      Row previous = seen.put(r.cpu, r);
      if (previous != null) {
        throw new InputError(new Mark(source, r.line, 1), "", "CPU " + r.cpu + " is listed twice (first on line "
            + previous.line + ")");
      }
      lowestCpuOfCore.merge(coreKey(r), r.cpu, Math::min);
    }
    List<CpuInfo> cpus = new ArrayList<>();
    for (Row r : rows) {
      int uncore = r.l3 >= 0 ? r.l3 : r.socket;
      cpus.add(new CpuInfo(r.cpu, lowestCpuOfCore.get(coreKey(r)), r.socket, r.node, uncore));
    }
    try {
      return distances == null ? CpuTopology.of(cpus) : CpuTopology.of(cpus, distances);
    } catch (IllegalArgumentException e) {
      throw new InputError(new Mark(source, 1, 1), "", e.getMessage());
    }
  }

  private record Row(int line, int cpu, int core, int socket, int node, int l3) {}

  private static long coreKey(Row r) {
    return ((long) r.socket << 32) | (r.core & 0xffffffffL);
  }

  /** The position of {@code L3} among the cache levels of a header like {@code # CPU,...,L1d:L1i:L2:L3}. */
  private static Integer l3IndexFromHeader(String line) {
    String body = line.stripLeading().substring(1).strip();
    String[] cols = body.split(",", -1);
    if (cols.length < 5 || !cols[0].strip().equalsIgnoreCase("CPU")) return null;
    String[] levels = cols[4].strip().split(":", -1);
    for (int i = 0; i < levels.length; i++) if (levels[i].strip().equalsIgnoreCase("L3")) return i;
    return -1;
  }

  private static Row parseRow(String source, int lineNo, String line, int l3Index) {
    String[] fields = line.split(",", -1);
    if (fields.length != 5) {
      throw new InputError(new Mark(source, lineNo, 1), "", "expected 5 comma-separated fields CPU,CORE,SOCKET,NODE,CACHE"
          + " (lscpu -p=CPU,CORE,SOCKET,NODE,CACHE), found " + fields.length);
    }
    int[] columns = new int[5];
    int col = 1;
    for (int f = 0; f < 5; f++) {
      columns[f] = col;
      col += fields[f].length() + 1;
    }
    int cpu = id(source, lineNo, columns[0], "CPU", fields[0], false);
    int core = id(source, lineNo, columns[1], "CORE", fields[1], false);
    int socket = id(source, lineNo, columns[2], "SOCKET", fields[2], false);
    int node = id(source, lineNo, columns[3], "NODE", fields[3], true);
    int l3 = -1;
    String cache = fields[4].strip();
    if (!cache.isEmpty() && l3Index >= 0) {
      String[] levels = cache.split(":", -1);
      if (l3Index < levels.length) {
        int offset = 0;
        for (int i = 0; i < l3Index; i++) offset += levels[i].length() + 1;
        int leading = fields[4].length() - fields[4].stripLeading().length();
        l3 = id(source, lineNo, columns[4] + leading + offset, "CACHE (L3)", levels[l3Index], true);
      }
    }
    return new Row(lineNo, cpu, core, socket, node, l3);
  }

  /** A non-negative integer; {@code emptyIsZero} fields may be blank (0, or -1 for a cache). */
  private static int id(String source, int line, int column, String name, String raw, boolean emptyAllowed) {
    String v = raw.strip();
    if (v.isEmpty() || v.equals("-")) {
      if (emptyAllowed) return name.startsWith("CACHE") ? -1 : 0;
      throw new InputError(new Mark(source, line, column), "", name + " is empty");
    }
    if (!v.chars().allMatch(Character::isDigit)) {
      throw new InputError(new Mark(source, line, column), "", name + " must be a non-negative integer, found \"" + v + "\"");
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InputError(new Mark(source, line, column), "", name + " " + v + " is out of range");
    }
  }
}
