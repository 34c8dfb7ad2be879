package org.switchboard.operations.broker.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerNodesTest {

    final ConsumerNodes nodes = new ConsumerNodes(Map.of("127.0.0.11", "node-1", "127.0.0.12", "node-2"), "node-9");

    @Test
    void aRemoteConsumerIsTheNodeItsConnectionComesFrom() {
        assertThat(nodes.node("/127.0.0.11:43122")).isEqualTo("node-1");
        assertThat(nodes.node("127.0.0.12:50000")).isEqualTo("node-2");
    }

    @Test
    void anInVmConsumerIsThisNodes() {
        assertThat(nodes.node("invm:0")).isEqualTo("node-9");
    }

    @Test
    void aHostNoSettingNamesIsShownAsItself() {
        assertThat(nodes.node("/10.1.2.3:61616")).isEqualTo("10.1.2.3");
        assertThat(nodes.node("")).isEqualTo("unknown");
    }
}
