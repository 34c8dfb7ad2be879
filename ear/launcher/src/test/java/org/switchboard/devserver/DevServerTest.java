package org.switchboard.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command names how WildFly ended, even where standalone.sh's exit code says nothing. */
class DevServerTest {

    @TempDir
    Path dir;

    @Test
    void aKilledServerIsCalledKilledThoughTheScriptExitedWithZero() throws Exception {
        var log = Files.writeString(
                dir.resolve("server.log"), "2026-11-30 08:00:00,000 INFO  [org.jboss.as] WFLYSRV0025: started\n");

        assertThat(DevServer.death(0, log)).contains("killed or crashed");
    }

    @Test
    void aServerStoppedFromOutsideIsCalledSo() throws Exception {
        var log = Files.writeString(
                dir.resolve("server.log"),
                "2026-11-30 08:00:00,000 INFO  [org.jboss.as] WFLYSRV0050: WildFly 39.0.1.Final stopped in 473ms\n");

        assertThat(DevServer.death(0, log)).contains("shut down from outside");
    }

    @Test
    void aNonZeroExitCodeIsReportedAsItIs() {
        assertThat(DevServer.death(1, dir.resolve("absent.log"))).isEqualTo("exit code 1");
    }

    @Test
    void noLogMeansKilledOrCrashed() {
        assertThat(DevServer.death(0, dir.resolve("absent.log"))).contains("killed or crashed");
    }
}
