#!/usr/bin/env bash
# The benchmarks of issue 7, on SQLite then PostgreSQL, written to bench/results/latest.md
# (docs/benchmarks.md explains them). For each provider: the Host built in Release, started on a
# fresh database with the bench endpoints on; enterprises, users and periods created through the
# API; 100,000 then 1,000,000 live permits written by bench/Seeder; wrk against
# GET /api/v1/verify/{token} and the bare endpoint side by side; the bulk calls timed with curl,
# with the Host's peak memory.
#
#   bench/run.sh                      both providers (10 to 13 minutes on 2 cores)
#   BENCH_PROVIDERS=Sqlite bench/run.sh
#   BENCH_SECONDS=20                  duration of each wrk measurement
#   BENCH_IDLE_SECONDS=200            how long the Host idles after the stamps before its memory is read
#   BENCH_FIRST=100000 BENCH_MORE=900000 BENCH_ROWS=10000   smaller for a quick trial only: the
#                                     results file then says so, and its labels do not fit
#
# Needs what the README's setup gives (the .NET SDK, ../shared); installs wrk, jq and curl from
# Debian when missing, and PostgreSQL as .ci/run does. Leaves no process or database behind.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)
# Whether the tree differs from its commit, read now: the results file this run writes is itself a change.
dirty=$(git status --porcelain 2>/dev/null || true)
shared=${PERMITS_SHARED_DIR:-$root/../shared}
seconds=${BENCH_SECONDS:-20}
first=${BENCH_FIRST:-100000}
more=${BENCH_MORE:-900000}
rows=${BENCH_ROWS:-10000}
idle=${BENCH_IDLE_SECONDS:-200}          # after the stamps: permit grains are collected 2 min after their last call
providers=${BENCH_PROVIDERS:-"Sqlite Postgres"}
out=bench/results/latest.md
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

admin_email=admin@bench.local
password=Bench@Passw0rd1
city=48        # Thành phố Đà Nẵng
ward=20227     # Phường Thanh Bình

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
die() { echo "bench: $*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/permits-bench.XXXXXX")
host_pid=""
pg_database=""
pg_admin="host=127.0.0.1 user=permits password=permits dbname=postgres"

stop_host() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$host_pid" 2>/dev/null || true
  fi
  [ -z "$host_pid" ] || wait "$host_pid" 2>/dev/null || true
  host_pid=""
}
drop_database() {
  if [ -n "$pg_database" ]; then
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true
    pg_database=""
  fi
}
cleanup() { stop_host; drop_database; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools and build
missing=""
for tool in wrk:wrk jq:jq curl:curl; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
  say "apt-get install$missing"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $missing >/dev/null \
    || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $missing >/dev/null; }
fi
[ -f "$shared/data/dvhcvn-2021-07-01.json" ] || die "the catalogue is not at $shared/data (set PERMITS_SHARED_DIR)"

say "build: the Host and bench/Seeder in Release"
dotnet publish src/Host/Host.csproj -c Release -o "$work/host" >"$work/build.log" 2>&1 || { cat "$work/build.log"; die "build failed"; }
dotnet publish bench/Seeder/Seeder.csproj -c Release -o "$work/seeder" >>"$work/build.log" 2>&1 || { cat "$work/build.log"; die "build failed"; }
seeder() { dotnet "$work/seeder/TravelPermits.Bench.Seeder.dll" "$@"; }

# ---------------------------------------------------------------- results
declare -A R        # R[provider.measurement.field]
put() { R["$1"]=$2; }
get() { printf '%s' "${R[$1]:-}"; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 <= b + 0) }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print ""; else printf "%.2f", a / b }'; }
num() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'; }
verdict() { if "$@"; then printf met; else printf missed; fi; }

# ---------------------------------------------------------------- the Host and its API
start_host() { # provider
  local log=$work/host-$1.log
  # From the published folder, as the Dockerfile runs it: appsettings.json (log levels) is read from there.
  (cd "$work/host" && exec env \
    ASPNETCORE_ENVIRONMENT=Production \
    Logging__Console__FormatterName=simple \
    Permits__Bootstrap__AdminEmail="$admin_email" \
    Permits__Bootstrap__AdminPassword="$password" \
    Permits__Email__PickupDirectory="$work/mail-$1" \
    Permits__Bench__Enabled=true \
    Permits__RateLimits__AnonymousVerifyPerMinute=1000000000 \
    dotnet "$work/host/TravelPermits.Host.dll" --urls http://127.0.0.1:0) >"$log" 2>&1 &
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
}

# api METHOD PATH TOKEN [curl args]: the body goes to $work/body.json, the status to stdout
api() {
  local method=$1 path=$2 token=$3
  shift 3
  local auth=()
  [ -z "$token" ] || auth=(-H "Authorization: Bearer $token")
  curl -sS -o "$work/body.json" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$base$path"
}
# expect STATUS METHOD PATH TOKEN [curl args]: the body, or the script stops
expect() {
  local want=$1 status
  shift
  status=$(api "$@")
  [ "$status" = "$want" ] || die "$1 $2 answered $status, not $want: $(head -c 600 "$work/body.json")"
  cat "$work/body.json"
}
json=(-H 'content-type: application/json' --data-binary)
login() { expect 200 POST /api/v1/auth/login "" "${json[@]}" "{\"email\":\"$1\",\"password\":\"$password\"}" | jq -r .accessToken; }
create_user() { # email role scope-json
  expect 201 POST /api/v1/users "$admin" "${json[@]}" \
    "{\"email\":\"$1\",\"password\":\"$password\",\"fullName\":\"Bench\",\"role\":\"$2\",$3}" >/dev/null
}
register() { # name tax-code workforce -> id
  expect 201 POST /api/v1/enterprises "$admin" "${json[@]}" "$(jq -n --arg name "$1" --arg tax "$2" --argjson workforce "$3" --arg ward "$ward" \
    '{name: $name, taxCode: $tax, wardCode: $ward, address: "12 Bạch Đằng", contactEmail: ($tax + "@bench.local"), contactPhone: "0905123456", workforce: $workforce}')" \
    | jq -r .id
}
queries() { curl -sS "$base/bench/counters" | jq .efQueries; }
reset_peak() { echo 5 >"/proc/$host_pid/clear_refs"; }
peak_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$host_pid/status"; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host_pid/status"; }
disk_read() { awk '/^read_bytes/ { print $2 }' "/proc/$host_pid/io"; } # what the Host read from storage, not from the page cache
page_cache_mb() { free -m | awk '/^Mem:/ { print $6 }'; }
paged_in_kb() { awk '/^pgpgin / { print $2 }' /proc/vmstat; } # the whole machine's reads from storage

