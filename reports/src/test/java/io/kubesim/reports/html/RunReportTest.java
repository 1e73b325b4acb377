package io.kubesim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.reports.cli.ReportsMain;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The report of a library scenario: one well-formed page, its charts inline, nothing fetched. */
class RunReportTest {
  @TempDir Path out;

  static final Path LIBRARY = Path.of("..", "scenarios", "library");

  /** Parses the page strictly (it is written as XHTML-compatible HTML), with external entities and DTDs refused. */
  static Document parse(Path html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setNamespaceAware(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(html))));
  }

  /** Every href, src, xlink:href and url(...) in the page. */
  static List<String> references(Document doc, String text) {
    List<String> refs = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      NamedNodeMap attrs = all.item(i).getAttributes();
      for (int a = 0; a < attrs.getLength(); a++) {
        String name = attrs.item(a).getNodeName();
        if (name.equals("href") || name.endsWith(":href") || name.equals("src")) refs.add(attrs.item(a).getNodeValue());
      }
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("url\\(([^)]*)\\)").matcher(text);
    while (m.find()) refs.add(m.group(1).replace("\"", "").replace("'", ""));
    return refs;
  }

  static void assertSelfContained(Path html) throws Exception {
    String text = Files.readString(html);
    Document doc = parse(html);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("link").getLength()).isZero();
    assertThat(text).doesNotContain("@import").doesNotContain("@font-face");
    assertThat(references(doc, text)).allMatch(r -> r.startsWith("#") || r.startsWith("data:"));
  }

  @Test
  void theRollingUpgradeReportIsOneSelfContainedPageWithItsCharts() throws Exception {
    Path dir = out.resolve("r");
    int code = ReportsMain.execute("report", LIBRARY.resolve("rolling-upgrade-zone-skew.yaml").toString(), "--out", dir.toString());

    assertThat(code).isZero();
    Path html = dir.resolve("report.html");
    assertSelfContained(html);
    Document doc = parse(html);
    // skew over time, pods per domain for each of two variants, pending pods
    assertThat(doc.getElementsByTagName("svg").getLength()).isGreaterThanOrEqualTo(4);
    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).contains("Verdict").contains("Variants side by side").contains("without-matchLabelKeys").contains("with-matchLabelKeys")
        .contains("maxSkew 1").contains("rollout (with-matchLabel");
    assertThat(dir.resolve("summary.json")).exists();
    assertThat(dir.resolve("timeline.csv")).exists();
    assertThat(dir.resolve("timeline.jsonl")).exists();
    assertThat(firstCell(doc, "diff")).as("a row differing between variants is highlighted").isNotNull();
  }

  @Test
  void thePinningReportHasAlignmentStrandedCpusAndCpuMaps() throws Exception {
    Path dir = out.resolve("p");
    int code = ReportsMain.execute("report", LIBRARY.resolve("epyc-cpu-pinning.yaml").toString(), "--out", dir.toString(), "--variant",
        "full-pcpus-only");

    assertThat(code).isZero();
    assertSelfContained(dir.resolve("report.html"));
    String text = Files.readString(dir.resolve("report.html"));
    assertThat(text).contains("CPU pinning").contains("Admission failures by reason").contains("SMTAlignmentError")
        .contains("Per node pool").contains("most fragmented").contains("least fragmented").contains("class=\"cpu used\"");
    assertThat(dir.resolve("cpumap.json")).exists();
  }

  @Test
  void aRunDirectoryIsRenderedWithoutRunningAgain() throws Exception {
    Path dir = out.resolve("run");
    assertThat(io.kubesim.cli.Main.execute("run", LIBRARY.resolve("zone-reboot-taints-policy.yaml").toString(), "--out", dir.toString())).isZero();
    long before = Files.getLastModifiedTime(dir.resolve("summary.json")).toMillis();
    String summary = Files.readString(dir.resolve("summary.json"));

    int code = ReportsMain.execute("report", dir.toString());

    assertThat(code).isZero();
    assertSelfContained(dir.resolve("report.html"));
    assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(summary);
    assertThat(Files.getLastModifiedTime(dir.resolve("summary.json")).toMillis()).isEqualTo(before);
    assertThat(ReportsMain.execute("report", dir.toString())).as("report.html exists: needs --force").isEqualTo(2);
    assertThat(ReportsMain.execute("report", dir.toString(), "--force")).isZero();
  }

  @Test
  void anExistingOutputNeedsForceAndBadInputWritesNothing() throws Exception {
    Path dir = Files.createDirectories(out.resolve("full"));
    Files.writeString(dir.resolve("keep.txt"), "x");
    Path file = LIBRARY.resolve("rolling-upgrade-zone-skew.yaml");

    assertThat(ReportsMain.execute("report", file.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(dir.resolve("keep.txt")).exists();

    Path bad = Path.of("..", "scenarios", "src", "test", "resources", "bad-inputs", "plan-unknown-pool.yaml");
    Path target = out.resolve("bad");
    assertThat(ReportsMain.execute("report", bad.toString(), "--out", target.toString())).isEqualTo(2);
    assertThat(target).doesNotExist();
    assertThat(ReportsMain.execute("report", out.resolve("nothing-here").toString())).isEqualTo(2);
  }

  private static Element firstCell(Document doc, String cls) {
    NodeList tds = doc.getElementsByTagName("td");
    for (int i = 0; i < tds.getLength(); i++) {
      Element e = (Element) tds.item(i);
      if (cls.equals(e.getAttribute("class"))) return e;
    }
    return null;
  }
}
