#!/usr/bin/env bash
# The command center on real exports, in a real terminal: a support desk without a CRM
# (Zendesk's CSV export) opens on its own tickets with the desk's own labels, and the sales
# screens say what they need; then a Salesforce export around Chicago adds accounts and reps
# and the Territories map shows the data's own area. Uses a store and config of its own.
# Builds nothing. Usage: Tests/TUITests/tmux-imports.sh PATH/TO/opsdeck
set -u

binary=${1:-}
[[ -n "$binary" && -x "$binary" ]] || { echo "tmux-imports: FAIL: pass the opsdeck binary" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
vendors="$here/../EngineTests/Core/Data/Fixtures/Vendors"
data=$(mktemp -d); config=$(mktemp -d)
# A socket per opening: a server still shutting down must never take the next session.
opened=0
socket="opsdeck-imports-$$-0"
tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$data" "$config"; }
trap cleanup EXIT
export XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$config"
mkdir -p "$config/opsdeck"
# Zendesk leaves some priorities empty: the desk says which priority they take.
echo "priority.default = normal" > "$config/opsdeck/sla.conf"

label=tmux-imports session=imports
source "$here/tmux-lib.sh"
open_center() {
    tm kill-server >/dev/null 2>&1
    opened=$((opened + 1))
    socket="opsdeck-imports-$$-$opened"
    printf -v quoted '%q' "$binary"
    tm -f /dev/null new-session -d -s imports -x 160 -y 48 \
        "env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME=$data XDG_CONFIG_HOME=$config $quoted; sleep 30"
    wait_for "1 SLA queue" 600 || fail "the command center did not open"
}

"$binary" import tickets "$vendors/zendesk_tickets_export.csv" > "$data/import.txt" || fail "the Zendesk export was refused"
grep -q "64 rows read, 64 kept" "$data/import.txt" || fail "the Zendesk export lost rows: $(head -1 "$data/import.txt")"
"$binary" run > "$data/run.txt" 2>&1 || fail "run on a tickets-only store failed: $(tail -1 "$data/run.txt")"
open_center
wait_for "64 tickets" || fail "the status bar does not show the 64 imported tickets"
wait_for "Urgent" || fail "the queue does not show Zendesk's own priorities"
wait_for "Web form" || fail "the queue does not show Zendesk's own channels"
tm send-keys -t imports 2
wait_for "It needs accounts with coordinates and reps" || fail "Territories does not say which data it needs"
tm send-keys -t imports q

"$binary" import customers "$vendors/salesforce_accounts.csv" > /dev/null || fail "the Salesforce accounts were refused"
"$binary" import reps "$vendors/salesforce_users.csv" > /dev/null || fail "the Salesforce users were refused"
"$binary" run > "$data/run2.txt" 2>&1 || fail "run on imported accounts failed: $(tail -1 "$data/run2.txt")"
open_center
tm send-keys -t imports 2
wait_for "data area 41." || fail "Territories does not show the accounts' own area (around Chicago)"
if tm capture-pane -p -t imports | grep -qF "Barcelona"; then fail "Barcelona appears on imported data"; fi
tm send-keys -t imports q
echo "tmux-imports: OK: Zendesk tickets alone open on their own labels, sales screens say what they need; Salesforce accounts around Chicago map to their own area"
