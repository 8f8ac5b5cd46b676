package dev.switchboard.deploy;

import static dev.switchboard.deploy.DeployFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deploy.Tools.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/systemd: systemd accepts the unit, rates its exposure low, and it has the settings the issue asks. */
final class SystemdTest {

  private static final Path UNIT = DEPLOY.resolve("systemd/switchboard.service").toAbsolutePath();

  @Test
  void systemdAnalyzeVerify_acceptsTheUnit() {
    Path tool = Tools.require("check deploy/systemd/switchboard.service", "systemd-analyze");
    Result result = Tools.run(Duration.ofMinutes(1), List.of(tool.toString(), "verify", UNIT.toString()));
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).as("warnings about the unit").doesNotContain("switchboard.service:");
  }

  /** The overall exposure, 0 (locked down) to 10 (unprotected), must stay at or under 2.0 ("OK"). */
  @Test
  void systemdAnalyzeSecurity_ratesTheUnitOk() {
    Path tool = Tools.require("check deploy/systemd/switchboard.service", "systemd-analyze");
    // --threshold counts in tenths of the level printed: 20 means 2.0.
    Result result = Tools.run(Duration.ofMinutes(1),
        List.of(tool.toString(), "security", "--offline=true", "--threshold=20", UNIT.toString()));
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).contains("Overall exposure level for switchboard.service");
  }

  @Test
  void unit_runsAsADynamicUserWithItsStateDirectory_hardened_andRestarts() {
    List<String> lines = DeployFiles.lines(UNIT);
    assertThat(lines).contains(
        "EnvironmentFile=/etc/switchboard/switchboard.env",
        "DynamicUser=yes",
        "StateDirectory=switchboard",
        "Environment=SWITCHBOARD_DATA_DIR=%S/switchboard",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
        "Restart=on-failure");
    assertThat(lines).filteredOn(l -> l.startsWith("ExecStart=")).singleElement().asString()
        .contains("-XX:MaxRAMPercentage=", "-jar /opt/switchboard/switchboard.jar serve").doesNotContain("-Xmx")
        .contains("-XX:SharedArchiveFile=%S/switchboard/switchboard.jsa");
    // The archive is checked against this JDK and jar before each start, and trained again when either changed.
    assertThat(lines).filteredOn(l -> l.startsWith("ExecStartPre=")).singleElement().asString()
        .startsWith("ExecStartPre=-")
        .contains("-XX:SharedArchiveFile=%S/switchboard/switchboard.jsa -Xshare:on -cp /opt/switchboard/switchboard.jar")
        .contains("-XX:ArchiveClassesAtExit=%S/switchboard/switchboard.jsa", "/opt/switchboard/switchboard.jar warm-up");
  }
}
