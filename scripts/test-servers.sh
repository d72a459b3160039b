#!/usr/bin/env bash
# Starts and stops a PostgreSQL 15 and a MariaDB server on loopback for
# Covet's tests, in a temporary directory, on free ports, with a test role and
# database. As root the servers run as the postgres / mysql users; as any other
# user they run as that user.
#
#   scripts/test-servers.sh run -- COMMAND [ARGS...]
#       start both servers, run COMMAND with COVET_TEST_PG_URL and
#       COVET_TEST_MYSQL_URL exported, then stop both (always, via trap);
#       exits with COMMAND's status.
#   scripts/test-servers.sh start      start both; print the export lines and
#                                      the directory; the servers keep running
#   scripts/test-servers.sh stop DIR   stop the servers started in DIR
#   scripts/test-servers.sh crash DIR pg|mysql
#       stop that server abruptly (PostgreSQL: immediate shutdown, no
#       checkpoint; MariaDB: SIGKILL), as a crash or a power cut would
#   scripts/test-servers.sh restart DIR pg|mysql
#       start it again on its port and data (crash recovery runs)
#
# Set COVET_SERVERS=pg or COVET_SERVERS=mysql to start only one of them.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
TEST_USER=covet
TEST_PASSWORD=covet_pw
TEST_DB=covet
WANT="${COVET_SERVERS:-pg mysql}"

log() { echo "test-servers: $*" >&2; }

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1
# Runs a command as the PostgreSQL server's owner.
as_pg() { if [ $IS_ROOT -eq 1 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
own() { if [ $IS_ROOT -eq 1 ]; then chown "$1" "${@:2}"; fi; }
MY_ADMIN=$([ $IS_ROOT -eq 1 ] && echo root || id -un)
# The servers are scratch: with eatmydata (scripts/install-deps.sh installs
# it) their fsync calls return at once, as PostgreSQL's fsync=off does for its
# own files. MariaDB syncs every table file it creates (30-60 ms per DDL on a
# disk) whatever its settings; a killed server or process still loses nothing,
# only a power cut would. COVET_TEST_SERVERS_SYNC=1 keeps the syncs.
NOSYNC=()
if [ "${COVET_TEST_SERVERS_SYNC:-0}" != 1 ] && command -v eatmydata >/dev/null 2>&1; then
  NOSYNC=(eatmydata)
elif [ "${COVET_TEST_SERVERS_SYNC:-0}" != 1 ] && [ "${1:-}" != stop ]; then
  log "eatmydata is not installed: the servers sync every write (MariaDB DDL 30-60 ms each; the suite takes much longer)"
fi
MY_USER_OPT=()
[ $IS_ROOT -eq 1 ] && MY_USER_OPT=(--user=mysql)

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  log "no free port found"
  return 1
}

start_pg() {
  local dir="$1" port
  port=$(free_port)
  mkdir -p "$dir/pg" "$dir/pgsock"
  own postgres:postgres "$dir/pg" "$dir/pgsock"
  as_pg "$PG_BIN/initdb" -D "$dir/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/pg-initdb.log" 2>&1 || { cat "$dir/pg-initdb.log" >&2; return 1; }
  launch_pg "$dir" "$port" || return 1
  as_pg "$PG_BIN/psql" -h "$dir/pgsock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $TEST_USER LOGIN CREATEDB PASSWORD '$TEST_PASSWORD'" \
    -c "CREATE DATABASE $TEST_DB OWNER $TEST_USER" >&2
  echo "$port" >"$dir/pg.port"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

launch_pg() {
  local dir="$1" port="$2"
  as_pg "${NOSYNC[@]}" "$PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >"$dir/pg-start.log" 2>&1 || { cat "$dir/pg-start.log" "$dir/pg/server.log" >&2; return 1; }
}

stop_pg() {
  local dir="$1"
  [ -d "$dir/pg/data" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
}

start_mysql() {
  local dir="$1" port
  port=$(free_port)
  mkdir -p "$dir/my" "$dir/my/tmp" "$dir/mysock"
  own mysql:mysql "$dir/my" "$dir/my/tmp" "$dir/mysock"
  # Each server has its own tmpdir: a mariadbd that starts deletes every '#sql*'
  # file in its tmpdir (leftovers of "its" last run), so with a shared /tmp a
  # server restarted by one suite (tst_cliserverstop) deleted the temporary
  # tables of another server's running query ("Error on delete of
  # '/tmp/#sql-temptable-…MAI'", seen in CI in tst_clisafety).
  mariadb-install-db --no-defaults "${MY_USER_OPT[@]}" --datadir="$dir/my/data" --tmpdir="$dir/my/tmp" --auth-root-authentication-method=socket \
    --skip-test-db >"$dir/my-install.log" 2>&1 || { cat "$dir/my-install.log" >&2; return 1; }
  launch_mysql "$dir" "$port" || return 1
  mariadb --no-defaults --socket="$dir/mysock/mysqld.sock" -u"$MY_ADMIN" -e "
    CREATE USER '$TEST_USER'@'127.0.0.1' IDENTIFIED BY '$TEST_PASSWORD';
    CREATE USER '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'127.0.0.1' WITH GRANT OPTION;
    GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'localhost' WITH GRANT OPTION;
    CREATE DATABASE $TEST_DB;" || { cat "$dir/my/error.log" >&2; return 1; }
  echo "$port" >"$dir/mysql.port"
  log "MariaDB $(mariadbd --no-defaults --version | awk '{print $3}') on 127.0.0.1:$port"
}

launch_mysql() {
  local dir="$1" port="$2"
  "${NOSYNC[@]}" mariadbd --no-defaults "${MY_USER_OPT[@]}" --datadir="$dir/my/data" --tmpdir="$dir/my/tmp" --socket="$dir/mysock/mysqld.sock" \
    --pid-file="$dir/my/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --skip-log-bin --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --log-error="$dir/my/error.log" >/dev/null 2>&1 &
  for _ in $(seq 1 240); do
    if mariadb-admin --no-defaults --socket="$dir/mysock/mysqld.sock" -u"$MY_ADMIN" ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.25
  done
  log "MariaDB did not answer within 60 s"; cat "$dir/my/error.log" >&2; return 1
}

crash_server() {
  local dir="$1" which="$2"
  case "$which" in
    pg) as_pg "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m immediate -w -t 30 stop >/dev/null ;;
    mysql)
      local pid
      pid=$(cat "$dir/my/mysqld.pid")
      kill -9 "$pid"
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
      log "mariadbd $pid did not die"; return 1 ;;
    *) log "crash: pg or mysql, not '$which'"; return 2 ;;
  esac
}

