# Helpers the tmux walks share. The sourcing script sets `label` (its name in messages),
# `session` (the tmux session) and defines `tm` (tmux on its own socket).

fail() {
    echo "$label: FAIL: $1" >&2
    echo "---- screen ----" >&2
    tm capture-pane -p -t "$session" >&2 2>/dev/null
    echo "----------------" >&2
    exit 1
}

# Polls the pane every 0.1 s until it contains $1, for up to $2 polls (default 100 = 10 s).
wait_for() {
    local i
    for ((i = 0; i < ${2:-100}; i++)); do
        if tm capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    return 1
}
