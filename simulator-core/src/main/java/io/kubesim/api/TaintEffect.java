package io.kubesim.api;

public enum TaintEffect {
  NoSchedule,
  PreferNoSchedule,
  NoExecute
}
