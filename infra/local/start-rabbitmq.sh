#!/usr/bin/env bash
# Starts RabbitMQ natively (no Docker) for `compliance serve`, with the same recipe as the tests' broker
# (tests/Compliance.Testing/RabbitMq/RabbitMqBroker.cs): its own node name, data, logs and config under one folder,
# listening on 127.0.0.1 only. Needs the Debian/Ubuntu package rabbitmq-server (apt-get install rabbitmq-server).
#   infra/local/start-rabbitmq.sh          # AMQP on 127.0.0.1:5672
#   PORT=5673 infra/local/start-rabbitmq.sh
# Stop it with infra/local/stop-rabbitmq.sh (same HOME_DIR/NODE settings).
set -euo pipefail

HOME_DIR="${COMPLIANCE_RABBITMQ_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/compliance/rabbitmq}"
NODE="${COMPLIANCE_RABBITMQ_NODE:-compliance@localhost}"
PORT="${PORT:-5672}"
DIST_PORT="${DIST_PORT:-$((PORT + 20000))}"

if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
  echo "start-rabbitmq: rabbitmq-server is not installed (sudo apt-get install rabbitmq-server), or use 'docker compose up rabbitmq'" >&2
  exit 2
fi
PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"

mkdir -p "$HOME_DIR/mnesia" "$HOME_DIR/log"
[ -f "$HOME_DIR/enabled_plugins" ] || echo "[]." > "$HOME_DIR/enabled_plugins"
[ -f "$HOME_DIR/rabbitmq.conf" ] || echo "loopback_users.guest = true" > "$HOME_DIR/rabbitmq.conf"
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then chown -R rabbitmq:rabbitmq "$HOME_DIR"; fi

export RABBITMQ_NODENAME="$NODE"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$PORT"
export RABBITMQ_DIST_PORT="$DIST_PORT"
# The Erlang distribution port (used by rabbitmqctl) listens on loopback too, not on every interface.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$HOME_DIR/mnesia"
export RABBITMQ_LOG_BASE="$HOME_DIR/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$HOME_DIR/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$HOME_DIR/rabbitmq"

if rabbitmqctl -n "$NODE" status >/dev/null 2>&1; then
  echo "start-rabbitmq: $NODE is already running"
else
  rabbitmq-server -detached
  # -detached returns before the node registers; wait for it, then for the app to boot.
  for _ in $(seq 1 120); do
    rabbitmqctl -n "$NODE" status >/dev/null 2>&1 && break
    sleep 0.5
  done
  rabbitmqctl -n "$NODE" await_startup
fi

cat <<MSG
RabbitMQ $NODE listens on 127.0.0.1:$PORT (data and logs in $HOME_DIR). For compliance serve:
  export COMPLIANCE_BUS__TRANSPORT=RabbitMq COMPLIANCE_BUS__RABBITMQ__HOST=127.0.0.1 COMPLIANCE_BUS__RABBITMQ__PORT=$PORT
MSG