restart_server() {
  local dir="$1" which="$2"
  case "$which" in
    pg) launch_pg "$dir" "$(cat "$dir/pg.port")" ;;
    mysql) launch_mysql "$dir" "$(cat "$dir/mysql.port")" ;;
    *) log "restart: pg or mysql, not '$which'"; return 2 ;;
  esac
}

stop_mysql() {
  local dir="$1"
  [ -f "$dir/my/mysqld.pid" ] || return 0
  local pid
  pid=$(cat "$dir/my/mysqld.pid" 2>/dev/null || true)
  mariadb-admin --no-defaults --socket="$dir/mysock/mysqld.sock" -u"$MY_ADMIN" shutdown >/dev/null 2>&1 || true
  if [ -n "$pid" ]; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

env_lines() {
  local dir="$1"
  if [ -f "$dir/pg.port" ]; then
    echo "export COVET_TEST_PG_URL=postgresql://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$(cat "$dir/pg.port")/$TEST_DB"
    echo "export COVET_TEST_PG_SOCKET_DIR=$dir/pgsock"
  fi
  if [ -f "$dir/mysql.port" ]; then
    echo "export COVET_TEST_MYSQL_URL=mysql://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$(cat "$dir/mysql.port")/$TEST_DB"
  fi
  echo "export COVET_SERVERS_DIR=$dir"
}

start_all() {
  local dir
  dir=$(mktemp -d /tmp/covet-servers.XXXXXX)
  chmod 755 "$dir"
  case " $WANT " in *" pg "*) start_pg "$dir" || { stop_all "$dir"; return 1; } ;; esac
  case " $WANT " in *" mysql "*) start_mysql "$dir" || { stop_all "$dir"; return 1; } ;; esac
  env_lines "$dir" >"$dir/env.sh"
  echo "$dir"
}

stop_all() {
  local dir="$1"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  stop_pg "$dir"
  stop_mysql "$dir"
  rm -rf "$dir"
  log "stopped and removed $dir"
}

cmd="${1:-}"
case "$cmd" in
  start)
    dir=$(start_all)
    cat "$dir/env.sh"
    ;;
  stop)
    stop_all "${2:?usage: test-servers.sh stop DIR}"
    ;;
  crash)
    crash_server "${2:?usage: test-servers.sh crash DIR pg|mysql}" "${3:?usage: test-servers.sh crash DIR pg|mysql}"
    ;;
  restart)
    restart_server "${2:?usage: test-servers.sh restart DIR pg|mysql}" "${3:?usage: test-servers.sh restart DIR pg|mysql}"
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || { log "usage: test-servers.sh run -- COMMAND"; exit 2; }
    SERVERS_DIR=""
    trap 'stop_all "$SERVERS_DIR"' EXIT INT TERM
    SERVERS_DIR=$(start_all)
    # shellcheck disable=SC1091
    source "$SERVERS_DIR/env.sh"
    set +e
    "$@"
    status=$?
    set -e
    exit $status
    ;;
  *)
    sed -n '2,21p' "$0" >&2
    exit 2
    ;;
esac
