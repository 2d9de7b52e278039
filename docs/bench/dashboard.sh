#!/usr/bin/env bash
# Times the dashboard's API calls against a running Outpost (default: the demo on port 8080).
# Prints the median and the worst of N calls per endpoint, with /health/live as the baseline
# (the HTTP round trip alone). Usage: docs/bench/dashboard.sh [base-url] [calls] [extra-query]
# (extra-query, e.g. 'from=2016-05-01&to=2016-05-07', is added to every analytics call).
# Set OUTPOST_TOKEN to an API token (Account page, or POST /api/v1/tokens) to sign the calls.
set -euo pipefail
auth=()
if [ -n "${OUTPOST_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer $OUTPOST_TOKEN"); fi
base="${1:-http://127.0.0.1:8080}"
n="${2:-20}"
extra="${3:-}"
paths=(
  "/health/live"
  "/api/v1/analytics/volume?interval=hour"
  "/api/v1/analytics/volume?interval=day"
  "/api/v1/analytics/share-of-voice"
  "/api/v1/analytics/top-authors?limit=10"
  "/api/v1/analytics/hashtags?limit=15"
  "/api/v1/analytics/terms?limit=15"
  "/api/v1/search?q=lost%20bag&limit=50"
  "/dashboard"
)
printf '%-70s %10s %10s\n' "endpoint" "median ms" "max ms"
for p in "${paths[@]}"; do
  if [ -n "$extra" ] && [ "$p" != "/health/live" ]; then
    case "$p" in *\?*) p="$p&$extra" ;; *) p="$p?$extra" ;; esac
  fi
  curl -sf "${auth[@]}" -o /dev/null "$base$p"  # warm-up
  times=()
  for _ in $(seq "$n"); do
    times+=("$(curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}' "$base$p")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$p" '
    { t[NR] = $1 * 1000 }
    END { printf "%-70s %10.1f %10.1f\n", p, t[int((NR + 1) / 2)], t[NR] }'
done
