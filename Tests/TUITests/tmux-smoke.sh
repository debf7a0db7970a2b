#!/usr/bin/env bash
# Smoke test of the real binary in a real terminal: starts bare `opsdeck` (the demo on an empty store) under tmux on
# its own socket at a fixed size, waits (by polling, never a fixed sleep) for the
# screen, on the SLA screen types a capacity and presses + until net savings change, presses 2, ? and q, and checks what the terminal shows after each key.
# Builds nothing. Usage: Tests/TUITests/tmux-smoke.sh PATH/TO/opsdeck
set -u

binary=${1:-}
if [[ -z "$binary" || ! -x "$binary" ]]; then
    echo "tmux-smoke: FAIL: pass the opsdeck binary as the first argument (got '${binary}')" >&2
    exit 1
fi
if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux-smoke: FAIL: tmux is not installed" >&2
    exit 1
fi

socket="opsdeck-smoke-$$"
status_file=$(mktemp)
tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -f "$status_file"; }
trap cleanup EXIT

label=tmux-smoke session=smoke
source "$(dirname "$0")/tmux-lib.sh"

# Polls until the program has exited and written its status.
wait_for_exit() {
    local i
    for ((i = 0; i < 100; i++)); do
        [[ -s "$status_file" ]] && return 0
        sleep 0.1
    done
    return 1
}

printf -v quoted '%q' "$binary"
tm -f /dev/null new-session -d -s smoke -x 100 -y 30 \
    "env LANG=C.UTF-8 TERM=xterm-256color $quoted; echo \$? > $status_file; sleep 30"

# The first start builds the demo on an empty store (a debug build is slow): allow it time.
wait_for "1 SLA queue" 1200 || fail "the command center did not open (no '1 SLA queue' tab)"
wait_for "q quit" || fail "no key hints in the bottom bar"

# Screen 1 is the SLA queue: type a capacity, read net savings, step the slider with +
# and poll until the savings tile shows a different figure.
wait_for "Escalations/day" || fail "the SLA screen did not show the capacity slider"
wait_for "Net savings" || fail "the SLA screen did not show the net savings tile"
# What an escalation costs and does, with the source of each number, and the two rankings.
wait_for "Escal. 20m×45/h=15.00 default · effect 60% default" || fail "the SLA screen did not show the escalation economics"
wait_for "by loss " || fail "the SLA screen did not compare the expected-loss and probability-only rankings"
# The first figure under the "Net savings" label: the backtest net savings.
net_savings() {
    tm capture-pane -p -t smoke | awk '
        col == 0 { i = index($0, "Net savings"); if (i > 0) { col = i; next } }
        col > 0 { v = substr($0, col, 14); gsub(/[│|]/, " ", v); split(v, f, " "); if (f[1] != "") { print f[1]; exit } }'
}
tm send-keys -t smoke '#' 1 0 Enter
wait_for "10 /day" || fail "typing # 10 Enter did not set the capacity to 10/day"
before=$(net_savings)
[[ -n "$before" ]] || fail "no net savings figure under its label"
tm send-keys -t smoke +
wait_for "11 /day" || fail "pressing + did not move the capacity slider to 11/day"
wait_for "At 11/day: by loss" || fail "the ranking comparison did not follow the capacity to 11/day"
changed=""
for ((i = 0; i < 100; i++)); do
    after=$(net_savings)
    if [[ -n "$after" && "$after" != "$before" ]]; then changed=yes; break; fi
    sleep 0.1
done
[[ -n "$changed" ]] || fail "net savings stayed at '$before' after the slider moved"

tm send-keys -t smoke 2
wait_for "─ 2 Territories" || fail "pressing 2 did not open the Territories screen"
wait_for " territories · " || fail "the Territories screen does not show the run's territories"

tm send-keys -t smoke '?'
wait_for "Show every key" || fail "pressing ? did not show the key help"

tm send-keys -t smoke q
wait_for_exit || fail "pressing q did not quit within 10 s"
code=$(cat "$status_file")
[[ "$code" == "0" ]] || fail "opsdeck exited with status $code"

