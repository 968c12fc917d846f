#!/usr/bin/env bash
# Each screen's load on the demo city (issue 14), written to bench/results/screens.md (docs/benchmarks.md
# explains it): the Host built in Release and started with --demo on a fresh SQLite file, then
# bench/Screens drives Debian's Chromium through every role's screens and the public pages, timing
# each to usable and weighing the JavaScript and CSS it downloads. Not a test: figures, not a verdict.
#
#   bench/screens.sh                    5 cold and 5 warm loads of each screen (about 5 minutes on 2 cores)
#   BENCH_SCREEN_RUNS=3 bench/screens.sh
#
# Needs the .NET SDK and /usr/bin/chromium (apt-get install chromium). Leaves no process or file behind.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_SCREEN_RUNS:-5}
out=${BENCH_SCREEN_OUT:-bench/results/screens.md}
chromium=${BENCH_CHROMIUM:-/usr/bin/chromium}
password=DaNang@2021
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

die() { echo "screens: $*" >&2; exit 1; }
[ -x "$chromium" ] || die "no Chromium at $chromium (apt-get install chromium)"

work=$(mktemp -d "${TMPDIR:-/tmp}/permits-screens.XXXXXX")
host_pid=""
stop_host() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$host_pid" 2>/dev/null || true
  fi
  [ -z "$host_pid" ] || wait "$host_pid" 2>/dev/null || true
  host_pid=""
}
trap 'stop_host; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "screens: build (the Host and bench/Screens in Release)"
dotnet publish src/Host/Host.csproj -c Release -o "$work/host" >"$work/build.log" 2>&1 || { cat "$work/build.log"; die "build failed"; }
dotnet publish bench/Screens/Screens.csproj -c Release -o "$work/screens" >>"$work/build.log" 2>&1 || { cat "$work/build.log"; die "build failed"; }

echo "screens: the Host with --demo on a fresh SQLite file"
log=$work/host.log
# From the published folder, as the Dockerfile runs it; the database and the key certificate in data/ there.
(cd "$work/host" && exec env \
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Permits="Data Source=$work/permits.db" \
  Permits__Database__Provider=Sqlite \
  Permits__DataProtection__CertificatePath="$work/key-encryption.pfx" \
  Permits__Bootstrap__AdminEmail=admin@danang.demo \
  Permits__Bootstrap__AdminPassword="$password" \
  Permits__Email__PickupDirectory="$work/mail" \
  Permits__RateLimits__AnonymousWritesPerMinute=10000 \
  Permits__RateLimits__AnonymousVerifyPerMinute=10000 \
  Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
  dotnet "$work/host/TravelPermits.Host.dll" --demo --urls http://127.0.0.1:0) >"$log" 2>&1 &
host_pid=$!
base=""
for _ in $(seq 1 240); do
  base=$(grep -oE 'Now listening on: http://[0-9.]+:[0-9]+' "$log" | head -n 1 | sed 's/Now listening on: //' || true)
  [ -n "$base" ] && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$log"; die "the Host exited"; }
  sleep 0.5
done
[ -n "$base" ] || { cat "$log"; die "the Host did not start"; }
grep -q TravelPermits.Host "/proc/$host_pid/cmdline" || die "process $host_pid is not the Host"
# The demo city is loaded in the background after the Host listens: wait for its clerk to sign in.
for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"enterprise@danang.demo\",\"password\":\"$password\"}" || true)
  [ "$code" = 200 ] && break
  sleep 0.5
done
[ "$code" = 200 ] || { cat "$log"; die "the demo city did not load"; }

echo "screens: measuring at $base"
dotnet "$work/screens/TravelPermits.Bench.Screens.dll" --base "$base" --out "$out" --runs "$runs" --chromium "$chromium" --password "$password" \
  || { kill -0 "$host_pid" 2>/dev/null || echo "screens: the Host is gone; its last words:" >&2; tail -n 40 "$log" >&2; die "the measure failed"; }
stop_host
