#!/usr/bin/env bash
# Runs the tests N times in a row (default 3) with two CPU-burning processes
# beside them, to show the suite does not depend on how fast the machine is
# (issue 13). Prints each run's result and duration; the burners stop on exit.
#
#   scripts/stress-e2e.sh [N]
#   STRESS_CMD='npx playwright test test/e2e/smoke.spec.ts' scripts/stress-e2e.sh 1
#
# STRESS_CMD narrows the run (default: `npm test`, the README's test command).
set -u
cd "$(dirname "$0")/.."

runs="${1:-3}"
cmd="${STRESS_CMD:-npm test}"
burners=()

stop_burners() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null; done
  wait "${burners[@]}" 2>/dev/null
}
trap stop_burners EXIT
trap 'exit 130' INT TERM

for _ in 1 2; do
  node -e 'for (;;) {}' &
  burners+=("$!")
done
echo "burners: ${burners[*]}; command: $cmd; runs: $runs"

failed=0
results=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  bash -c "$cmd"
  status=$?
  secs=$(($(date +%s) - start))
  if [ "$status" -eq 0 ]; then result=pass; else result="FAIL (exit $status)"; failed=$((failed + 1)); fi
  line="run $i/$runs: $result in ${secs}s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  results+=("$line")
  echo "$line"
done

echo "---"
printf '%s\n' "${results[@]}"
echo "$((runs - failed))/$runs runs passed"
[ "$failed" -eq 0 ]
