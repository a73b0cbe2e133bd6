#!/usr/bin/env bash
# Lints the committed OpenAPI description, docs/openapi.json, with Spectral: its OpenAPI
# rules and the OWASP API Security Top 10 rules, as .ci/spectral/ruleset.yaml keeps them
# (each rule turned off there says why). Fails on any error or warning.
#
#   bash .ci/spectral.sh
#
# Spectral and the OWASP ruleset come from npm at the versions pinned in
# .ci/spectral/package-lock.json (npm ci into .ci/spectral/node_modules, which git
# ignores; again only when the lockfile changes). Node.js 18+ and npm are installed from
# Debian when missing and running as root; without them the lint is skipped with a
# message, except with CI=true, where that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=.ci/spectral
# shellcheck source=deploy/debian.sh
. deploy/debian.sh

unavailable() {
	if [ "${CI:-}" = true ]; then
		echo "spectral: FAIL - $1" >&2
		exit 1
	fi
	echo "spectral: skip - $1"
	exit 0
}

debian_tool npm npm || unavailable "npm is missing (apt-get install npm)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
[ "$major" -ge 18 ] || unavailable "Spectral needs Node.js 18 or newer, this is $(node --version 2>/dev/null || echo none)"

if ! cmp -s "$DIR/package-lock.json" "$DIR/node_modules/.cairn-installed-lock"; then
	# No install scripts: nothing in this tree needs one, and one of them only reports
	# the download (SCARF_ANALYTICS says no to it as well).
	SCARF_ANALYTICS=false npm ci --prefix "$DIR" --ignore-scripts --no-audit --no-fund --silent
	cp "$DIR/package-lock.json" "$DIR/node_modules/.cairn-installed-lock"
fi

"$DIR/node_modules/.bin/spectral" --version | sed 's/^/spectral: Spectral /'
if "$DIR/node_modules/.bin/spectral" lint docs/openapi.json --ruleset "$DIR/ruleset.yaml" \
	--fail-severity warn --display-only-failures; then
	echo "spectral: ok   - docs/openapi.json has no error or warning"
else
	echo "spectral: FAIL - docs/openapi.json: fix the findings above in the code that generates it" >&2
	exit 1
fi
