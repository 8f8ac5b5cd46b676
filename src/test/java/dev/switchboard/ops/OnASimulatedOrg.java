package dev.switchboard.ops;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against the demo org in the simulator, started fresh for each test with its files in a directory of its
 * own, and stopped after it. A test that restarts it ({@code sim.close(); sim = new SimulatedOrg(dataDir)}) may.
 */
abstract class OnASimulatedOrg {

  @TempDir
  Path dataDir;
  SimulatedOrg sim;

  @BeforeEach
  void startTheOrg() {
    sim = new SimulatedOrg(dataDir);
  }

  @AfterEach
  void stopTheOrg() {
    if (sim != null) sim.close();
  }
}
