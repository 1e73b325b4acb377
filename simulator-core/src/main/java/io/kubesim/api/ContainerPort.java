package io.kubesim.api;

/** {@code hostPort} 0 = none; protocol defaults to TCP, hostIP to 0.0.0.0. */
public record ContainerPort(int containerPort, int hostPort, String protocol, String hostIP) {
  public ContainerPort {
    protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    hostIP = hostIP == null || hostIP.isEmpty() ? "0.0.0.0" : hostIP;
  }
}
