package io.kubesim.reports.html;

/** A small HTML writer: escaped text, and the page frame with its inline stylesheet. */
public final class Html {
  private final StringBuilder out = new StringBuilder();

  public static String esc(Object o) {
    String s = String.valueOf(o);
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Raw markup (already escaped). */
  public Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** {@code <tag>text</tag>} with the text escaped. */
  public Html el(String tag, Object text) {
    out.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag.split(" ")[0]).append(">\n");
    return this;
  }

  public Html open(String tag) {
    out.append('<').append(tag).append(">\n");
    return this;
  }

  public Html close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** A figure holding an inline SVG chart. */
  public Html figure(String svg, String caption) {
    out.append("<figure>").append(svg).append("<figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    return this;
  }

  /** The whole page: one file, CSS inline, nothing fetched, printable. */
  public String page(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + esc(title) + "</title>\n<style>\n" + CSS
        + "</style>\n</head>\n<body>\n" + out + "</body>\n</html>\n";
  }

  private static final String CSS = """
      body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 62em; color: #222; line-height: 1.4; }
      h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; } h3 { margin-bottom: .3em; }
      table { border-collapse: collapse; margin: .6em 0; font-size: .9em; }
      th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .pass { color: #1a7f37; font-weight: bold; } .fail { color: #b00020; font-weight: bold; }
      td.diff { background: #fff3c4; }
      .verdict { font-size: 1.05em; padding: .5em .8em; border-left: 4px solid #888; background: #f7f7f7; margin: .4em 0; }
      .verdict.pass { border-color: #1a7f37; color: inherit; font-weight: normal; } .verdict.fail { border-color: #b00020; color: inherit; font-weight: normal; }
      figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; } figcaption { font-size: .85em; color: #555; }
      svg { max-width: 100%; height: auto; }
      .cpumap { display: flex; flex-wrap: wrap; gap: .6em; margin: .4em 0 1em; }
      .socket { border: 2px solid #666; padding: .3em; } .numa { border: 1px dashed #999; padding: .2em; margin: .2em 0; display: flex; flex-wrap: wrap; gap: 2px; max-width: 30em; }
      .core { display: inline-flex; border: 1px solid #bbb; } .cpu { width: .8em; height: .8em; display: inline-block; }
      .cpu.free { background: #e8f5e9; } .cpu.reserved { background: #9e9e9e; } .cpu.used { background: #1f77b4; }
      .legend span { display: inline-block; margin-right: 1em; } .small { font-size: .85em; color: #555; }
      @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
      """;
}
