package org.switchboard.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNetworkTest {

    @Test
    void onLoopbackEveryNodeIsOneHostAndCommandsRunUnchanged() {
        var network = HostNetwork.planned("10.77.0", 2, false);

        assertThat(network.separateHosts()).isFalse();
        assertThat(network.hubHost()).isEqualTo("127.0.0.1");
        assertThat(network.nodeHost(1)).isEqualTo("127.0.0.1");
        assertThat(network.nodeMapping(2)).isEqualTo("node-1+node-2=127.0.0.1");
        assertThat(network.nodeSubnet()).isNull();
        assertThat(network.onNode(1, List.of("standalone.sh"))).containsExactly("standalone.sh");
        assertThat(network.brokerBind()).isEmpty();
    }

    @Test
    void inNamespacesEachNodeHasItsOwnAddressAndTheBrokersTheBridges() {
        var network = HostNetwork.planned("10.88.1", 2, true);

        assertThat(network.separateHosts()).isTrue();
        assertThat(network.hubHost()).isEqualTo("10.88.1.1");
        assertThat(network.nodeHost(0)).isEqualTo("10.88.1.11");
        assertThat(network.nodeHost(1)).isEqualTo("10.88.1.12");
        assertThat(network.nodeMapping(2)).isEqualTo("node-1=10.88.1.11,node-2=10.88.1.12");
        assertThat(network.nodeSubnet()).isEqualTo("10.88.1.0/24");
        assertThat(network.onNode(1, List.of("standalone.sh", "-b=10.88.1.12")))
                .containsExactly("ip", "netns", "exec", "sb-node-2", "standalone.sh", "-b=10.88.1.12");
        assertThat(network.brokerHosts())
                .containsEntry("switchboard.broker-a.host", "10.88.1.1")
                .containsEntry("switchboard.broker-b.host", "10.88.1.1");
        assertThat(network.brokerBind()).containsEntry("switchboard.broker.bind", "10.88.1.1");
    }

    @Test
    void anUnknownModeIsRefusedByName() {
        System.setProperty(HostNetwork.PROPERTY, "bridged");
        try {
            assertThatThrownBy(() -> HostNetwork.configured(2, "loopback"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loopback, namespaces or auto, not bridged");
        } finally {
            System.clearProperty(HostNetwork.PROPERTY);
        }
    }
}
