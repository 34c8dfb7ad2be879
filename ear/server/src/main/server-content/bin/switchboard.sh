#!/bin/sh
# Starts WildFly with Switchboard's broker identities in place (docs/adr/0010-broker-identities.md).
# Each context (webstore, integration, marketing, operations, ordering, inventory, payments, shipping) connects to the broker as itself; its
# password comes from SWITCHBOARD_BROKER_<CONTEXT>_PASSWORD, or, when that is unset, a random one
# made here for this start. The context users are (re)written into BrokerRealm's files; any other
# users there (partners) are kept. HTTPS (8443) takes its key store from SWITCHBOARD_TLS_KEYSTORE,
# _KEYSTORE_PASSWORD, _KEYSTORE_TYPE, _KEY_ALIAS, _KEY_PASSWORD (see jms-config/server.cli); without
# one it generates a self-signed development key. Arguments go to standalone.sh.
set -eu
home=$(cd "$(dirname "$0")/.." && pwd)
config="${JBOSS_SERVER_CONFIG_DIR:-$home/standalone/configuration}"
users="$config/broker-users.properties"
roles="$config/broker-roles.properties"
for context in webstore integration marketing operations ordering inventory payments shipping; do
    variable="SWITCHBOARD_BROKER_$(echo "$context" | tr '[:lower:]' '[:upper:]')_PASSWORD"
    password=$(printenv "$variable" || true)
    if [ -z "$password" ]; then
        password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
        export "$variable=$password"
    fi
    digest=$(printf '%s' "$context:BrokerRealm:$password" | md5sum | cut -d' ' -f1)
    grep -v "^$context=" "$users" > "$users.new" || true
    echo "$context=$digest" >> "$users.new"
    mv "$users.new" "$users"
    grep -v "^$context=" "$roles" > "$roles.new" || true
    echo "$context=$context" >> "$roles.new"
    mv "$roles.new" "$roles"
done
exec "$home/bin/standalone.sh" "$@"
