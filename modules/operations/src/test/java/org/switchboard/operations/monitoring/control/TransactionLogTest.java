package org.switchboard.operations.monitoring.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.operations.monitoring.entity.LoggedTransaction;

class TransactionLogTest {

    static final String INTEGRATION = "java:/jms/integration/JmsXA NodeId:1574a239-ed39-11f1-86b7-02fc00000001";
    static final String ACTIONS =
            "ShadowNoFileLockStore/defaultStore/StateManager/BasicAction/TwoPhaseCoordinator/AtomicAction";

    @TempDir
    Path store;

    @Test
    void eachRecordIsATransactionWithTheResourcesOfItsBranchesOnceEach() throws IOException {
        // Two branches on one factory, as Integration's consume-and-send leaves them (cluster run 10).
        write(
                ACTIONS + "/0_ffff7f000001_3dd27487_6b0e425e_467",
                "ActiveMQ Artemis",
                "2.44.0",
                INTEGRATION,
                INTEGRATION);
        write(
                ACTIONS + "/0_ffff7f000001_3dd27487_6b0e425e_475",
                "ActiveMQ Artemis",
                "java:/jms/ordering/JmsXA NodeId:x");

        var log = TransactionLog.read(store);

        assertThat(log)
                .extracting(LoggedTransaction::id)
                .containsExactlyInAnyOrder(
                        "0:ffff7f000001:3dd27487:6b0e425e:467", "0:ffff7f000001:3dd27487:6b0e425e:475");
        assertThat(log)
                .filteredOn(t -> t.id().endsWith(":467"))
                .singleElement()
                .satisfies(t -> assertThat(t.participants())
                        .extracting(LoggedTransaction.Participant::resource)
                        .containsExactly(INTEGRATION));
        assertThat(log).noneMatch(LoggedTransaction::heuristic);
    }

    @Test
    void filesOutsideTheActionRecordsAreNotTransactions() throws IOException {
        write("ShadowNoFileLockStore/defaultStore/EISNAME/0_ffff7f000001_-1b30cd42_6b0e4206_5d", INTEGRATION);

        assertThat(TransactionLog.read(store)).isEmpty();
    }

    @Test
    void noStoreYetMeansNothingLogged() throws IOException {
        assertThat(TransactionLog.read(store.resolve("tx-object-store"))).isEmpty();
    }

    @Test
    void aJournalStoreIsNotReadableThisWay() throws IOException {
        Files.createDirectories(store.resolve("HornetqObjectStore"));

        assertThat(TransactionLog.read(store)).isNull();
    }

    /** Strings packed the way Narayana packs them: a length (with the final NUL), then the bytes, padded to 4. */
    private void write(String relative, String... strings) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(0x23424501);
        for (var s : strings) {
            var text = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            out.writeInt(text.length);
            out.write(text);
            out.write(new byte[(4 - text.length % 4) % 4]);
            out.writeInt(0);
        }
        var file = store.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
    }
}
