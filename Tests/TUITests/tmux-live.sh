#!/usr/bin/env bash
# The live command center in a real terminal (issue 19): two `opsdeck` command centers on one
# store under tmux (own socket, fixed size), as two managers (USER=ana, USER=bob). Checks that
# the status bar shows the running clock ("as of HH:MM live") and the alert counter ("N
# alerts"), that F freezes the clock ("frozen at HH:MM"), that ana's escalation shows in
# bob's queue within seconds ("escalated by ana HH:MM"), that each alert's hook ran once per
# ticket and rule, and that a restart fires none again.
# Builds nothing. Usage: Tests/TUITests/tmux-live.sh PATH/TO/opsdeck
set -u

binary=${1:-}
if [[ -z "$binary" || ! -x "$binary" ]]; then
    echo "tmux-live: FAIL: pass the opsdeck binary as the first argument (got '${binary}')" >&2
    exit 1
fi
if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux-live: FAIL: tmux is not installed" >&2
    exit 1
fi

socket="opsdeck-live-$$"
work=$(mktemp -d)
tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

label=tmux-live session=ana
source "$(dirname "$0")/tmux-lib.sh"

mkdir -p "$work/config/opsdeck"
hooks="$work/hooks.log"
cat > "$work/config/opsdeck/alerts.conf" <<CONF
rule late-and-likely: p >= 0.7 and left < 2h
rule big-loss: expected_loss >= 300
hook late-and-likely: echo "{ticket} {rule}" >> '$hooks'
hook.min_interval = 0s
CONF
# OPSDECK_LIVE_DB: the same walk on another store (CI runs it again on PostgreSQL).
db="${OPSDECK_LIVE_DB:-$work/opsdeck.sqlite}"
"$binary" run --db "$db" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; echo "tmux-live: FAIL: opsdeck run failed" >&2; exit 1; }

printf -v quoted '%q' "$binary"
start() {  # start SESSION USER
    tm -f /dev/null new-session -d -s "$1" -x 160 -y 48 \
        "env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME='$work/config' USER=$2 $quoted --db '$db'; sleep 30"
}
start ana ana
wait_for "1 SLA queue" 600 || fail "ana's command center did not open"
wait_for " live" || fail "the status bar does not show the running clock (as of HH:MM live)"
tm capture-pane -p -t ana | grep -qE "as of [0-9]{2}:[0-9]{2} live" || fail "no 'as of HH:MM live' in the status bar"
tm capture-pane -p -t ana | grep -qE "[0-9]+ alerts?( |$)" || fail "no alert counter (N alerts) in the status bar"

# Each alert's hook ran once: no (ticket, rule) twice in the hook log.
for ((i = 0; i < 50; i++)); do [[ -s "$hooks" ]] && break; sleep 0.1; done
[[ -s "$hooks" ]] || fail "no alert hook ran (expected lines in $hooks)"
# The hooks run one by one behind the screen: wait until ana's have all run (no new line for 2 s).
last=-1
for ((i = 0; i < 100; i++)); do
    now=$(wc -l < "$hooks"); [[ $now -eq $last ]] && break; last=$now; sleep 2
done
[[ -z "$(sort "$hooks" | uniq -d)" ]] || fail "a hook ran twice for one ticket and rule: $(sort "$hooks" | uniq -d | head -1)"
fired=$(wc -l < "$hooks")

# The alert list.
tm send-keys -t ana '!'
wait_for "Alerts · " || fail "! did not open the alert list"
wait_for "late-and-likely" || fail "the alert list does not show the rule"
tm send-keys -t ana Escape

# Bob opens the same store; ana escalates the top ticket; bob sees it within seconds.
session=bob
start bob bob
wait_for "1 SLA queue" 600 || fail "bob's command center did not open"
wait_for " live" || fail "bob's status bar does not show the running clock"
[[ $(wc -l < "$hooks") -eq $fired ]] || fail "bob's command center fired alerts ana's had already fired"
session=ana
tm send-keys -t ana e
wait_for "escalated by ana" || fail "ana's escalation was not confirmed"
session=bob
wait_for "escalated by ana" 50 || fail "bob's screen did not show ana's escalation within 5 s"
wait_for "ESCALATED" || fail "bob's queue does not mark the ticket escalated"

# F freezes ana's clock for a what-if; F again lets it run.
session=ana
tm send-keys -t ana F
wait_for "frozen at" || fail "F did not freeze the clock"
tm send-keys -t ana F
wait_for "clock running again" || fail "F did not let the clock run again"

# A restart fires nothing already fired.
tm send-keys -t ana q
sleep 0.5
tm kill-session -t ana
start ana ana
wait_for "1 SLA queue" 600 || fail "ana's command center did not reopen"
wait_for " live" || fail "the reopened status bar does not show the running clock"
sleep 1
[[ $(wc -l < "$hooks") -eq $fired ]] || fail "the restart fired alerts again ($(wc -l < "$hooks") hook runs, was $fired)"
tm send-keys -t ana q
tm send-keys -t bob q
echo "tmux-live: ok ($fired hook runs, each once)"
