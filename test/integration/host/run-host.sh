#!/bin/bash
# Starts the raw VS Code server bundled in code-server (lib/vscode/out/server-main.js) with
# --enable-smoke-test-driver — needed before a production workbench honours the
# extensionDevelopmentPath/extensionTestsPath URL payload — and drives it with headless chromium.
#   run-host.sh tests EXT_DIR TESTS_INDEX_JS [WORKSPACE_DIR]   extension tests (host/ext-tests.mjs)
#   run-host.sh script NODE_SCRIPT [WORKSPACE_DIR]             any driver, given --port and --folder
#                                                              (test/e2e/ui-driver.mjs)
# Env: TEST_HOST_DIR (default <repo>/.test-host); K8SW_RUN_DIR (a fresh folder for this run, owned
# by the caller; made here — and removed after success — when unset); TIMEOUT (seconds, default
# 300); KEEP_RUN=1 keeps a run folder made here after success.
# Hygiene: random free port, fresh user-data/extensions/server dirs, HOME and TMPDIR inside the run
# folder, the server is started in its own process group and killed by its PID in a trap, and
# the browser driver runs under a hard timeout.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
HOST=${TEST_HOST_DIR:-$REPO/.test-host}
V=$HOST/node_modules/code-server/lib/vscode
MODE=$1
shift
[ -f "$V/out/server-main.js" ] || { echo "run-host: no VS Code server in $HOST — run scripts/setup-test-host.sh" >&2; exit 2; }

RUN=${K8SW_RUN_DIR:-}
OWN_RUN=
if [ -z "$RUN" ]; then
  OWN_RUN=1
  mkdir -p "$HOST/runs"
  RUN=$(mktemp -d "$HOST/runs/run.XXXXXX")
fi
mkdir -p "$RUN/tmp" "$RUN/home" "$RUN/user/User" "$RUN/server/data/User" "$RUN/ext"
cp "$HERE/user-settings.json" "$RUN/user/User/settings.json"
cp "$HERE/user-settings.json" "$RUN/server/data/User/settings.json"
export TMPDIR=$RUN/tmp HOME=$RUN/home TEST_HOST_DIR=$HOST K8SW_RUN_DIR=$RUN
TIMEOUT=${TIMEOUT:-300}
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export PORT

setsid node "$V/out/server-main.js" --host 127.0.0.1 --port "$PORT" --without-connection-token --accept-server-license-terms \
  --enable-smoke-test-driver --disable-workspace-trust --telemetry-level off \
  --server-data-dir "$RUN/server" --user-data-dir "$RUN/user" --extensions-dir "$RUN/ext" > "$RUN/server.log" 2>&1 &
SRV=$!
# The server leads its own process group (setsid), so the extension host and our language server go with it.
cleanup() {
  kill -TERM -- -"$SRV" 2> /dev/null || kill -TERM "$SRV" 2> /dev/null
  for _ in $(seq 1 50); do kill -0 "$SRV" 2> /dev/null || break; sleep 0.1; done
  kill -KILL -- -"$SRV" 2> /dev/null
  wait "$SRV" 2> /dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

up=
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null "http://127.0.0.1:$PORT/version"; then up=1; break; fi
  kill -0 "$SRV" 2> /dev/null || break
  sleep 0.1
done
if [ -z "$up" ]; then
  echo "run-host: VS Code server did not start; log $RUN/server.log:" >&2
  tail -20 "$RUN/server.log" >&2
  exit 1
fi

case "$MODE" in
  tests)
    EXT=$1 TESTS=$2 WS=${3:-}
    [ -n "$WS" ] || { WS=$RUN/ws; mkdir -p "$WS"; }
    timeout -k 10 $((TIMEOUT + 30)) node "$HERE/ext-tests.mjs" --port "$PORT" --ext "$EXT" --tests "$TESTS" --folder "$WS" --timeout "$TIMEOUT"
    rc=$?
    ;;
  script)
    SCRIPT=$1 WS=${2:-}
    timeout -k 10 $((TIMEOUT + 30)) node "$SCRIPT" --port "$PORT" --folder "$WS"
    rc=$?
    ;;
  *)
    echo "run-host: unknown mode $MODE" >&2
    exit 2
    ;;
esac
if [ $rc -ne 0 ]; then
  echo "run-host: exit $rc; run folder kept: $RUN (server log: $RUN/server.log)"
  tail -15 "$RUN/server.log"
elif [ -n "$OWN_RUN" ] && [ -z "${KEEP_RUN:-}" ]; then
  cleanup
  trap - EXIT
  rm -rf "$RUN"
fi
exit $rc
