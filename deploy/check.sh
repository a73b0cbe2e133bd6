#!/usr/bin/env bash
# Checks the deployment files as far as this machine can without a container engine:
#
#   bash deploy/check.sh
#
# - Dockerfile: parsed and linted by dockerfile-utils (npm);
# - deploy/k8s/*.yaml: every manifest validated against the Kubernetes API schemas
#   (kubernetes-models, npm; deploy/validate-manifests.mjs);
# - compose.yaml: resolved by docker-compose's `config` (Debian's docker-compose), which
#   checks the file against the Compose schema;
# - deploy/nginx/nginx.conf: `nginx -t` (Debian's nginx), with the compose service names
#   of the upstream servers rewritten to loopback addresses.
# The npm tools are installed, at pinned versions, into deploy/.tools; the Debian ones
# when missing and running as root. A check whose tool cannot be had is skipped, except
# with CI=true, where it fails. Nothing is built or run: docs/operations.md, Containers,
# says what was not run.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=deploy/.tools
failed=0
ok() { echo "deploy-check: ok   - $1"; }
bad() { echo "deploy-check: FAIL - $1"; failed=1; }
skip() { if [ "${CI:-}" = true ]; then bad "$1"; else echo "deploy-check: skip - $1"; fi; }
# shellcheck source=deploy/debian.sh
. deploy/debian.sh

command -v npm >/dev/null || { echo "deploy-check: needs npm (Node.js)" >&2; exit 2; }
if [ ! -d "$TOOLS/node_modules/kubernetes-models" ]; then
	mkdir -p "$TOOLS"
	npm install --silent --no-audit --no-fund --prefix "$TOOLS" \
		kubernetes-models@5.1.0 yaml@2.9.1 dockerfile-utils@0.16.3 >/dev/null
fi

if out="$("$TOOLS/node_modules/.bin/dockerfile-utils" lint Dockerfile 2>&1)" && [ -z "$out" ]; then
	ok "Dockerfile lints clean"
else
	bad "Dockerfile: $out"
fi

cp deploy/validate-manifests.mjs "$TOOLS/"
if out="$(node "$TOOLS/validate-manifests.mjs" "$PWD/deploy/k8s" 2>&1)"; then
	ok "Kubernetes manifests: $(echo "$out" | tail -n 1)"
else
	bad "Kubernetes manifests: $out"
fi

if debian_tool docker-compose docker-compose; then
	if out="$(CAIRN_ENCRYPTION_KEY=check docker-compose -f compose.yaml config -q 2>&1)"; then
		ok "compose.yaml resolves ($(docker-compose version --short))"
	else
		bad "compose.yaml: $out"
	fi
else
	skip "compose.yaml not checked: docker-compose is missing"
fi

if debian_tool nginx nginx-light; then
	scratch="$(mktemp -d)"
	trap 'rm -rf "$scratch"' EXIT
	sed 's/server cairn-1:8080/server 127.0.0.1:18081/; s/server cairn-2:8080/server 127.0.0.1:18082/; s/listen 80;/listen 127.0.0.1:18089;/' \
		deploy/nginx/nginx.conf >"$scratch/nginx.conf"
	if out="$(nginx -t -q -p "$scratch" -c "$scratch/nginx.conf" 2>&1)"; then
		ok "nginx.conf passes nginx -t ($(nginx -v 2>&1 | cut -d/ -f2))"
	else
		bad "nginx.conf: $out"
	fi
else
	skip "nginx.conf not checked: nginx is missing"
fi

exit "$failed"
