#!/usr/bin/env bash
# Mutation testing of the shipped assemblies with Stryker.NET (the local tool in .config/dotnet-tools.json).
# Not part of CI: a full run takes tens of minutes on this machine. README.md, "Mutation testing", says more.
#
#   scripts/mutation.sh [plugins|workflows|all] [dotnet-stryker options...]
#   scripts/mutation.sh plugins --mutate '**/Policy/*.cs'      # only the policy files while working on them
#   scripts/mutation.sh all --concurrency 2                    # a quieter machine
#
# Writes artifacts/mutation/<project>/reports/mutation-report.html (and .json), the run's log and score.txt, and
# artifacts/mutation/summary.txt with every project's score.
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
[ $# -gt 0 ] && shift
case "$which" in
  plugins) projects=(Plugins) ;;
  workflows) projects=(Workflows) ;;
  all) projects=(Plugins Workflows) ;;
  *) echo "usage: scripts/mutation.sh [plugins|workflows|all] [dotnet-stryker options...]" >&2; exit 2 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Read by MSBuild as properties: mutation builds use bin/mutation and obj/mutation and pack the solution from the DLLs
# beside each test assembly, where Stryker writes its mutated build (Directory.Build.props, tests/Directory.Build.targets).
export LqxMutation=true LqxSkipPack=true

dotnet tool restore >/dev/null
root=$(pwd)
mkdir -p artifacts/mutation
status=0
for project in "${projects[@]}"; do
  name=$(echo "$project" | tr '[:upper:]' '[:lower:]')
  out="$root/artifacts/mutation/$name"
  rm -rf "$out"
  mkdir -p "$out"
  echo "== $project: dotnet-stryker in tests/$project.Tests (log: $out/stryker.log)"
  set +e
  (cd "tests/$project.Tests" && dotnet dotnet-stryker --config-file stryker-config.json --output "$out" --skip-version-check "$@") 2>&1 | tee "$out/stryker.log"
  run=${PIPESTATUS[0]}
  set -e
  score=$(grep -o 'The final mutation score is [0-9.]* %' "$out/stryker.log" | tail -1 | grep -o '[0-9.]*' || true)
  report="$out/reports/mutation-report.json"
  if [ "$run" -ne 0 ] || [ -z "$score" ] || [ ! -f "$report" ]; then
    echo "$project: mutation run failed (exit $run); see $out/stryker.log" | tee "$out/score.txt"
    status=1
    continue
  fi
  count() { { grep -o "\"status\":\"$1\"" "$report" || true; } | wc -l | tr -d ' '; }
  line="$project: $score % (killed $(count Killed), timeout $(count Timeout), survived $(count Survived), no coverage $(count NoCoverage))"
  echo "$line" > "$out/score.txt"
  echo "$line"
done

cat artifacts/mutation/*/score.txt > artifacts/mutation/summary.txt
echo "== Scores (artifacts/mutation/summary.txt); reports: artifacts/mutation/<project>/reports/mutation-report.html"
cat artifacts/mutation/summary.txt
exit "$status"
