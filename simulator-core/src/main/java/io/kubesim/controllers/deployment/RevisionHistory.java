package io.kubesim.controllers.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code cleanupDeployment}: keep at most {@code revisionHistoryLimit} (default 10; 
 * {@code Integer.MAX_VALUE} = keep all) old ReplicaSets. Candidates are the old RSes not being
 * deleted, lowest revision first; of the first {@code count − limit} candidates, those with
 * {@code spec.replicas == 0} and {@code status.replicas == 0} are deleted (others are skipped,
 * not replaced by later ones).
 */
public final class RevisionHistory {
  public static final int DEFAULT_LIMIT = 10;

  private RevisionHistory() {}

  static void cleanup(Sync s, List<ReplicaSetState> oldRSs) {
    Integer configured = s.d.spec().revisionHistoryLimit();
    int limit = configured == null ? DEFAULT_LIMIT : configured;
    if (limit == Integer.MAX_VALUE) return;
    List<ReplicaSetState> cleanable = new ArrayList<>();
    for (ReplicaSetState rs : oldRSs) {
      if (!rs.replicaSet().metadata().isTerminating()) cleanable.add(rs);
    }
    int diff = cleanable.size() - limit;
    if (diff <= 0) return;
    cleanable.sort(ReplicaSetOrder.BY_REVISION);
    for (int i = 0; i < diff; i++) {
      ReplicaSetState rs = cleanable.get(i);
      if (rs.statusReplicas() != 0 || rs.specReplicas() != 0) continue;
      s.delete(rs);
    }
  }
}
