package io.kubesim.sim;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where every pod ever created is now: exactly one {@link State} per pod uid, including pods long
 * gone. Lets tests and reports account for every pod.
 */
public final class PodPhaseLedger {

  public enum State { PENDING, BOUND, RUNNING, TERMINATING, FAILED, DELETED }

  private final Map<String, State> byUid = new LinkedHashMap<>();

  void set(String uid, State state) {
    byUid.put(uid, state);
  }

  public State state(String uid) {
    return byUid.get(uid);
  }

  public Map<String, State> all() {
    return java.util.Collections.unmodifiableMap(byUid);
  }

  public Map<State, Integer> counts() {
    Map<State, Integer> out = new EnumMap<>(State.class);
    for (State s : State.values()) out.put(s, 0);
    byUid.values().forEach(s -> out.merge(s, 1, Integer::sum));
    return out;
  }
}
