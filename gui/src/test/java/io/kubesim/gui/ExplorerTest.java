package io.kubesim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.gui.view.ChartsView;
import io.kubesim.gui.view.ClusterView;
import io.kubesim.gui.view.NodeCpuView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer, headless (Monocle): open a library scenario, move through time, pick a node and a pod. */
@ExtendWith(ApplicationExtension.class)
class ExplorerTest {
  private ExplorerPane pane;

  @Start
  void start(Stage stage) {
    pane = new ExplorerPane(stage);
    stage.setScene(new Scene(pane, 1400, 850));
    stage.show();
  }

  private void openRollingUpgrade(FxRobot robot) throws Exception {
    robot.interact(() -> pane.open(Library.ROLLING_UPGRADE, null));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pane.replay() != null && !robot.lookup("#next").query().isDisabled());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void openingAScenarioListsItsVariantsAndDrawsEveryNode(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    ComboBox<String> variants = robot.lookup("#variant").queryComboBox();
    assertThat(variants.getItems()).containsExactly("without-matchLabelKeys", "with-matchLabelKeys");
    assertThat(variants.getValue()).isEqualTo("without-matchLabelKeys");
    assertThat(pane.clusterView().tiles().tiles()).hasSize(9);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("rolling-upgrade-zone-skew / without-matchLabelKeys");
  }

  @Test
  void nextAndPreviousStepThroughTheMomentsThatChangedAnything(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> pane.select(0));
    robot.clickOn("#next");
    long first = pane.time();
    assertThat(first).isPositive();
    assertThat(pane.time()).isEqualTo(pane.replay().frames().get(pane.replay().indexAt(first)).time());
    robot.clickOn("#next");
    assertThat(pane.time()).isGreaterThan(first);
    robot.clickOn("#prev");
    assertThat(pane.time()).isEqualTo(first);
    assertThat(robot.lookup("#time").queryAs(Label.class).getText()).startsWith("t=" + io.kubesim.controllers.SimTime.human(first));
  }

  @Test
  void theScrubberPicksAnyTimeAndPlayAdvancesUntilPaused(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    javafx.scene.control.Slider scrubber = robot.lookup("#scrubber").queryAs(javafx.scene.control.Slider.class);
    robot.interact(() -> scrubber.setValue(12 * 60_000));
    assertThat(pane.time()).isEqualTo(12 * 60_000);
    robot.interact(() -> pane.select(0));
    robot.clickOn("#play");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.time() > 0);
    robot.clickOn("#pause");
    long paused = pane.time();
    WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    assertThat(pane.time()).isEqualTo(paused);
    assertThat(scrubber.getValue()).isEqualTo((double) paused);
  }

  @Test
  void eventButtonsJumpToTheScenariosTimelineEvents(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> pane.select(0));
    robot.clickOn("#next-event");
    assertThat(pane.time()).isEqualTo(10 * 60_000);
    robot.clickOn("#next-event");
    assertThat(pane.time()).isEqualTo(10 * 60_000);
    robot.interact(() -> pane.select(20 * 60_000));
    robot.clickOn("#prev-event");
    assertThat(pane.time()).isEqualTo(10 * 60_000);
  }

  @Test
  void clickingAChartMovesEveryViewToThatTime(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    ChartsView charts = robot.lookup("#charts-view").queryAs(ChartsView.class);
    long target = 15 * 60_000;
    robot.clickOn(charts.localToScreen(charts.xOf(target), charts.getHeight() / 2));
    assertThat(pane.time()).isCloseTo(target, org.assertj.core.data.Offset.offset(20_000L));
    assertThat(robot.lookup("#scrubber").queryAs(javafx.scene.control.Slider.class).getValue()).isEqualTo((double) pane.time());
  }

  @Test
  void hoveringANodeDescribesItsPods(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> pane.select(pane.replay().scenario().durationMs()));
    ClusterView cluster = pane.clusterView();
    double[] c = cluster.centreOf("worker-3");
    int pods = pane.replay().frameAt(pane.time()).podsOn("worker-3").size();
    assertThat(cluster.describe(c[0], c[1])).startsWith("worker-3  (zone zone-a)\nReady\ntaints: none\n" + pods + " pods");
  }

  @Test
  void clickingANodeShowsItsPodsAndAPodsScores(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> pane.select(pane.replay().scenario().durationMs()));
    String node = pane.replay().frameAt(pane.time()).pods().get(0).node();
    ClusterView cluster = pane.clusterView();
    double[] c = cluster.centreOf(node);
    Point2D onScreen = cluster.localToScreen(c[0], c[1]);
    robot.clickOn(onScreen);
    assertThat(cluster.selectedNodeProperty().get()).isEqualTo(node);
    NodeCpuView nodeView = robot.lookup("#node-view").queryAs(NodeCpuView.class);
    assertThat(nodeView.node().name()).isEqualTo(node);
    assertThat(nodeView.showsCpuGrid()).isFalse();

    robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2));
    ListView<String> pods = robot.lookup("#pods").queryListView();
    assertThat(pods.getItems()).isNotEmpty().allSatisfy(i -> assertThat(i).endsWith("on " + node));
    robot.interact(() -> pods.getSelectionModel().select(0));
    String story = robot.lookup("#story").queryAs(TextArea.class).getText();
    assertThat(story).contains("bound to " + node).contains("NodeResourcesFit");
  }

  @Test
  void comparingShowsBothVariantsAtTheSameMoment(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    robot.interact(() -> robot.lookup("#compare").queryComboBox().getSelectionModel().select("with-matchLabelKeys"));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#compare-view").tryQuery().isPresent()
        && robot.lookup("#compare-view").queryAs(ClusterView.class).tiles() != null);
    ClusterView other = robot.lookup("#compare-view").queryAs(ClusterView.class);
    assertThat(other.tiles().tiles()).hasSize(9);
    assertThat(other.isVisible()).isTrue();
    assertThat(robot.lookup("#compare-charts-view").tryQuery()).isPresent();
    robot.interact(() -> robot.lookup("#compare").queryComboBox().getSelectionModel().select(ExplorerPane.NONE));
    assertThat(robot.lookup("#compare-view").tryQuery()).isEmpty();
  }

  @Test
  void zoomingInMakesTheClusterTallerThanTheWindowAndZoomingOutFitsItAgain(FxRobot robot) throws Exception {
    openRollingUpgrade(robot);
    double before = pane.clusterView().tiles().tile();
    double height = pane.clusterView().getHeight();
    robot.clickOn("#zoom-in");
    robot.clickOn("#zoom-in");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.clusterView().getHeight()).isGreaterThan(height * 2);
    assertThat(pane.clusterView().tiles().tile()).isGreaterThanOrEqualTo(before);
    robot.clickOn("#zoom-out");
    robot.clickOn("#zoom-out");
    robot.clickOn("#zoom-out");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.clusterView().getHeight()).isEqualTo(height);
  }

  @Test
  void exportWritesTheShownViewsAsPng(FxRobot robot, @TempDir Path dir) throws Exception {
    openRollingUpgrade(robot);
    Path out = dir.resolve("view.png");
    robot.interact(() -> pane.export(out));
    assertThat(Files.readAllBytes(out)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(dir.toFile().list()).containsExactly("view.png");
  }
}
