#!/usr/bin/env bash
# Builds the production tree: the compiled service (dist/src, dist/queues), the templates it loads
# at start (TEMPLATES_DIR=./templates) and the production dependencies only, in OUT_DIR.
#
#   scripts/build-production.sh OUT_DIR        (after `npm ci` in the checkout)
#
# The Dockerfile runs this script and copies OUT_DIR into the runtime image; the test
# test/e2e/production-image.test.ts runs it too and starts `node dist/src/main.js all` in OUT_DIR,
# so what the test starts is what the image runs. Change the two together.
set -euo pipefail
out="${1:?usage: scripts/build-production.sh OUT_DIR}"
cd "$(dirname "$0")/.."

npm run build
rm -rf "$out"
mkdir -p "$out/dist"
cp package.json package-lock.json "$out/"
# dist/src and dist/queues: the service (the Lua scripts, the console's files and the reply
# models are copied into dist/src by the build); dist/test, dist/bench and dist/scripts stay out.
cp -R dist/src dist/queues "$out/dist/"
cp -R templates "$out/"
cd "$out"
npm ci --omit=dev --no-audit --no-fund
