#!/bin/bash
# Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
# Desktop VS Code cannot be downloaded on offline machines, so this maps the flags runTests passes
# (--extensionDevelopmentPath=, --extensionTestsPath=, a workspace folder in launchArgs) onto
# host/run-host.sh, which runs the same suite in the VS Code server bundled in code-server with
# headless chromium as the workbench. Other flags (--no-sandbox, --user-data-dir=, ...) do not apply:
# every run gets fresh user-data and extension folders anyway.
EXT=
TESTS=
WS=
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) EXT=${a#*=} ;;
    --extensionTestsPath=*) TESTS=${a#*=} ;;
    --*) ;;
    *) [ -d "$a" ] && WS=$a ;;
  esac
done
[ -n "$EXT" ] && [ -n "$TESTS" ] || { echo "vscode-shim: need --extensionDevelopmentPath= and --extensionTestsPath=" >&2; exit 2; }
exec "$(dirname "${BASH_SOURCE[0]}")/host/run-host.sh" tests "$EXT" "$TESTS" "$WS"
