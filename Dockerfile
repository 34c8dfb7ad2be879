# Switchboard: the provisioned WildFly (same Galleon layers and jms-config/ CLI as run and tests)
# with switchboard.ear deployed. PostgreSQL is external: name it with SWITCHBOARD_DB_* variables.
#
#   docker build -t switchboard .
#   docker run -p 8080:8080 -e SWITCHBOARD_DB_HOST=db.example -e SWITCHBOARD_DB_PASSWORD=... switchboard
#
# The database needs max_prepared_transactions > 0 (XA). Give every replica its own
# SWITCHBOARD_TX_NODE_ID: transaction recovery only touches branches with its own node id.

# Cluster mode's node (docs/scale-out.md): the same EAR on WildFly with remote-activemq, no broker
# inside; it connects to the Artemis pair named by SWITCHBOARD_BROKER_A_HOST/_PORT and _B_:
#   docker build --build-arg BROKER=remote -t switchboard-node .
# Its broker passwords must match the brokers' users: set SWITCHBOARD_BROKER_<CONTEXT>_PASSWORD.
ARG BROKER=embedded

FROM eclipse-temurin:17-jdk AS build
ARG BROKER
WORKDIR /src
COPY . .
RUN if [ "$BROKER" = remote ]; then \
        ./mvnw -B -DskipTests -Pcluster -Dswitchboard.cluster.skipRun=true package \
        && mv ear/cluster-server/target/server /src/server; \
    else \
        ./mvnw -B -DskipTests package && mv ear/server/target/server /src/server; \
    fi

FROM eclipse-temurin:17-jre
ENV JBOSS_HOME=/opt/switchboard/wildfly \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.net.preferIPv4Stack=true" \
    SWITCHBOARD_DB_HOST=postgres \
    SWITCHBOARD_DB_PORT=5432 \
    SWITCHBOARD_DB_NAME=switchboard \
    SWITCHBOARD_DB_USER=switchboard \
    SWITCHBOARD_TX_NODE_ID=switchboard-1
# libaio lets the embedded Artemis run its AIO journal instead of NIO: in the benchmark the maxima
# rose from 93 to 118 registrations/s (docs/benchmarks/registration-open-model.md, "Tuning tried").
# The package is libaio1t64 on Ubuntu 24.04 (this base image), libaio1 before it.
RUN apt-get update \
    && (apt-get install -y --no-install-recommends libaio1t64 || apt-get install -y --no-install-recommends libaio1) \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 1001 switchboard \
    && useradd --system --uid 1001 --gid switchboard --home-dir /opt/switchboard switchboard
COPY --from=build --chown=switchboard:switchboard /src/server ${JBOSS_HOME}
COPY --from=build --chown=switchboard:switchboard /src/ear/app/target/switchboard.ear ${JBOSS_HOME}/standalone/deployments/switchboard.ear
USER switchboard
EXPOSE 8080
# Management (9990) stays on loopback unless you add -bmanagement=0.0.0.0 and a management user.
# It also serves the Prometheus scrape endpoints /metrics (WildFly) and /prometheus (Switchboard),
# unauthenticated: to scrape them, bind management to an internal network only (-bmanagement=<ip>).
# bin/switchboard.sh puts the contexts' broker identities in place (random passwords per start
# unless SWITCHBOARD_BROKER_<CONTEXT>_PASSWORD is set), then runs standalone.sh. Partners are added
# to BrokerRealm with add-user.sh (docs/messaging-integration.md, "Security").
ENTRYPOINT ["/bin/sh", "/opt/switchboard/wildfly/bin/switchboard.sh", "-b=0.0.0.0"]
