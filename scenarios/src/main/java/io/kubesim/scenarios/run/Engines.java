package io.kubesim.scenarios.run;

/** The engine the CLI runs scenarios with. */
public final class Engines {
  private Engines() {}

  /**
   * Until the controllers of simulator-core implement {@link io.kubesim.sim.Operations}, the
   * {@link BasicEngine}: replace this with the controllers' factory.
   */
  public static final Engine DEFAULT = BasicEngine::attachTo;
}
