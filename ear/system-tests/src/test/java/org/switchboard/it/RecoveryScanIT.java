package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ejb.EJB;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.recovery.BrokerRecoveryScan;

/**
 * Narayana's recovery passes ask the broker under every factory's name, so that a record of a
 * transaction killed in its commit phase, whose branches the broker already committed, is finished
 * instead of retried for ever (ARJUNA016037). Without the scan no such name is ever counted.
 */
class RecoveryScanIT extends InContainerTest {

    @EJB
    BrokerRecoveryScan scan;

    @Test
    void eachRecoveryPassAsksTheBrokerUnderEveryContextsFactoryName() {
        // A pass every 15 s (jms-config/server.cli); the first one may be under way.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(scan.answeredLastPass())
                        .anySatisfy(name -> assertThat(name).startsWith("java:/jms/ordering/JmsXA NodeId:")));

        var answered = scan.answeredLastPass();
        for (var context : new String[] {"webstore", "integration", "marketing", "operations", "ordering"}) {
            assertThat(answered)
                    .as("the broker answered under " + context + "'s factory")
                    .anySatisfy(name -> assertThat(name).startsWith("java:/jms/" + context + "/JmsXA NodeId:"));
        }
        var nodeIds = answered.stream()
                .filter(name -> name.startsWith("java:/jms/"))
                .map(name -> name.substring(name.indexOf(" NodeId:")))
                .distinct()
                .toList();
        assertThat(nodeIds).as("one broker, one node id").hasSize(1);
        assertThat(nodeIds.get(0)).matches(" NodeId:[0-9a-f-]{36}");
    }
}
