package io.kubesim.scenarios;

import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes the {@code plan:} section strictly, as the rest of the format: unknown keys and enum
 * values name the closest valid one, pools and workloads must exist (at the start of the
 * scenario, which is what the plan sizes), and the numbers must make sense for the pool.
 */
final class PlanDecoder {
  static final List<String> QUESTIONS = List.of("fewestNodes", "headroom");
  /** Far above what a solver answers in seconds; keeps a typo from asking for a million nodes. */
  static final int MAX_NODES = 1000;
  static final int MAX_REPLICAS = 10_000;
  private static final long DEFAULT_TIME_LIMIT_MS = 10_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final Map<String, NodePool> pools;
  private final List<String> workloadKeys;

  PlanDecoder(Map<String, NodePool> pools, List<String> workloadKeys) {
    this.pools = pools;
    this.workloadKeys = workloadKeys;
  }

  Plan decode(YamlNode node) {
    YamlNode.Map m = node.asMap().allowOnly("timeLimit", "stepLimit", "questions");
    long timeLimit = m.opt("timeLimit", Durations::positive, DEFAULT_TIME_LIMIT_MS);
    Long stepLimit = null;
    YamlNode steps = m.opt("stepLimit");
    if (steps != null) {
      stepLimit = steps.asLong();
      if (stepLimit < 1) throw steps.error("must be at least 1");
    }
    YamlNode questions = m.require("questions");
    if (questions.asSeq().items().isEmpty()) throw questions.error("needs at least one question: " + String.join(", ", QUESTIONS));
    Map<String, YamlNode> names = new HashMap<>();
    List<Plan.Question> out = new ArrayList<>();
    for (YamlNode item : questions.asSeq().items()) {
      Plan.Question q = question(item);
      YamlNode first = names.put(q.name(), item.asMap().get("name"));
      if (first != null) throw item.asMap().get("name").error("duplicate question name \"" + q.name() + "\" (first at line " + first.mark().line() + ")");
      out.add(q);
    }
    return new Plan(timeLimit, stepLimit, out);
  }

  private Plan.Question question(YamlNode item) {
    List<String> allowed = new ArrayList<>(QUESTIONS);
    allowed.add("name");
    YamlNode.Map m = item.asMap().allowOnly(allowed.toArray(String[]::new));
    YamlNode nameNode = m.require("name");
    String name = nameNode.asString();
    if (!NAME.matcher(name).matches() || name.length() > 63) {
      throw nameNode.error("invalid question name \"" + name + "\": use lower case letters, digits and '-'");
    }
    List<String> kinds = m.fields().keySet().stream().filter(QUESTIONS::contains).toList();
    if (kinds.isEmpty()) throw item.error("missing the question: one of " + String.join(", ", QUESTIONS));
    if (kinds.size() > 1) throw m.get(kinds.get(1)).error("one question per entry: found \"" + kinds.get(0) + "\" and \"" + kinds.get(1) + "\"");
    YamlNode v = m.require(kinds.get(0));
    return kinds.get(0).equals("fewestNodes") ? fewestNodes(v, name) : headroom(v, name);
  }

  private Plan.FewestNodes fewestNodes(YamlNode v, String name) {
    YamlNode.Map e = v.asMap().allowOnly("pool", "per", "max", "zonesLost", "nodesDown", "aligned");
    YamlNode poolNode = e.require("pool");
    NodePool pool = pools.get(poolNode.asString());
    if (pool == null) {
      throw poolNode.error("no node pool \"" + poolNode.asString() + "\"" + Suggest.closest(poolNode.asString(), pools.keySet())
          + (pools.isEmpty() ? "; the scenario has no nodePools" : "; pools: " + String.join(", ", pools.keySet())));
    }
    Plan.Per per = e.opt("per", n -> Plan.Per.valueOf(n.asEnum(names(Plan.Per.values()))), pool.zones().isEmpty() ? Plan.Per.pool : Plan.Per.zone);
    if (per == Plan.Per.zone && pool.zones().isEmpty()) throw e.get("per").error("pool " + pool.name() + " has no zones to count nodes per");
    YamlNode maxNode = e.require("max");
    int max = maxNode.asInt();
    if (max < 1 || max > MAX_NODES) throw maxNode.error("must be between 1 and " + MAX_NODES);
    int zonesLost = e.opt("zonesLost", YamlNode::asInt, 0);
    if (zonesLost < 0) throw e.get("zonesLost").error("must be greater than or equal to 0");
    if (zonesLost > 0 && zonesLost >= pool.zones().size()) {
      throw e.get("zonesLost").error("pool " + pool.name() + " has " + pool.zones().size() + " zone(s); at least one must remain");
    }
    int nodesDown = e.opt("nodesDown", YamlNode::asInt, 0);
    if (nodesDown < 0) throw e.get("nodesDown").error("must be greater than or equal to 0");
    int total = per == Plan.Per.zone ? max * pool.zones().size() : max;
    if (nodesDown >= total) throw e.get("nodesDown").error("takes down all of the at most " + total + " nodes tried (max)");
    Plan.Alignment aligned = e.opt("aligned", n -> Plan.Alignment.valueOf(n.asEnum(names(Plan.Alignment.values()))), Plan.Alignment.none);
    if (aligned != Plan.Alignment.none && !pool.pinsCpus()) {
      throw e.get("aligned").error("pool " + pool.name() + " does not pin CPUs (its kubelet needs cpuManagerPolicy: static)");
    }
    return new Plan.FewestNodes(v.mark(), name, pool.name(), per, max, zonesLost, nodesDown, aligned);
  }

  private Plan.Headroom headroom(YamlNode v, String name) {
    YamlNode.Map e = v.asMap().allowOnly("workload", "max");
    YamlNode w = e.require("workload");
    ObjectRef ref = ObjectRef.parse(w, ObjectRef.WORKLOAD_KINDS);
    if (!workloadKeys.contains(ref.key())) {
      List<String> all = new ArrayList<>();
      for (String k : workloadKeys) {
        String[] p = k.split("/", 3);
        if (ObjectRef.WORKLOAD_KINDS.contains(p[0])) all.add(new ObjectRef(p[0], p[1], p[2]).toString());
      }
      throw w.error("no " + ref.kind() + " \"" + ref.name() + "\" in namespace " + ref.namespace() + " at the start of the scenario"
          + Suggest.closest(ref.toString(), all) + (all.isEmpty() ? "; it has no workloads" : "; workloads: " + String.join(", ", all)));
    }
    YamlNode maxNode = e.require("max");
    int max = maxNode.asInt();
    if (max < 1 || max > MAX_REPLICAS) throw maxNode.error("must be between 1 and " + MAX_REPLICAS);
    return new Plan.Headroom(v.mark(), name, ref, max);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
