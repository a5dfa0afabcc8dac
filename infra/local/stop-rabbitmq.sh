#!/usr/bin/env bash
# Stops the node infra/local/start-rabbitmq.sh started (its data stays in the folder for the next start).
set -euo pipefail

HOME_DIR="${COMPLIANCE_RABBITMQ_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/compliance/rabbitmq}"
NODE="${COMPLIANCE_RABBITMQ_NODE:-compliance@localhost}"
PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME="$NODE"
export RABBITMQ_CONFIG_FILE="$HOME_DIR/rabbitmq"
export RABBITMQ_ENABLED_PLUGINS_FILE="$HOME_DIR/enabled_plugins"

if rabbitmqctl -n "$NODE" status >/dev/null 2>&1; then
  rabbitmqctl -n "$NODE" shutdown
  echo "stop-rabbitmq: $NODE stopped"
else
  echo "stop-rabbitmq: $NODE is not running"
fi