# NO_COLOR: the same screen without a single colour escape; --max-frames ends it alone.
: > "$status_file"
tm kill-session -t smoke
tm -f /dev/null new-session -d -s smoke -x 100 -y 30 \
    "env LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=1 $quoted --max-frames 30; echo \$? > $status_file; sleep 30"
wait_for "1 SLA queue" || fail "with NO_COLOR the command center did not open"
if tm capture-pane -p -e -t smoke | grep -qE $'\e\\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'; then
    fail "NO_COLOR is set but the screen has colour escapes"
fi
wait_for_exit || fail "--max-frames 30 did not end the program"
code=$(cat "$status_file")
[[ "$code" == "0" ]] || fail "opsdeck --max-frames exited with status $code"

echo "tmux-smoke: OK: opened, SLA slider moved net savings ($before -> $after), switched to screen 2, showed help, quit; NO_COLOR has no colour; --max-frames exits"
# ---- Sales screens (tabs 2–6): territory → rep → stop → customer → script, every tab, resize ----
: > "$status_file"
tm kill-session -t smoke
tm -f /dev/null new-session -d -s smoke -x 160 -y 48 \
    "env LANG=C.UTF-8 TERM=xterm-256color $quoted; echo \$? > $status_file; sleep 30"
wait_for "1 SLA queue" 1200 || fail "sales: the command center did not open"
tm send-keys -t smoke 2
wait_for "rep home" || fail "sales: screen 2 shows no territory map"
wait_for "Potential" || fail "sales: screen 2 shows no territory table"
tm send-keys -t smoke Enter
wait_for "─ 3 Reps & routes" || fail "sales: Enter on a territory did not switch to Reps & routes"
wait_for "Enter opens a rep's day" || fail "sales: Reps & routes does not show the rep list"
tm send-keys -t smoke Enter
wait_for "· day 1 of" || fail "sales: Enter on the selected rep did not open the rep's day"
wait_for "NBA-aware vs distance-only" || fail "sales: the rep's day has no distance-only comparison"
wait_for "dist.-only stops" || fail "sales: the rep's day does not list the distance-only stops"
wait_for "fill-ins)" || fail "sales: the rep's day does not count its fill-in visits"
tm send-keys -t smoke r
wait_for "re-planned day 1" 100 || fail "sales: r did not re-plan the day within 10 s"
tm send-keys -t smoke ']'
wait_for "· day 2 of" || fail "sales: ] did not move to the next day"
tm send-keys -t smoke '['
wait_for "· day 1 of" || fail "sales: [ did not move back"
tm send-keys -t smoke Enter
wait_for "Prep script" || fail "sales: Enter on a stop did not open the customer card"
tm send-keys -t smoke x
wait_for "written to" || fail "sales: x did not export the script"
tm send-keys -t smoke Escape
wait_for "· day 1 of" || fail "sales: Esc did not go back to the rep's day"
tm send-keys -t smoke Escape
wait_for "Enter opens a rep's day" || fail "sales: Esc did not go back to the rep list"
for tab in "2:H rep home" "3:Visits" "4:Potential" "5:Erlang C" "6:Execution trace"; do
    tm send-keys -t smoke "${tab%%:*}"
    wait_for "${tab#*:}" || fail "sales: screen ${tab%%:*} does not show '${tab#*:}'"
done
tm resize-window -t smoke -x 40 -y 12
wait_for "Terminal too small" || fail "sales: 40x12 does not say the terminal is too small"
tm resize-window -t smoke -x 160 -y 48
wait_for "Execution trace" || fail "sales: screen 6 did not come back after the resize"
tm send-keys -t smoke q
wait_for_exit || fail "sales: q did not quit"
code=$(cat "$status_file")
[[ "$code" == "0" ]] || fail "sales: opsdeck exited with status $code"
echo "tmux-smoke: OK: sales screens: territory → rep list → rep's day (re-planned) → stop → card → script exported; tabs 2–6; resize to 40x12 and back"
