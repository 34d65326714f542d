#!/usr/bin/env bash
# Issue #14: does our level-1 login cost more when the realm holds more citizens? Two load runs (benchmarks/run-load.sh)
# that differ only in the synthetic citizens written into PostgreSQL with COPY before the run (load-million.sh):
# ten thousand, then a million. Only the logins run (ours and stock's, alternating). The comparison goes to
# benchmarks/gatling/target/population-report/population.{json,md}, each run's own summary beside it.
#
#   benchmarks/run-population.sh [small=10000] [large=1000000]
#
# The other LOAD_* settings of run-load.sh apply to both runs (defaults: 1000 accounts, 8 users, 3 rounds of 60 s).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
small="${1:-10000}"; large="${2:-1000000}"
out="$root/benchmarks/gatling/target/population-report"
rm -rf "$out"; mkdir -p "$out"

for population in "$small" "$large"; do
  echo "population: $population citizens"
  LOAD_POPULATION="$population" LOAD_JOURNEYS="stock-login,vneid-login" LOAD_REPORT_DIR="$out/$population" \
    "$root/benchmarks/run-load.sh"
done

python3 - "$out" "$small" "$large" <<'PY'
import json, sys, os
out, small, large = sys.argv[1], sys.argv[2], sys.argv[3]
def login(population):
    summary = json.load(open(os.path.join(out, population, "summary.json")))
    return {k["kind"]: k for k in summary["kinds"]}
s, l = login(small), login(large)
rows, result = [], {"small": int(small), "large": int(large), "kinds": {}}
for kind in ("vneid-login", "stock-login"):
    a, b = s[kind], l[kind]
    entry = {"perSecond": [a["perSecond"], b["perSecond"]], "p50ms": [a["p50ms"], b["p50ms"]],
             "p99ms": [a["p99ms"], b["p99ms"]], "p99Ratio": round(b["p99ms"] / a["p99ms"], 3),
             "throughputRatio": round(b["perSecond"] / a["perSecond"], 3)}
    result["kinds"][kind] = entry
    rows.append(f"| {kind} | {a['perSecond']:.1f} | {b['perSecond']:.1f} | {a['p50ms']} | {b['p50ms']} | "
                f"{a['p99ms']} | {b['p99ms']} | {entry['p99Ratio']:.3f} |")
json.dump(result, open(os.path.join(out, "population.json"), "w"), indent=2)
md = (f"# Login at {int(small):,} and {int(large):,} citizens\n\n"
      f"| journey | per s ({int(small):,}) | per s ({int(large):,}) | p50 ms | p50 ms | p99 ms | p99 ms | p99 large/small |\n"
      "|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
      "Goal (issue #14): our login's p99 at a million within 10 % of ten thousand (ratio at most 1.10).\n")
open(os.path.join(out, "population.md"), "w").write(md)
print(md)
PY
