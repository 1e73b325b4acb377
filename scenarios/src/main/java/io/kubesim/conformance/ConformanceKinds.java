package io.kubesim.conformance;

import io.kubesim.conformance.cpu.CpuCaseKind;
import io.kubesim.conformance.spread.SpreadCaseKind;
import java.util.List;

/** The registry of case kinds the runner knows. */
public final class ConformanceKinds {
  private ConformanceKinds() {}

  public static List<CaseKind> all() {
    return List.of(new SpreadCaseKind(), new CpuCaseKind());
  }
}
