package io.kubesim.api;

/** A Kubernetes int-or-string such as {@code maxSurge: 25%} or {@code maxUnavailable: 1}. */
public record IntOrString(Integer intValue, String strValue) {

  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  public static IntOrString percent(int percent) {
    return new IntOrString(null, percent + "%");
  }

  public boolean isPercent() {
    return strValue != null;
  }

  /**
   * Upstream {@code intstr.GetScaledValueFromIntOrPercent}: an int as is; a percentage of
   * {@code total}, rounded up or down.
   *
   * @throws IllegalArgumentException when the string is not {@code N%}
   */
  public int scaledValue(int total, boolean roundUp) {
    if (intValue != null) return intValue;
    if (!strValue.endsWith("%")) throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
    int p;
    try {
      p = Integer.parseInt(strValue.substring(0, strValue.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value \"" + strValue + "\": must be an integer or a percentage");
    }
    long scaled = (long) p * total;
    return (int) (roundUp ? -Math.floorDiv(-scaled, 100) : Math.floorDiv(scaled, 100));
  }

  @Override
  public String toString() {
    return intValue != null ? intValue.toString() : strValue;
  }
}
