#!/usr/bin/env bash
# Set up (first time) and start GateDesk with a demo community and simulated devices.
# Extra arguments go to gatedesk, e.g. ./run.sh --home /tmp/gate2
set -euo pipefail
cd "$(dirname "$0")"
installers/debian-setup.sh
exec .venv/bin/gatedesk --demo "$@"
