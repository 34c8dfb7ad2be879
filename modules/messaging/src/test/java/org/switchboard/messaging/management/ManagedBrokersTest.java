package org.switchboard.messaging.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManagedBrokersTest {

    @Test
    void noBrokersNamedMeansTheEmbeddedOne() {
        var brokers = ManagedBrokers.of("", "switchboard-management", "");

        assertThat(brokers).singleElement().satisfies(broker -> {
            assertThat(broker.name()).isEqualTo("embedded");
            assertThat(broker.embedded()).isTrue();
            assertThat(broker.endpoint()).isEqualTo("in-process");
        });
    }

    @Test
    void namedBrokersAreReachedOverJmxInTheirOrder() {
        var brokers = ManagedBrokers.of(
                "broker-a=service:jmx:rmi:///jndi/rmi://127.0.0.1:17160/jmxrmi, "
                        + "broker-b=service:jmx:rmi:///jndi/rmi://127.0.0.1:17161/jmxrmi",
                "switchboard-management",
                "secret");

        assertThat(brokers).extracting(ManagedBroker::name).containsExactly("broker-a", "broker-b");
        assertThat(brokers.get(1).endpoint()).isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:17161/jmxrmi");
        assertThat(brokers).noneMatch(ManagedBroker::embedded);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsDownAndTriedAgainOnlyAfterAWhile() throws Exception {
        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        var broker = ManagedBrokers.of("broker-a=service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi", "u", "p")
                .get(0);

        assertThat(broker.state()).isEqualTo(BrokerState.DOWN);
        assertThatThrownBy(broker::connection).hasMessageContaining("a moment ago");
    }

    @Test
    void aSettingThatIsNotNameEqualsUrlIsRefused() {
        assertThatThrownBy(() -> ManagedBrokers.of("service:jmx:rmi:///jndi/rmi://h:1/jmxrmi", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=service:jmx");
        assertThatThrownBy(() -> ManagedBrokers.of("broker-a=http://h:1", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
