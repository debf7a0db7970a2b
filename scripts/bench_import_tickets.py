#!/usr/bin/env python3
"""Import benchmark reference (issue 16): writes N tickets in the Zendesk API shape (the
columns of Tests/EngineTests/Core/Data/Fixtures/Vendors/zendesk_tickets_api.csv), then times
pandas.read_csv of that file (with the three time columns parsed, as OpsDeck parses them)
in this process. Run OpsDeck on the same file in the same sitting:

    python3 scripts/bench_import_tickets.py --rows 1000000 --out /tmp/zendesk-1m.csv
    /usr/bin/time -v .build/release/opsdeck import tickets /tmp/zendesk-1m.csv --check-only --db /tmp/b.sqlite
"""
import argparse, random, resource, time

HEADER = ["id", "created_at", "updated_at", "type", "subject", "description", "status", "priority", "requester_id",
          "submitter_id", "assignee_id", "organization_id", "group_id", "via_channel", "tags", "solved_at",
          "reply_time_in_minutes", "first_resolution_time_in_minutes", "full_resolution_time_in_minutes",
          "satisfaction_rating", "custom_field_360001234567", "custom_field_360009876543"]

def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))

def write(path, n, seed):
    rng = random.Random(seed)
    start = 1_704_067_200  # 2024-01-01
    statuses = ["new", "open", "pending", "hold", "solved", "closed"]
    weights = [3, 12, 8, 4, 30, 43]
    with open(path, "w", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for i in range(n):
            created = start + rng.randrange(0, 90 * 86400)
            status = rng.choices(statuses, weights)[0]
            reply = rng.randrange(1, 600)
            solved = created + rng.randrange(600, 5 * 86400) if status in ("solved", "closed") else None
            row = [str(100000 + i), iso(created), iso(solved or created + reply * 60),
                   rng.choice(["question", "incident", "problem", "task", ""]),
                   "Subject %d" % rng.randrange(5000), "\"Line one, with a comma\nline two\"" if i % 7 == 0 else "plain",
                   status, rng.choice(["urgent", "high", "normal", "low", ""]), str(rng.randrange(10**6)),
                   str(rng.randrange(10**6)), str(rng.randrange(500)), str(9000000 + rng.randrange(2000)),
                   str(rng.randrange(40)), rng.choice(["email", "web", "api", "chat", "voice", "mobile"]),
                   " ".join(rng.sample(["vip", "billing", "bug", "sso", "refund", "mobile", "eu"], rng.randrange(0, 3))),
                   iso(solved) if solved else "", str(reply), str((solved - created) // 60) if solved else "",
                   str((solved - created) // 60) if solved else "", rng.choice(["good", "bad", "offered", "unoffered"]),
                   rng.choice(["billing_portal", "mobile_app", "api", "dashboard"]), rng.choice(["EMEA", "AMER", "APAC", ""])]
            f.write(",".join(row) + "\n")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--out", default="/tmp/zendesk-1m.csv")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    if not a.no_write:
        write(a.out, a.rows, a.seed)
    import pandas as pd
    t0 = time.perf_counter()
    df = pd.read_csv(a.out, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()
    for c in ["created_at", "updated_at", "solved_at"]:
        df[c] = pd.to_datetime(df[c], format="%Y-%m-%dT%H:%M:%SZ", utc=True, errors="coerce")
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas {pd.__version__}: read_csv {t1 - t0:.3f} s, + 3 time columns {t2 - t0:.3f} s, "
          f"{len(df)} rows, {len(df) / (t2 - t0):,.0f} rows/s, peak RSS {rss:.0f} MiB")

if __name__ == "__main__":
    main()
