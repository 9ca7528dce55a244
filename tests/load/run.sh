#!/usr/bin/env bash
# Throughput of POST /api/chat on 127.0.0.1: starts the bot (Release, its own temp database, rate limit raised,
# logs at Warning), runs the load generator (tests/StudyBot.LoadTest) against it, stops the bot.
# Usage: bash tests/load/run.sh [load generator switches, e.g. --connections 16 --seconds 15]
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${LOAD_PORT:-5099}
state=$(mktemp -d)
dotnet build -c Release src/StudyBot -v q -nologo >/dev/null
dotnet build -c Release tests/StudyBot.LoadTest -v q -nologo >/dev/null

Chat__RateLimit__TokenLimit=1000000000 Chat__RateLimit__TokensPerPeriod=1000000000 Chat__RateLimit__ReplenishmentSeconds=1 \
Logging__LogLevel__Default=Warning Knowledge__AutoReload=false \
  src/StudyBot/bin/Release/net10.0/studybot --urls "http://127.0.0.1:$port" --Storage:Path="$state/bot.db" >"$state/bot.log" 2>&1 &
bot=$!
trap 'kill "$bot" 2>/dev/null; wait "$bot" 2>/dev/null; rm -rf "$state"' EXIT

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.2
done

# Measure the path users get: wait (at most 5 minutes) while the semantic model loads or embeds the notes.
for _ in $(seq 1 1500); do
  curl -s "http://127.0.0.1:$port/healthz" | grep -Eq '"answers":"lexical \(semantic model (loading|embedding)\)"' || break
  sleep 0.2
done
echo "answering on: $(curl -s "http://127.0.0.1:$port/healthz" | grep -o '"answers":"[^"]*"')" >&2

tests/StudyBot.LoadTest/bin/Release/net10.0/StudyBot.LoadTest --url "http://127.0.0.1:$port" "$@"
