package io.kubesim.yaml;

/** A position in an input file; lines and columns count from 1, as editors show them. */
public record Mark(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
