#!/usr/bin/env bash
# Start-up of real server processes on large notes (issue 15): generates MB of notes from copies of the test corpora
# (tests/StudyBot.Benchmarks -- scale --generate-only), then starts the bot (Release, its own temp data folder) and
# times a cold process to a healthy /healthz twice: the first start builds the index in the data folder, the second
# finds it there. Prints each time and the process's peak memory (VmHWM) after a few questions.
# Usage: bash tests/load/scale.sh [MB, default 100] [--semantic]   (MB 0: the test corpora as they are, ~1 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."

mb=${1:-100}
semantic=false
[ "${2:-}" = "--semantic" ] && semantic=true
port=${SCALE_PORT:-5098}
state=$(mktemp -d)
dotnet build -c Release src/StudyBot -v q -nologo >/dev/null
if [ "$mb" = "0" ]; then
  notes=$(pwd)/tests/data/corpora
else
  dotnet build -c Release tests/StudyBot.Benchmarks -v q -nologo >/dev/null
  notes=$(dotnet tests/StudyBot.Benchmarks/bin/Release/net10.0/StudyBot.Benchmarks.dll scale --generate-only --mb "$mb")
fi
echo "notes: $notes ($(du -sh "$notes" | cut -f1))"

bot=
trap '[ -n "$bot" ] && kill "$bot" 2>/dev/null; wait 2>/dev/null; rm -rf "$state"' EXIT

# Starts the bot, waits for /healthz 200; sets $took to the milliseconds that took.
start() {
  local began=$(date +%s%N)
  Logging__LogLevel__Default=Warning Knowledge__AutoReload=false Knowledge__SemanticSearch=$semantic \
    src/StudyBot/bin/Release/net10.0/studybot --urls "http://127.0.0.1:$port" \
    --Storage:Path="$state/bot.db" --Knowledge:Path="$notes" --Knowledge:ReloadTimeBudgetSeconds=3600 >>"$state/bot.log" 2>&1 &
  bot=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 "$bot" 2>/dev/null || { echo "the bot stopped:"; tail -20 "$state/bot.log"; exit 1; }
    sleep 0.05
  done
  took=$(( ($(date +%s%N) - began) / 1000000 ))
}

ask() {
  for q in "Is EBS encrypted by default?" "What is a pod?" "Which port does HTTPS use?" "What does a load balancer do?" "what is the capital of france"; do
    curl -sf -X POST "http://127.0.0.1:$port/api/chat" -H 'content-type: application/json' \
      -d "{\"userId\":\"scale\",\"displayName\":\"Scale\",\"text\":\"$q\"}" >/dev/null
  done
}

stop() {
  kill "$bot"; wait "$bot" 2>/dev/null || true; bot=
}

start
echo "first start (builds the index in the data folder): $took ms"
ask
echo "  peak RSS: $(grep VmHWM /proc/$bot/status | awk '{print int($2/1024)}') MB; index on disk: $(du -sh "$state/index" | cut -f1)"
if [ "$semantic" = true ]; then
  # Let the first run embed every passage into the cache, as a bot that has run a while has.
  until curl -s "http://127.0.0.1:$port/healthz" | grep -q '"answers":"semantic"'; do sleep 1; done
fi
stop
start
echo "restart (index on disk): $took ms"
if [ "$semantic" = true ]; then
  # The semantic path: the model loads and the vectors come from the embedding cache beside the database.
  began=$(date +%s%N)
  until curl -s "http://127.0.0.1:$port/healthz" | grep -q '"answers":"semantic"'; do sleep 0.05; done
  echo "  semantic path ready $(( ($(date +%s%N) - began) / 1000000 )) ms after that"
fi
ask
echo "  peak RSS: $(grep VmHWM /proc/$bot/status | awk '{print int($2/1024)}') MB"
stop
