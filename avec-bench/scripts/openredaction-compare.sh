#!/usr/bin/env bash
# Side-by-side: Avec's pseudonymizer and @openredaction/openredaction on the same synthetic French clinical
# corpus. The peer is installed from the npm registry into a temporary folder, never into the repository.
# Usage: avec-bench/scripts/openredaction-compare.sh [DOCUMENTS] (run from the repository root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
documents="${1:-1000}"
data="${AVEC_DATA_DIR:-$root/../shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== Avec (avec deid evaluate, $documents documents)"
"$root/avec" deid evaluate --data "$data" --documents "$documents" --export "$work/corpus.jsonl" --examples 0

echo "== @openredaction/openredaction on the same documents"
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @openredaction/openredaction@1.0.4 >/dev/null)
cp "$root/avec-bench/scripts/openredaction-compare.mjs" "$work/"
(cd "$work" && node openredaction-compare.mjs corpus.jsonl)
