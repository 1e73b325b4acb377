package io.kubesim.gui.model;

/**
 * How well exclusively pinned containers are placed at one moment.
 *
 * @param exclusive containers with exclusive CPUs
 * @param numaAligned of those, the ones whose CPUs lie in one NUMA node
 * @param socketAligned of those, the ones whose CPUs lie in one socket
 */
public record Alignment(int exclusive, int numaAligned, int socketAligned) {
  public static final Alignment NONE = new Alignment(0, 0, 0);

  /** Share aligned to one NUMA node, 1.0 when nothing is pinned. */
  public double numaShare() {
    return exclusive == 0 ? 1.0 : (double) numaAligned / exclusive;
  }

  public double socketShare() {
    return exclusive == 0 ? 1.0 : (double) socketAligned / exclusive;
  }
}