# After a bulk load on PostgreSQL, the checkpoint that would follow it within minutes, taken now so that
# it does not write the load's pages in the middle of a measurement (the seeder has vacuumed already).
settle() { [ "$1" != Postgres ] || as_root su postgres -c "psql -qc CHECKPOINT" >/dev/null; }

# pg_background PROVIDER [BEFORE]: PostgreSQL's checkpoints and autovacuum/autoanalyze runs so far, or
# since BEFORE, as the work in the background that a measurement may have shared the machine with.
pg_background() {
  [ "$1" = Postgres ] || return 0
  local now
  now="$(psql "$pg_admin" -tAc "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter") $(psql "host=127.0.0.1 user=permits password=permits dbname=$pg_database" -tAF ' ' -c \
    "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables" -c \
    "SELECT heap_blks_read + coalesce(idx_blks_read, 0), heap_blks_hit + coalesce(idx_blks_hit, 0) FROM pg_statio_user_tables WHERE relname = 'prm_permits'" | tr '\n' ' ')"
  if [ $# -eq 1 ]; then echo "$now"; return; fi
  read -r c0 a0 r0 h0 <<<"$2"; read -r c1 a1 r1 h1 <<<"$now"
  # Blocks "read" are those not in shared_buffers: they come from the OS (its page cache or storage).
  echo "$((c1 - c0)) checkpoints, $((a1 - a0)) autovacuum or autoanalyze runs; permits' blocks found in shared_buffers $((h1 - h0)), read from the OS $((r1 - r0))"
}

# The Host learns a seeded key at the first verification naming it (at most every 5 s): wait for it.
await_valid() { # token
  local token=$1 result=""
  for _ in $(seq 1 40); do
    result=$(curl -sS "$base/api/v1/verify/$token" | jq -r .result)
    [ "$result" = valid ] && return 0
    sleep 0.5
  done
  die "seeded tokens do not verify (last answer: $result)"
}

# wrk_run PROVIDER NAME THREADS CONNECTIONS SECONDS TOKENS PATH [wrk args]: the BENCH line as JSON in
# $work/PROVIDER-NAME.json (with the EF Core queries run meanwhile), the command in R.
wrk_run() {
  local provider=$1 name=$2 threads=$3 connections=$4 duration=$5 tokens=$6 path=$7
  shift 7
  local before after read0 read1 in0 in1 shown_args=""
  before=$(queries)
  read0=$(disk_read)
  in0=$(paged_in_kb)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s "$@" -s bench/wrk/verify.lua "$base" -- "$tokens" "$path" \
    >"$work/$provider-$name.out" 2>&1 || { cat "$work/$provider-$name.out"; die "wrk failed"; }
  read1=$(disk_read)
  in1=$(paged_in_kb)
  after=$(queries)
  grep '^BENCH ' "$work/$provider-$name.out" | sed 's/^BENCH //' \
    | jq -c --argjson q "$((after - before))" --argjson mb "$(((read1 - read0) / 1048576))" --argjson all "$(((in1 - in0) / 1024))" \
      '. + {efQueries: $q, diskReadMB: $mb, machineReadMB: $all}' \
    >"$work/$provider-$name.json"
  [ $# -eq 0 ] || shown_args=' -H "Authorization: Bearer $ACCESS_TOKEN"'
  put "$provider.$name.cmd" "wrk -t$threads -c$connections -d${duration}s --timeout 10s$shown_args -s bench/wrk/verify.lua $base -- $(basename "$tokens") '$path'"
}
field() { jq -rc "$2" "$work/$1.json"; } # field PROVIDER-NAME jq-filter

# side_by_side PROVIDER SECONDS NAME TOKENS PATH BEARER [NAME TOKENS PATH BEARER ...]: the measurements taken in
# turn, $rounds rounds of SECONDS/$rounds each, so that each sees the same moments of a shared
# machine; then merged per NAME: requests and time added up, p50 the median of the rounds', p90,
# p99 and max the worst round's. BEARER is a signed-in caller's access token, or - for an anonymous one.
rounds=4
side_by_side() {
  local provider=$1 duration=$2
  shift 2
  local specs=("$@") slice=$((duration / rounds)) r i name files auth
  for r in $(seq 1 "$rounds"); do
    for ((i = 0; i < ${#specs[@]}; i += 4)); do
      auth=()
      [ "${specs[i + 3]}" = - ] || auth=(-H "Authorization: Bearer ${specs[i + 3]}")
      wrk_run "$provider" "${specs[i]}.r$r" 2 64 "$slice" "${specs[i + 1]}" "${specs[i + 2]}" "${auth[@]}"
    done
  done
  for ((i = 0; i < ${#specs[@]}; i += 4)); do
    name=${specs[i]}
    files=()
    for r in $(seq 1 "$rounds"); do files+=("$work/$provider-$name.r$r.json"); done
    jq -sc 'def sum(f): map(f) | add; def merged(f): reduce (map(f) | .[]) as $o ({}; reduce ($o | keys[]) as $k (.; .[$k] += $o[$k]));
      { requests: sum(.requests), seconds: (sum(.seconds) * 100 | round / 100), rps: (sum(.requests) / sum(.seconds) * 10 | round / 10),
        p50_ms: (map(.p50_ms) | sort | .[length / 2 | floor]), p90_ms: (map(.p90_ms) | max), p99_ms: (map(.p99_ms) | max), p99_rounds: map(.p99_ms),
        max_ms: (map(.max_ms) | max), errors: merged(.errors), statuses: merged(.statuses), results: merged(.results),
        efQueries: sum(.efQueries), diskReadMB: sum(.diskReadMB), machineReadMB: sum(.machineReadMB) }' \
      "${files[@]}" >"$work/$provider-$name.json"
    put "$provider.$name.cmd" "$rounds × { $(get "$provider.$name.r1.cmd") }, in turn with the others of its phase"
  done
}
warm() { wrk -t2 -c64 -d3s -s bench/wrk/verify.lua "$base" -- "$1" "$2" >/dev/null 2>&1 || true; }
# Every token of the file verified once, in order (the Host then has each signature checked, as
# a Host has after a day of checkpoints scanning the same permits): wrk waits the whole -d.
cover() { wrk -t2 -c64 -d30s --timeout 10s -s bench/wrk/verify.lua "$base" -- "$1" /api/v1/verify/ each 2 >/dev/null 2>&1 || true; }

# timed PROVIDER NAME METHOD PATH TOKEN [curl args]: one curl, its figures in R
timed() {
  local provider=$1 name=$2 method=$3 path=$4 token=$5
  shift 5
  local figures status total first size
  figures=$(curl -sS -o "$work/$provider-$name.body" -w '%{http_code} %{time_total} %{time_starttransfer} %{size_download}' \
    -X "$method" -H "Authorization: Bearer $token" "$@" "$base$path")
  read -r status total first size <<<"$figures"
  put "$provider.$name.status" "$status"
  put "$provider.$name.seconds" "$(printf '%.2f' "$total")"
  put "$provider.$name.ttfb" "$(printf '%.2f' "$first")"
  put "$provider.$name.bytes" "$size"
}

# ---------------------------------------------------------------- one provider
bench_provider() { # provider
  local p=$1 connection
  if [ "$p" = Postgres ]; then
    say "PostgreSQL: installed and started as .ci/run does"
    if ! command -v pg_isready >/dev/null 2>&1; then
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
    fi
    # Started when down, never restarted: other work may be using the server.
    pg_isready -q -h 127.0.0.1 || as_root service postgresql start >/dev/null
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 || die "PostgreSQL did not start"
    as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='permits'\"" | grep -q 1 \
      || as_root su postgres -c "psql -qc \"CREATE USER permits WITH PASSWORD 'permits' CREATEDB;\""
    pg_database="permits_bench_$(date +%s)_$$"
    psql "$pg_admin" -qc "CREATE DATABASE $pg_database" >/dev/null
    connection="Host=127.0.0.1;Database=$pg_database;Username=permits;Password=permits"
  else
    mkdir -p "$work/sqlite"
    connection="Data Source=$work/sqlite/permits.db"
  fi
  export Permits__Database__Provider=$p ConnectionStrings__Permits=$connection

  say "$p: Host, enterprises, users, periods"
  put "$p.load.start" "$(cut -d' ' -f1-3 /proc/loadavg), page cache $(page_cache_mb) MB"
  start_host "$p"
  put "$p.base" "$base"
  put "$p.database" "$(seeder database-version | head -n 1)"
  admin=$(login "$admin_email")
  expect 200 POST /api/v1/admin/geo/import "$admin" "${json[@]}" @"$shared/data/dvhcvn-2021-07-01.json" >/dev/null
  local ward_name approver checkpoint e_verify e_list e_upload e_stamp p1 p2
  ward_name=$(expect 200 GET "/api/v1/wards?cityCode=$city" "" | jq -r --arg w "$ward" '.[] | select(.code == $w) | .name')
  create_user approver@bench.local approver "\"cityCode\":\"$city\""
  approver=$(login approver@bench.local)
  create_user checkpoint@bench.local checkpoint "\"cityCode\":\"$city\""
  checkpoint=$(login checkpoint@bench.local)
  e_verify=$(register "Công ty TNHH Bench Verify" 0410000010 1000)
  e_list=$(register "Công ty TNHH Bench List" 0410000028 1000)
  e_upload=$(register "Công ty TNHH Bench Upload" 0410000035 20000)
  create_user verify@bench.local enterprise "\"enterpriseId\":\"$e_verify\""
  create_user list@bench.local enterprise "\"enterpriseId\":\"$e_list\""
  create_user upload@bench.local enterprise "\"enterpriseId\":\"$e_upload\""
  e_stamp=$(register "Công ty TNHH Bench Stamp" 0410000042 1000)
  create_user police@bench.local ward-police "\"wardCode\":\"$ward\""
  # Period 1 is current; period 2 starts at its end; both Da Nang's (the approver's city).
  p1=$(expect 201 POST /api/v1/periods "$admin" "${json[@]}" \
    "{\"label\":\"Bench 1\",\"cityCode\":\"$city\",\"startsAt\":\"$(date -u -d '-1 day' +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+13 days' +%FT%TZ)\"}")
  p2=$(expect 201 POST /api/v1/periods "$admin" "${json[@]}" \
    "$(jq -c --arg until "$(date -u -d '+27 days' +%FT%TZ)" '{label: "Bench 2", cityCode: .cityCode, startsAt: .endsAt, endsAt: $until}' <<<"$p1")" | jq -r .id)
  p1=$(jq -r .id <<<"$p1")
  sleep 3 # the outbox sends the registrations' emails before the bulk writes start

  # -------- 100,000 permits touched through their grains (the ward police's stamp), then idle
  say "$p: stamp $(num "$first") permits, each through its grain, then ${idle}s idle"
  seeder permits --enterprise "$e_stamp" --enterprise-name "Công ty TNHH Bench Stamp" --city "$city" --ward "$ward" \
    --ward-name "$ward_name" --count "$first" --offset "$((first + more))" --status approved --ids "$work/ids-stamp.txt" >/dev/null
  settle "$p"
  local police
  police=$(login police@bench.local)
  expect 200 POST "/api/v1/permits/$(head -n 1 "$work/ids-stamp.txt")/stamp" "$police" >/dev/null # the first call's cost apart
  tail -n +2 "$work/ids-stamp.txt" >"$work/ids-stamp-rest.txt"
  put "$p.stamp.rss" "$(rss_mb)"
  reset_peak
  # Every permit once, 16 at a time, as a ward's police stamping its backlog from several desks.
  seeder stamp --base "$base" --token "$police" --ids "$work/ids-stamp-rest.txt" --concurrency 16 >"$work/$p-stamp.out" 2>&1 \
    || { cat "$work/$p-stamp.out"; die "stamping failed"; }
  grep '^BENCH ' "$work/$p-stamp.out" | sed 's/^BENCH //' >"$work/$p-stamp.json"
  put "$p.stamp.peak" "$(peak_mb)"
  put "$p.stamp.after" "$(rss_mb)"
  put "$p.stamp.cmd" "dotnet TravelPermits.Bench.Seeder.dll stamp --base $base --token \$WARD_POLICE_TOKEN --ids ids-stamp.txt --concurrency 16"
  sleep "$idle"
  put "$p.stamp.idle" "$(rss_mb)"

  # -------- 100,000 permits
  say "$p: seed 100,000 permits (period 1)"
  rm -f "$work/tokens-1m.txt"
  local t0=$SECONDS
  seeder permits --enterprise "$e_verify" --enterprise-name "Công ty TNHH Bench Verify" --city "$city" --ward "$ward" \
    --ward-name "$ward_name" --count "$first" --offset 0 --period "$p1" --tokens "$work/tokens-100k.txt" \
    --sample-file "$work/tokens-1m.txt" --sample-every 10 --forged "$work/forged.txt" --forged-count 10000
  put "$p.seed100k.seconds" "$((SECONDS - t0))"
  settle "$p"
  await_valid "$(head -n 1 "$work/tokens-100k.txt")"
  put "$p.size.verify" "$(curl -sS -o /dev/null -w '%{size_download}' "$base/api/v1/verify/$(head -n 1 "$work/tokens-100k.txt")")"
  put "$p.size.bare" "$(curl -sS -o /dev/null -w '%{size_download}' "$base/bench/bare/$(head -n 1 "$work/tokens-100k.txt")")"
  say "$p: the verification's database read alone (bench/Seeder probe)"
  seeder probe --tokens "$work/tokens-100k.txt" >"$work/$p-probe.txt"
  if [ "$p" = Postgres ]; then
    # The same with other Npgsql settings (connection string only): no TLS on this loopback
    # connection (Npgsql prefers TLS and Debian's server offers it), then also no session reset
    # when a connection goes back to the pool and statements prepared automatically.
    for settings in "SSL Mode=Disable" "SSL Mode=Disable;No Reset On Close=true;Max Auto Prepare=20"; do
      ConnectionStrings__Permits="$connection;$settings" seeder probe --tokens "$work/tokens-100k.txt" \
        | sed "s/\$/, with $settings/" >>"$work/$p-probe.txt"
    done
  fi

  say "$p: wrk: bare, verify among 100,000 anonymous and signed in, forged, bare without a token (${seconds}s each, in $rounds rounds taken in turn)"
  warm "$work/tokens-100k.txt" /bench/bare/
  warm - /bench/bare
  cover "$work/tokens-100k.txt"
  warm "$work/tokens-100k.txt" /api/v1/verify/
  warm "$work/forged.txt" /api/v1/verify/
  local background0
  background0=$(pg_background "$p")
  side_by_side "$p" "$seconds" bare "$work/tokens-100k.txt" /bench/bare/ - verify100k "$work/tokens-100k.txt" /api/v1/verify/ - \
    signedin "$work/tokens-100k.txt" /api/v1/verify/ "$checkpoint" forged "$work/forged.txt" /api/v1/verify/ - \
    baretokenless - /bench/bare -
  put "$p.background100k" "$(pg_background "$p" "$background0")"

  # -------- 1,000,000 permits
  say "$p: seed 900,000 more permits (no period)"
  t0=$SECONDS
  seeder permits --enterprise "$e_list" --enterprise-name "Công ty TNHH Bench List" --city "$city" --ward "$ward" \
    --ward-name "$ward_name" --count "$more" --offset "$first" --sample-file "$work/tokens-1m.txt" --sample-every 10
  put "$p.seed900k.seconds" "$((SECONDS - t0))"
  settle "$p"
  await_valid "$(tail -n 1 "$work/tokens-1m.txt")" # a token of the new key
  say "$p: wrk: bare, verify among 1,000,000, permit lists"
  cover "$work/tokens-1m.txt"
  warm "$work/tokens-1m.txt" /bench/bare/
  warm "$work/tokens-1m.txt" /api/v1/verify/
  background0=$(pg_background "$p")
  side_by_side "$p" "$seconds" bare1m "$work/tokens-1m.txt" /bench/bare/ - verify1m "$work/tokens-1m.txt" /api/v1/verify/ -
  put "$p.background1m" "$(pg_background "$p" "$background0")"

  local list_token
  list_token=$(login list@bench.local)
  curl -sS -o /dev/null -H "Authorization: Bearer $list_token" "$base/api/v1/enterprises/$e_list/permits?limit=50"
  wrk_run "$p" list 1 1 10 - "/api/v1/enterprises/$e_list/permits?limit=50" -H "Authorization: Bearer $list_token"
  list_token=$(login verify@bench.local)
  curl -sS -o /dev/null -H "Authorization: Bearer $list_token" "$base/api/v1/enterprises/$e_verify/permits?limit=50"
  wrk_run "$p" listsmall 1 1 10 - "/api/v1/enterprises/$e_verify/permits?limit=50" -H "Authorization: Bearer $list_token"

  # -------- rollover of the 100,000 permits of period 1
  say "$p: rollover of 100,000 permits"
  timed "$p" rollover POST "/api/v1/periods/$p1/rollover" "$approver" "${json[@]}" "{\"toPeriodId\":\"$p2\"}"
  put "$p.rollover.carried" "$(jq -r '.carried // empty' "$work/$p-rollover.body" 2>/dev/null || true)"

  # -------- upload, approve, issue, print
  say "$p: upload 10,000 rows, issue 10,000 permits, print 1,000"
  curl -sS -o "$work/template.xlsx" "$base/api/v1/requests/template.xlsx"
  seeder workbook --template "$work/template.xlsx" --rows "$rows" --out "$work/bench-10000.xlsx"
  seeder workbook --template "$work/template.xlsx" --rows 10 --out "$work/warm-10.xlsx"
  local upload_token request_id verify_token
  # Warm-up, not measured: the same calls once on 10 people of the other enterprise, so that the
  # figures below are those of a Host that has served these calls before (no first-call JIT).
  verify_token=$(login verify@bench.local)
  timed "$p" warm-upload POST "/api/v1/enterprises/$e_verify/requests" "$verify_token" -F kind=addition \
    -F "file=@$work/warm-10.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  [ "$(get "$p.warm-upload.status")" = 201 ] || die "warm-up upload answered $(get "$p.warm-upload.status"): $(head -c 600 "$work/$p-warm-upload.body")"
  timed "$p" warm-approve POST "/api/v1/requests/$(jq -r .id "$work/$p-warm-upload.body")/approve" "$approver" "${json[@]}" '{}'
  jq -c '{entryIds: [.entries[].id]}' "$work/$p-warm-upload.body" >"$work/warm-issue.json"
  timed "$p" warm-issue POST "/api/v1/enterprises/$e_verify/permits" "$verify_token" -H 'content-type: application/json' --data-binary @"$work/warm-issue.json"
  [ "$(get "$p.warm-issue.status")" = 201 ] || die "warm-up issue answered $(get "$p.warm-issue.status"): $(head -c 600 "$work/$p-warm-issue.body")"
  jq -c '{permitIds: [.permits[].id]}' "$work/$p-warm-issue.body" >"$work/warm-print.json"
  timed "$p" warm-print POST /api/v1/permits/print "$verify_token" -H 'content-type: application/json' --data-binary @"$work/warm-print.json"

  upload_token=$(login upload@bench.local)
  put "$p.upload.rss" "$(rss_mb)"
  reset_peak
  timed "$p" upload POST "/api/v1/enterprises/$e_upload/requests" "$upload_token" -F kind=addition \
    -F "file=@$work/bench-10000.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  put "$p.upload.peak" "$(peak_mb)"
  [ "$(get "$p.upload.status")" = 201 ] || die "upload answered $(get "$p.upload.status"): $(head -c 600 "$work/$p-upload.body")"
  request_id=$(jq -r .id "$work/$p-upload.body")
  timed "$p" approve POST "/api/v1/requests/$request_id/approve" "$approver" "${json[@]}" '{"quota":{"quota":10000}}'
  [ "$(get "$p.approve.status")" = 200 ] || die "approval answered $(get "$p.approve.status"): $(head -c 600 "$work/$p-approve.body")"
  jq -c '{entryIds: [.entries[].id]}' "$work/$p-upload.body" >"$work/issue.json"
  timed "$p" issue POST "/api/v1/enterprises/$e_upload/permits" "$upload_token" -H 'content-type: application/json' --data-binary @"$work/issue.json"
  put "$p.issue.count" "$(jq -r '.permits | length' "$work/$p-issue.body" 2>/dev/null || echo 0)"
  jq -c '{permitIds: [.permits[:1000][].id]}' "$work/$p-issue.body" >"$work/print.json"
  put "$p.print.rss" "$(rss_mb)"
  reset_peak
  timed "$p" print POST /api/v1/permits/print "$upload_token" -H 'content-type: application/json' --data-binary @"$work/print.json"
  put "$p.print.peak" "$(peak_mb)"
  put "$p.print.pages" "$( (command -v pdfinfo >/dev/null && pdfinfo "$work/$p-print.body" 2>/dev/null | awk '/^Pages:/ { print $2 }') || true)"
  put "$p.load.end" "$(cut -d' ' -f1-3 /proc/loadavg), page cache $(page_cache_mb) MB"

  put "$p.host.warnings" "$(grep -cE '^(warn|fail|crit):' "$work/host-$p.log" || true)"
  # Each warning or error once, with its count: the level and category line, then the message's first line.
  awk '/^(warn|fail|crit):/ { head = $0; getline; sub(/^ +/, ""); print head " " substr($0, 1, 220) }' "$work/host-$p.log" \
    | sort | uniq -c | sort -rn | awk 'NR <= 12' >"$work/$p-warnings.txt" # awk reads to the end: no SIGPIPE under pipefail
  stop_host
  drop_database
  say "$p: done"
}

for provider in $providers; do
  bench_provider "$provider"
done

# ---------------------------------------------------------------- the figures and their verdicts
for p in $providers; do
  bare_rps=$(field "$p-bare" .rps)
  v_rps=$(field "$p-verify100k" .rps); v_p99=$(field "$p-verify100k" .p99_ms)
  m_p99=$(field "$p-verify1m" .p99_ms); m_rps=$(field "$p-verify1m" .rps); bare1m_rps=$(field "$p-bare1m" .rps)
  f_rps=$(field "$p-forged" .rps); f_req=$(field "$p-forged" .requests)
  f_invalid=$(field "$p-forged" '.results.invalid // 0'); f_queries=$(field "$p-forged" .efQueries)
  put "$p.ratio.verify" "$(div "$v_rps" "$bare_rps")"
  s_rps=$(field "$p-signedin" .rps); s_p99=$(field "$p-signedin" .p99_ms)
  s_valid=$(field "$p-signedin" '.results.valid // 0'); s_req=$(field "$p-signedin" .requests)
  put "$p.ratio.signedin" "$(div "$s_rps" "$bare_rps")"
  put "$p.signedin.figure" "$(num "$s_rps") req/s = $(get "$p.ratio.signedin") × bare; p50 $(field "$p-signedin" .p50_ms) ms, p99 $s_p99 ms; $(num "$s_valid") of $(num "$s_req") valid"
  put "$p.signedin.verdict" "$(verdict le 0.5 "$(get "$p.ratio.signedin")") (throughput), $(verdict le "$s_p99" 20) (p99)"
  put "$p.ratio.verify1m" "$(div "$m_rps" "$bare1m_rps")"
  put "$p.ratio.forged" "$(div "$f_rps" "$bare_rps")"
  put "$p.ratio.p99" "$(div "$m_p99" "$v_p99")"
  t_rps=$(field "$p-baretokenless" .rps)
  put "$p.ratio.verify.tokenless" "$(div "$v_rps" "$t_rps")"
  put "$p.ratio.signedin.tokenless" "$(div "$s_rps" "$t_rps")"
  put "$p.baretokenless.figure" "$(num "$t_rps") req/s; p50 $(field "$p-baretokenless" .p50_ms) ms, p99 $(field "$p-baretokenless" .p99_ms) ms; verify $(get "$p.ratio.verify.tokenless") ×, signed-in verify $(get "$p.ratio.signedin.tokenless") × this"
  put "$p.baretokenless.verdict" "reference before 2026-12-07"

  put "$p.bare.figure" "$(num "$bare_rps") req/s; p50 $(field "$p-bare" .p50_ms) ms, p99 $(field "$p-bare" .p99_ms) ms; $(get "$p.size.bare") bytes"
  put "$p.bare.verdict" "reference"
  put "$p.bare1m.figure" "$(num "$bare1m_rps") req/s; p50 $(field "$p-bare1m" .p50_ms) ms, p99 $(field "$p-bare1m" .p99_ms) ms"
  put "$p.bare1m.verdict" "reference"
  v_valid=$(field "$p-verify100k" '.results.valid // 0'); v_req=$(field "$p-verify100k" .requests)
  put "$p.verify100k.figure" "$(num "$v_rps") req/s = $(get "$p.ratio.verify") × bare; p50 $(field "$p-verify100k" .p50_ms) ms, p99 $v_p99 ms; $(num "$v_valid") of $(num "$v_req") valid; $(get "$p.size.verify") bytes; read from storage: Host $(field "$p-verify100k" .diskReadMB) MB, machine $(field "$p-verify100k" .machineReadMB) MB"
  [ -z "$(get "$p.background100k")" ] || put "$p.verify100k.figure" "$(get "$p.verify100k.figure"); meanwhile in PostgreSQL: $(get "$p.background100k")"
  put "$p.verify100k.verdict" "$(verdict le 0.5 "$(get "$p.ratio.verify")") (throughput), $(verdict le "$v_p99" 20) (p99)"
  m_valid=$(field "$p-verify1m" '.results.valid // 0'); m_req=$(field "$p-verify1m" .requests)
  put "$p.verify1m.figure" "p99 $m_p99 ms = $(get "$p.ratio.p99") × the 100,000 case (p99 of each round: $(field "$p-verify1m" '.p99_rounds | join(", ")') ms; among 100,000: $(field "$p-verify100k" '.p99_rounds | join(", ")') ms); p50 $(field "$p-verify1m" .p50_ms) ms; $(num "$m_rps") req/s = $(get "$p.ratio.verify1m") × bare ($(num "$bare1m_rps") req/s); $(num "$m_valid") of $(num "$m_req") valid; read from storage: Host $(field "$p-verify1m" .diskReadMB) MB, machine $(field "$p-verify1m" .machineReadMB) MB"
  [ -z "$(get "$p.background1m")" ] || put "$p.verify1m.figure" "$(get "$p.verify1m.figure"); meanwhile in PostgreSQL: $(get "$p.background1m")"
  put "$p.verify1m.verdict" "$(verdict le "$(get "$p.ratio.p99")" 1.5)"
  put "$p.forged.figure" "$(num "$f_rps") req/s = $(get "$p.ratio.forged") × bare; p99 $(field "$p-forged" .p99_ms) ms; $(num "$f_invalid") of $(num "$f_req") invalid; EF Core queries meanwhile: $f_queries (bare run: $(field "$p-bare" .efQueries), verify run: $(num "$(field "$p-verify100k" .efQueries)"))"
  no_query() { awk -v q="$f_queries" -v n="$f_req" 'BEGIN { exit !(q + 0 < n / 1000) }'; }
  put "$p.forged.verdict" "$(verdict le 0.25 "$(get "$p.ratio.forged")") (throughput), $(verdict test "$f_invalid" = "$f_req") (all invalid), $(verdict no_query) (no query)"

  put "$p.upload.figure" "$(get "$p.upload.seconds") s (HTTP $(get "$p.upload.status")); peak $(get "$p.upload.peak") MB (RSS before: $(get "$p.upload.rss") MB)"
  put "$p.upload.verdict" "$(verdict le "$(get "$p.upload.seconds")" 3) (time), $(verdict le "$(get "$p.upload.peak")" 400) (memory)"
  put "$p.stamp.figure" "1 + $(num "$(field "$p-stamp" '.statuses["200"] // 0')") of $(num "$first") stamped in $(field "$p-stamp" .seconds) s ($(field "$p-stamp" .rps) per second, p50 $(field "$p-stamp" .p50_ms) ms, p99 $(field "$p-stamp" .p99_ms) ms; statuses $(field "$p-stamp" .statuses)); Host memory $(get "$p.stamp.rss") MB before, peak $(get "$p.stamp.peak") MB, $(get "$p.stamp.after") MB at the end, $(get "$p.stamp.idle") MB after ${idle} s idle"
  put "$p.stamp.verdict" "$(verdict le "$(get "$p.stamp.idle")" 399) (memory once idle), $(verdict test "$(field "$p-stamp" '(.statuses["200"] // 0) + 1')" = "$first") (all stamped)"
  put "$p.issue.figure" "$(get "$p.issue.seconds") s (HTTP $(get "$p.issue.status"), $(num "$(get "$p.issue.count")") permits)"
  put "$p.issue.verdict" "$(verdict le "$(get "$p.issue.seconds")" 5)"
  put "$p.print.figure" "$(get "$p.print.seconds") s, first byte at $(get "$p.print.ttfb") s (HTTP $(get "$p.print.status"), $(num "$(get "$p.print.bytes")") bytes, $(get "$p.print.pages") pages); peak $(get "$p.print.peak") MB (RSS before: $(get "$p.print.rss") MB)"
  # Streamed: the first byte comes before half of the time, not once the whole file is made.
  put "$p.print.verdict" "$(verdict le "$(get "$p.print.seconds")" 5) (time), $(verdict le "$(get "$p.print.ttfb")" "$(awk -v t="$(get "$p.print.seconds")" 'BEGIN { print t / 2 }')") (streamed), $(verdict le "$(get "$p.print.peak")" 400) (memory)"
  case "$(get "$p.rollover.status")" in
    404|405)
      put "$p.rollover.figure" "not available (HTTP $(get "$p.rollover.status"): the endpoint is not in this tree)"
      put "$p.rollover.verdict" "not measured" ;;
    200)
      put "$p.rollover.figure" "$(get "$p.rollover.seconds") s ($(get "$p.rollover.carried") carried)"
      put "$p.rollover.verdict" "$(verdict le "$(get "$p.rollover.seconds")" 30)" ;;
    *)
      put "$p.rollover.figure" "HTTP $(get "$p.rollover.status") after $(get "$p.rollover.seconds") s: $(head -c 300 "$work/$p-rollover.body" | tr '\n|' '  ')"
      put "$p.rollover.verdict" "missed (error)" ;;
  esac
  for list in list listsmall; do
    put "$p.$list.figure" "p50 $(field "$p-$list" .p50_ms) ms, p99 $(field "$p-$list" .p99_ms) ms ($(field "$p-$list" .requests) requests, statuses $(field "$p-$list" .statuses | tr -d '"'); read from storage: Host $(field "$p-$list" .diskReadMB) MB, machine $(field "$p-$list" .machineReadMB) MB)"
    put "$p.$list.verdict" "$(verdict le "$(field "$p-$list" .p99_ms)" 50) (p99)"
  done
done

# ---------------------------------------------------------------- bench/results/latest.md
elapsed=$(($(date +%s) - started))
gc=$(jq -r '.runtimeOptions.configProperties["System.GC.Server"] // false' "$work/host/TravelPermits.Host.runtimeconfig.json")
name_of() { case $1 in Sqlite) echo SQLite ;; Postgres) echo PostgreSQL ;; *) echo "$1" ;; esac; }
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') in $((elapsed / 60)) min $((elapsed % 60)) s; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -z "$dirty" ] || echo ' with uncommitted changes'). See \`docs/benchmarks.md\` for what limits each figure."
  echo
  if [ "$first/$more/$rows/$seconds" != 100000/900000/10000/20 ]; then
    echo "**Trial run, not the benchmark: $first + $more permits, $rows rows, ${seconds}s per wrk run.**"
    echo
  fi
  echo "## Machine"
  echo
  echo "- $(nproc) cores ($(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -m | awk '/^Mem:/ { printf "%.1f GB", $2 / 1024 }') memory, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- load average (1, 5, 15 min) and page cache $(for p in $providers; do printf '%s: %s at its start, %s at its end; ' "$(name_of "$p")" "$(get "$p.load.start")" "$(get "$p.load.end")"; done)the machine is shared: other work ran meanwhile"
  echo "- .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }'), server GC: $gc"
  for p in $providers; do echo "- $(get "$p.database")$( [ "$p" != Sqlite ] || echo ' (the library the Host ships, SQLitePCLRaw.bundle_e_sqlite3)')"; done
  echo "- $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); wrk, the Host and the database share the same cores"
  echo
  echo "## Figures"
  echo
  printf '| measurement | target |'; for p in $providers; do printf ' %s |' "$(name_of "$p")"; done; echo
  printf '|---|---|'; for p in $providers; do printf -- '---|'; done; echo
  row() { # key label target
    printf '| %s | %s |' "$2" "$3"
    for p in $providers; do printf ' %s: **%s** |' "$(get "$p.$1.figure")" "$(get "$p.$1.verdict")"; done
    echo
  }
  row bare "bare endpoint \`GET /bench/bare/{token}\`, the same tokens and requests as verification, wrk 2 threads 64 connections" "reference"
  row verify100k "\`GET /api/v1/verify/{token}\`, random live permits among 100,000" "throughput ≥ 0.5 × bare; p99 ≤ 20 ms"
  row signedin "the same by a signed-in checkpoint (a bearer token on every scan)" "throughput ≥ 0.5 × bare; p99 ≤ 20 ms"
  row bare1m "bare endpoint again, after the 1,000,000 permits are in" "reference"
  row verify1m "the same among 1,000,000 permits" "p99 ≤ 1.5 × the 100,000 case"
  row baretokenless "bare endpoint without a token, \`GET /bench/bare\` (the reference of earlier runs)" "-"
  row forged "forged tokens (well-formed, known key id, random signature)" "\`invalid\`, no database query; throughput ≥ 0.25 × bare"
  row upload "upload of a 10,000-row template" "≤ 3 s; Host peak memory ≤ 400 MB"
  row issue "issue 10,000 permits in one call" "≤ 5 s"
  row print "print 1,000 permits to PDF" "≤ 5 s, streamed, Host peak memory ≤ 400 MB"
  row rollover "rollover of 100,000 permits" "≤ 30 s"
  row stamp "100,000 permits each touched through its grain (the ward police's stamp), then idle" "Host memory < 400 MB once idle"
  row list "first page (50) of an enterprise's permit list among 1,000,000 permits: the enterprise holding 900,000" "≤ 50 ms"
  row listsmall "the same for the enterprise holding 100,000" "≤ 50 ms"
  echo
  echo "## Same-run ratios"
  echo
  printf '| ratio | target |'; for p in $providers; do printf ' %s |' "$(name_of "$p")"; done; echo
  printf '|---|---|'; for p in $providers; do printf -- '---|'; done; echo
  printf '| verify among 100,000 / bare (requests/s) | ≥ 0.5 |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.verify")"; done; echo
  printf '| signed-in verify among 100,000 / bare (requests/s) | ≥ 0.5 |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.signedin")"; done; echo
  printf '| verify among 100,000 / bare without a token (as runs before 2026-12-07 measured it) | - |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.verify.tokenless")"; done; echo
  printf '| signed-in verify among 100,000 / bare without a token | - |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.signedin.tokenless")"; done; echo
  printf '| forged / bare (requests/s) | ≥ 0.25 |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.forged")"; done; echo
  printf '| verify among 1,000,000 / bare of the same phase (requests/s) | - |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.verify1m")"; done; echo
  printf '| p99 among 1,000,000 / p99 among 100,000 | ≤ 1.5 |'; for p in $providers; do printf ' %s |' "$(get "$p.ratio.p99")"; done; echo
  echo
  echo "## The verification's database read alone"
  echo
  echo "\`dotnet TravelPermits.Bench.Seeder.dll probe --tokens tokens-100k.txt\` (bench/Seeder/Probe.cs): a verification's permit read,"
  echo "5,000 times on one thread among 100,000 permits, through EF Core by how its DbContext is had, and as the plain ADO.NET command that"
  echo "\`PermitReads\` makes. Not a target: it shows why the verification reads without EF Core."
  echo
  for p in $providers; do
    echo "- $(name_of "$p"):"
    sed 's/^/  - /' "$work/$p-probe.txt"
  done
  echo
  echo "## How each figure was measured"
  echo
  echo "- Anonymous verification is rate limited per address; the bench lifts the limit with"
  echo "  \`Permits__RateLimits__AnonymousVerifyPerMinute=1000000000\` (the limiter still runs), so wrk calls as an"
  echo "  anonymous phone would. \`GET /bench/bare/{token}\` (\`Permits__Bench__Enabled=true\`) goes through the same middleware"
  echo "  and rate-limiting policy and answers a constant body shaped like an anonymous verification answer. wrk asks it with the"
  echo "  same tokens, picked the same way, as the verification: wrk shares the Host's cores, and picking a token and writing a"
  echo "  300-byte request line cost it as much per request as the Host's whole bare answer, so a reference without the token"
  echo "  charged the verification with the load generator's work. That reference, \`GET /bench/bare\`, is still measured and shown."
  echo "- Permits are written by \`bench/Seeder\` (signed by the Permits module's own code with a key it adds as a"
  echo "  retired key): 100,000 for one enterprise in period 1, then 900,000 for another. Before the timed verification runs, every token"
  echo "  of the file is verified once (\`verify.lua\` mode \`each\`), so the Host has checked each signature, as it has after a day of"
  echo "  checkpoints scanning the same permits; the forged run shows the cost of a signature check at every request. The runs of a phase"
  echo "  (bare, verification, forged) are taken in turn, $rounds rounds of a quarter of their time each, so that each sees the same moments"
  echo "  of the shared machine; p99 is then the worst round's. Tokens are picked at random"
  echo "  by \`bench/wrk/verify.lua\` from all 100,000, or from every tenth of the 1,000,000; forged tokens are 10,000 of"
  echo "  them with a random signature. \"EF Core queries meanwhile\" is the Host's \`microsoft.entityframeworkcore.queries\`"
  echo "  counter (\`GET /bench/counters\`) before and after the run; the outbox's polling runs a few in any run."
  echo "- Bulk calls are one curl each; \`time_total\` is the figure. Each was made once before on 10 people of"
  echo "  another enterprise (upload, approve, issue, print), so the figures are those of a Host that has served"
  echo "  them before. Peak memory is the Host's VmHWM after \`echo 5 > /proc/PID/clear_refs\` just before the call."
  echo "  After each bulk load the seeder runs VACUUM (ANALYZE) on PostgreSQL, as autovacuum would soon after such a load."
  echo "- Seeding (not a target): $(for p in $providers; do printf '%s 100,000 in %s s, 900,000 in %s s; ' "$(name_of "$p")" "$(get "$p.seed100k.seconds")" "$(get "$p.seed900k.seconds")"; done)"
  echo "- Warnings or errors in the Host's log during the run: $(for p in $providers; do printf '%s %s; ' "$(name_of "$p")" "$(get "$p.host.warnings")"; done)"
  echo
  for p in $providers; do
    echo "### The Host's warnings and errors, $(name_of "$p")"
    echo
    if [ -s "$work/$p-warnings.txt" ]; then echo '```'; sed 's/^ *//' "$work/$p-warnings.txt"; echo '```'; else echo "None."; fi
    echo
  done
  for p in $providers; do
    echo "### Commands, $(name_of "$p")"
    echo
    echo '```'
    echo "$(get "$p.bare.cmd")"
    echo "$(get "$p.verify100k.cmd")"
    echo "$(get "$p.forged.cmd")"
    echo "$(get "$p.baretokenless.cmd")"
    echo "$(get "$p.bare1m.cmd")"
    echo "$(get "$p.verify1m.cmd")"
    echo "$(get "$p.list.cmd")"
    echo "$(get "$p.listsmall.cmd")"
    echo "$(get "$p.stamp.cmd")"
    echo "curl -X POST $(get "$p.base")/api/v1/periods/{period1}/rollover -H \"Authorization: Bearer \$APPROVER_TOKEN\" -H 'content-type: application/json' --data-binary '{\"toPeriodId\":\"{period2}\"}' -w '%{time_total}'"
    echo "curl -X POST $(get "$p.base")/api/v1/enterprises/{id}/requests -H \"Authorization: Bearer \$ENTERPRISE_TOKEN\" -F kind=addition -F 'file=@bench-10000.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' -w '%{time_total}'"
    echo "curl -X POST $(get "$p.base")/api/v1/requests/{id}/approve -H \"Authorization: Bearer \$APPROVER_TOKEN\" -H 'content-type: application/json' --data-binary '{\"quota\":{\"quota\":10000}}'   # $(get "$p.approve.seconds") s"
    echo "curl -X POST $(get "$p.base")/api/v1/enterprises/{id}/permits -H \"Authorization: Bearer \$ENTERPRISE_TOKEN\" -H 'content-type: application/json' --data-binary @issue.json -w '%{time_total}'   # 10,000 entryIds"
    echo "curl -X POST $(get "$p.base")/api/v1/permits/print -H \"Authorization: Bearer \$ENTERPRISE_TOKEN\" -H 'content-type: application/json' --data-binary @print.json -w '%{time_total} %{time_starttransfer}'   # 1,000 permitIds"
    echo '```'
    echo
  done
} >"$out"
say "wrote $out"
cat "$out"
