# Shared by the scripts in scripts/: the tool paths they agree on.
# Sourced, not run.

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
# wasm-opt comes from npm (binaryen 132); Debian's binaryen 108 breaks the app at start.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH:/usr/sbin"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() {
  printf '\n==> %s\n' "$*" >&2
}
