package io.kubesim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import picocli.CommandLine;

/** {@code sim gui --snapshot}: the toolkit is started by TestFX here, as it is once per test JVM. */
@ExtendWith(ApplicationExtension.class)
class SnapshotCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new GuiCommand());
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(out, true));
    return cmd.execute(args);
  }

  @Test
  void rendersTheClusterViewAtAMomentToAPng() throws Exception {
    Path png = dir.resolve("cluster.png");
    assertThat(run("--snapshot", png.toString(), "--at", "10m40s", Library.ROLLING_UPGRADE.toString())).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo((int) StandaloneViews.WIDTH);
    assertThat(out.toString()).contains("Wrote " + png);
  }

  @Test
  void rendersTheCpuGridOfAPinningNode() throws Exception {
    Path png = dir.resolve("node.png");
    assertThat(run("--snapshot", png.toString(), "--view", "node:epyc-0", Library.EPYC.toString())).as(err.toString()).isZero();
    assertThat(Files.size(png)).isPositive();
  }

  @Test
  void comparingPutsTheSecondVariantsChartsBelowTheFirst() throws Exception {
    Path png = dir.resolve("charts.png");
    assertThat(run("--snapshot", png.toString(), "--view", "charts", "--compare", "with-matchLabelKeys", Library.ROLLING_UPGRADE.toString()))
        .as(err.toString()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getHeight()).isEqualTo((int) StandaloneViews.HEIGHT);
  }

  @Test
  void theNodeViewHasNothingToCompare() {
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), "--view", "node:worker-1", "--compare", "with-matchLabelKeys",
        Library.ROLLING_UPGRADE.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--compare works with the cluster and charts views");
  }

  @Test
  void anUnknownViewIsRejectedBeforeAnythingRuns() {
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), "--view", "nodes", Library.ROLLING_UPGRADE.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--view: unknown view \"nodes\"; use cluster, node:NAME or charts");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aBadTimeNamesTheOptionAndTheFormat() {
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), "--at", "ten", Library.ROLLING_UPGRADE.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--at: invalid time \"ten\"");
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), "--at", "2h", Library.ROLLING_UPGRADE.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("after the scenario's end (duration 30m)");
  }

  @Test
  void anUnknownNodeSuggestsTheClosestName() {
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), "--view", "node:worker-33", Library.ROLLING_UPGRADE.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no node \"worker-33\"").contains("did you mean");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aBadScenarioFileIsReportedWithItsLineAndColumn() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: kubesim.io/v1alpha1\nkind: Scenario\nname: x\nduration: soon\n");
    assertThat(run("--snapshot", dir.resolve("x.png").toString(), bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(bad + ":4:").contains("duration");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }
}
