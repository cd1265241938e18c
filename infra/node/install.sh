#!/usr/bin/env bash
# Installs the node test tools from the committed lock file, once: npm ci runs again only when
# package-lock.json is newer than the last install.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.intake-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
