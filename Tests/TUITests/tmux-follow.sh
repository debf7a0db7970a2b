#!/usr/bin/env bash
# A followed export in a real terminal (issue 19, item 2): the command center opens with
# --follow on a Zendesk export, tickets are appended to the file, and the SLA queue shows
# them without a restart; a row that fails its gates is named on the status line (file,
# line, column) while the queue keeps its last good state. Uses a store and config of its own.
# Builds nothing. Usage: Tests/TUITests/tmux-follow.sh PATH/TO/opsdeck
set -u

binary=${1:-}
[[ -n "$binary" && -x "$binary" ]] || { echo "tmux-follow: FAIL: pass the opsdeck binary" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
vendors="$here/../EngineTests/Core/Data/Fixtures/Vendors"
data=$(mktemp -d); config=$(mktemp -d)
socket="opsdeck-follow-$$"
tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$data" "$config"; }
trap cleanup EXIT
export XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$config"
mkdir -p "$config/opsdeck"
echo "priority.default = normal" > "$config/opsdeck/sla.conf"

label=tmux-follow session=follow
source "$here/tmux-lib.sh"

export_file="$data/zendesk.csv"
cp "$vendors/zendesk_tickets_export.csv" "$export_file"
"$binary" import tickets "$export_file" > "$data/import.txt" || fail "the Zendesk export was refused"
"$binary" run > "$data/run.txt" 2>&1 || fail "run on the Zendesk tickets failed: $(tail -1 "$data/run.txt")"

# One Zendesk row in the export's own columns (42), only the fields that matter filled in.
row() {  # id status priority created
    local cells=()
    local i
    for ((i = 0; i < 42; i++)); do cells+=(""); done
    cells[1]=$1; cells[5]="live@example.org"; cells[9]="Tier 1"; cells[10]="Followed ticket $1"
    cells[12]=$2; cells[13]=$3; cells[14]="Phone"; cells[15]="Incident"; cells[16]=$4
    local IFS=,
    echo "${cells[*]}"
}

printf -v quoted '%q' "$binary"
tm -f /dev/null new-session -d -s follow -x 160 -y 48 \
    "env LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME=$data XDG_CONFIG_HOME=$config $quoted --follow $export_file --poll-seconds 0.2; sleep 30"
wait_for "1 SLA queue" 600 || fail "the command center did not open"
wait_for "following $export_file" || fail "the status line does not say the export is followed"
if tm capture-pane -p -t follow | grep -qF "L9001"; then fail "L9001 is in the queue before it was appended"; fi

row L9001 Open Urgent "2024-03-30 08:00:00" >> "$export_file"
row L9002 New High "2024-03-30 08:05:00" >> "$export_file"
wait_for "L9001" 100 || fail "the appended ticket L9001 did not reach the queue"
wait_for "2 changed tickets (2 new" 50 || fail "the status line does not count the two appended tickets"
tm capture-pane -p -t follow | grep -qF "L9002" || fail "the appended ticket L9002 is not in the queue"

lines=$(wc -l < "$export_file")
row L9003 Open High "not a time" >> "$export_file"
wait_for "zendesk.csv:$((lines + 1)):" 50 || fail "the refused row is not named with its line on the status line"
wait_for "last good state kept" 10 || fail "the status line does not say the last good state is kept"
if tm capture-pane -p -t follow | grep -qF "L9003"; then fail "the refused ticket L9003 reached the queue"; fi
tm capture-pane -p -t follow | grep -qF "L9001" || fail "the queue lost its last good state"
tm send-keys -t follow q
echo "tmux-follow: OK: tickets appended to a followed Zendesk export reach the queue without a restart; a refused row is named (file:line) and the last good state stays"
