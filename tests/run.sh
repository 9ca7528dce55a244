#!/usr/bin/env bash
# Runs every test (unit, integration, browser) and ends with one line: "N passed, N failed".
# Installs Debian's Chromium (the browser tests drive it with Playwright) and PostgreSQL (the storage tests start a
# throw-away cluster) first when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser tests and the docs/ screenshots show 👍/👎: without a colour emoji font they would be empty boxes.
if ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null) \
    || echo "warning: could not install fonts-noto-color-emoji; screenshots will show boxes for emoji" >&2
fi

# Installs Debian package $1 (root only; otherwise says how), which the tests named $2 need.
apt_install() {
  echo "$1 is missing; installing Debian's $1 package..." >&2
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null) \
      || echo "warning: could not install $1; $2 will fail" >&2
  else
    echo "warning: not root; install $1 (sudo apt-get install $1) for $2" >&2
  fi
}

if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium "the browser tests"
fi

# The storage tests run the bot on a real PostgreSQL too: a throw-away cluster (initdb + pg_ctl from Debian's package,
# in a temp folder on a loopback port, as the package's postgres user when run as root), never a mock.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql "the PostgreSQL tests"
fi

if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules ]; then
  echo "Installing the JS test tools (npm ci --prefix tests/js)..." >&2
  npm ci --prefix tests/js --no-audit --no-fund >/dev/null \
    || echo "warning: npm ci failed; the Discord signature and payload validation tests will fail" >&2
fi

# The tests run in a temp folder of this run's own (TMPDIR, for them and every process they start: the bot processes,
# PostgreSQL, Chromium), removed at the end, so even a test process that crashed, or a process a test killed, leaves
# nothing in /tmp. Each test removes what it made: a studybot-* folder still here at the end is a leak, and is named
# (the SDK's, the browser's and a killed process's runtime files are only removed). The build
# runs first, in the usual temp folder: the compiler and MSBuild servers it starts outlive the run. Unix socket paths
# made inside (PostgreSQL's, the .NET runtime's) must stay under 108 bytes: a long TMPDIR gives way to /tmp.
base=${TMPDIR:-/tmp}
[ "${#base}" -le 40 ] || base=/tmp
run_tmp=$(mktemp -d "${base%/}/studybot-run-XXXXXX")
trap 'rm -rf "$run_tmp"' EXIT
# Open like /tmp: as root, the tests run the PostgreSQL server as the postgres user, in a folder inside this one.
chmod 1777 "$run_tmp"

# Arguments go to dotnet test (e.g. --filter).
log="$run_tmp/dotnet-test.log"
{
  dotnet build Bot.sln --configuration Release &&
    TMPDIR="$run_tmp" dotnet test Bot.sln --configuration Release --no-build --disable-build-servers "$@"
} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
left=$(ls -A "$run_tmp" | grep '^studybot-')
if [ -n "$left" ]; then
  echo "warning: the tests left $(echo "$left" | wc -l) temp folders (removed now):" $(echo "$left" | head -20) >&2
fi

# Each test project prints "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..." (or "Failed!  - ...").
read -r passed failed skipped projects < <(
  grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" | \
  sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+).*/\1 \2 \3/' | \
  awk '{f+=$1; p+=$2; s+=$3; n++} END {print p+0, f+0, s+0, n+0}')

expected=$(ls -d tests/*/ | while read -r d; do grep -l '<IsTestProject>true</IsTestProject>' "$d"*.csproj 2>/dev/null; done | wc -l)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host broke before any summary: count it as a failure.
  failed=1
fi
if [ "$projects" -lt "$expected" ] && [ "$failed" -eq 0 ]; then
  echo "only $projects of $expected test projects reported results" >&2
  failed=1
fi
if [ "$skipped" -ne 0 ]; then
  echo "$skipped tests were skipped" >&2
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
