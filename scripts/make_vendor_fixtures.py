#!/usr/bin/env python3
"""Deterministic generator for the OpsDeck vendor-format CSV fixtures.

Run from anywhere:  python3 make_fixtures.py   (writes next to this file)
Stdlib only. Every file uses its own random.Random(seed) so changing one
generator never shifts the rows of another. All rows are invented; only field
names / picklist labels follow the vendors' published material (see VENDORS.md).
"""
import csv
import io
import os
import random
import unicodedata
from datetime import datetime, timedelta, timezone

# Writes into Tests/EngineTests/Core/Data/Fixtures/Vendors (this script lives in scripts/).
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "EngineTests", "Core", "Data", "Fixtures", "Vendors")
UTC = timezone.utc
NOW = datetime(2024, 4, 1, 9, 0, 0, tzinfo=UTC)        # "export taken at"
START = datetime(2024, 2, 1, 0, 0, 0, tzinfo=UTC)
SPAN_MIN = int((datetime(2024, 3, 29, tzinfo=UTC) - START).total_seconds() // 60)

# --------------------------------------------------------------------------- #
# shared pools
# --------------------------------------------------------------------------- #
# Organisations that tickets point at. They are also the first Salesforce
# accounts, so ticket -> account joins by name work in demos.
ORG_POOL = [
    "Açaí Ltda", "Zürich AG", "東京商事", "Kowalski, Nowak & Wspólnicy",
    "Lakeshore Dental Group", "Midway Freight Systems", "Prairie State Insurance",
    "Wacker Drive Capital", "Fulton Market Foods", "Pilsen Print Works",
    "O'Hare Logistics LLC", "North Branch Biotech", "Calumet Steel Fabricators",
    "Lincoln Park Pediatrics", "Evanston Learning Co.", "Naperville Solar Partners",
]

REQUESTERS = [
    "José Müller", "Zoë Ångström", "山田 太郎", "Łukasz Wójcik", "Siobhán O'Brien",
    "François Dubois", "Ana Luísa Conceição", "Mehmet Yılmaz", "Priya Raghunathan",
    "Dmitri Ivanov", "Chloé Lefèvre", "Grace Okafor", "Tomás Ó Briain", "Kim Min-jun",
    "Rafael Gonçalves", "Heidi Sørensen", "Carlos Peña", "Emily Zhang",
    "Björn Lindqvist", "Nadia Haddad", "佐藤 花子", "Marek Dvořák",
]
AGENTS = ["Dana Whitfield", "Marcus Lee", "Priscilla Nunes", "Owen Kowalczyk",
          "Aisha Rahman", "Tobias Meyer"]

SUBJECTS = [
    "Cannot log in after password reset",
    "Invoice #4411 shows wrong VAT, please fix",
    'Export to "CSV" drops leading zeros',
    "SSO redirect loop for new users",
    "Mobile app crashes on Android 14",
    "Request: add second billing contact",
    "API returns 502 intermittently",
    "Dashboard slow since Monday, all widgets timing out",
    "How do I change our plan?",
    "Duplicate charges on card ending 4242",
    "Webhook deliveries delayed ~30 min",
    "Need audit log for Q1, compliance review",
    "Report totals don't match, off by one day",
    "Feature request: dark mode",
    "User provisioning via SCIM fails",
    "Refund for unused seats",
    "Data import stuck at 99%",
    "Email notifications going to spam",
    "Bulk delete removed wrong records!",
    "Question about data retention",
]
DESCRIPTIONS = [
    "Hi team,\nsince this morning none of our users can sign in.\nError: \"invalid_grant\".\nThanks, {req}",
    "Hello,\n\nthe invoice total is wrong, VAT was applied twice (23% + 23%).\nCan you re-issue it?\n\nBest regards,\n{req}",
    "Steps to reproduce:\n1. Open Reports\n2. Click Export, choose CSV\n3. Open in Excel, IDs lose leading zeros\n\nExpected: 000123, got 123",
    "We see this on every new account, old ones are fine. Urgent, go-live is Friday.",
    "App closes right after the splash screen. Device: Pixel 8, Android 14, app v5.2.1.",
    "Please add finance@ as a second billing contact, cc on all invoices.",
    "About 1 in 20 calls to /v2/orders return 502, started 2 days ago.\nRequest IDs attached.",
    "Dashboards take > 60 s to load. We have ~40 widgets, nothing changed on our side.",
]
TAG_POOL = ["billing", "login", "sso", "api", "mobile", "vip", "refund", "bug",
            "how_to", "performance", "export", "onboarding", "churn_risk"]


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def iso_z(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def sql_ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def jira_ts(d):
    h12 = d.hour % 12 or 12
    return f"{d.day:02d}/{MON[d.month - 1]}/{d.year % 100:02d} {h12}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


def rand_created(rng):
    # weekday-ish business hours bias, UTC
    while True:
        d = START + timedelta(minutes=rng.randrange(SPAN_MIN))
        if d.weekday() < 5 and 7 <= d.hour <= 21:
            return d.replace(second=rng.randrange(60))
        if rng.random() < 0.15:
            return d.replace(second=rng.randrange(60))


def write_csv(name, header, rows, *, encoding="utf-8", bom=False, newline="\n",
              quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline, quoting=quoting)
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (name, len(r), len(header))
        w.writerow(["" if v is None else v for v in r])
    text = buf.getvalue()
    path = os.path.join(OUT, name)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(rows)


def fmt_hms(minutes):
    s = int(round(minutes * 60))
    return f"{s // 3600:02d}:{(s % 3600) // 60:02d}:{s % 60:02d}"


def fmt_hm_signed(minutes):
    sign = "-" if minutes < 0 else ""
    m = abs(int(round(minutes)))
    return f"{sign}{m // 60}:{m % 60:02d}"


# --------------------------------------------------------------------------- #
# Zendesk (one ticket set, two export shapes)
# --------------------------------------------------------------------------- #
ZD_PRODUCT = [("billing_portal", "Billing portal"), ("mobile_app", "Mobile app"),
              ("public_api", "Public API"), ("reporting", "Reporting")]
ZD_GROUPS = [(360000111, "Tier 1"), (360000222, "Tier 2"), (360000333, "Billing")]
ZD_VIA = [("email", "Mail", 34), ("web", "Web form", 22), ("chat", "Chat", 14),
          ("voice", "Phone call (incoming)", 10), ("api", "API", 8),
          ("mobile", "Mobile", 4), ("sms", "Text", 2)]
ZD_STATUS = [("new", 6), ("open", 16), ("pending", 12), ("hold", 7), ("solved", 20), ("closed", 14)]
ZD_STATUS_LABEL = {"new": "New", "open": "Open", "pending": "Pending", "hold": "On-hold",
                   "solved": "Solved", "closed": "Closed"}
ZD_PRIO = [("urgent", 6), ("high", 16), ("normal", 40), ("low", 18), ("", 8)]
ZD_TYPE = [("question", 35), ("incident", 30), ("problem", 10), ("task", 8), ("", 7)]
ZD_SAT_LABEL = {"good": "Good", "bad": "Bad", "offered": "Offered", "unoffered": "Not Offered"}


def wchoice(rng, items):
    vals = [i[0] if isinstance(i, tuple) else i for i in items]
    wts = [i[-1] for i in items]
    return rng.choices(items, weights=wts, k=1)[0] if isinstance(items[0], tuple) and len(items[0]) > 2 \
        else rng.choices(vals, weights=wts, k=1)[0]


def gen_zendesk(n=64):
    rng = random.Random(1001)
    orgs = {9000001 + i: ORG_POOL[i] for i in range(12)}
    org_ids = list(orgs)
    req_ids = {name: 1_100_000 + i * 7 for i, name in enumerate(REQUESTERS)}
    agent_ids = {name: 380_000 + i * 11 for i, name in enumerate(AGENTS)}
    # a few heavy organisations so several tickets share one org
    org_weights = [9, 7, 6, 5] + [2] * 8
    tickets = []
    for i in range(n):
        tid = 48_210 + i * 3 + rng.randrange(3)
        created = rand_created(rng)
        status = wchoice(rng, ZD_STATUS)
        prio = wchoice(rng, ZD_PRIO)
        ttype = wchoice(rng, ZD_TYPE)
        via = rng.choices(ZD_VIA, weights=[v[2] for v in ZD_VIA])[0]
        req = rng.choice(REQUESTERS)
        org = rng.choices(org_ids, weights=org_weights)[0] if rng.random() < 0.88 else None
        group = rng.choice(ZD_GROUPS)
        assignee = None if status == "new" else rng.choice(AGENTS)
        mean_reply = {"urgent": 25, "high": 70, "normal": 240, "low": 600, "": 300}[prio]
        reply_min = None if status == "new" else max(2, int(rng.expovariate(1 / mean_reply)))
        solved = None
        first_res = full_res = None
        reopens = 0
        if status in ("solved", "closed"):
            first_res = reply_min + int(rng.expovariate(1 / (mean_reply * 6)))
            reopens = 1 if rng.random() < 0.15 else 0
            full_res = first_res + (int(rng.uniform(200, 3000)) if reopens else 0)
            solved = created + timedelta(minutes=full_res)
            if solved > NOW - timedelta(hours=1):
                solved = NOW - timedelta(hours=rng.randrange(2, 30))
                full_res = int((solved - created).total_seconds() // 60)
                first_res = min(first_res, full_res)
        last = solved or created + timedelta(minutes=(reply_min or 5) + rng.randrange(30, 4000))
        if last > NOW:
            last = NOW - timedelta(minutes=rng.randrange(5, 600))
        if status == "closed":
            updated = min(NOW - timedelta(minutes=5), (solved or last) + timedelta(days=4, minutes=rng.randrange(600)))
        else:
            updated = last + timedelta(minutes=rng.randrange(1, 90))
            updated = min(updated, NOW - timedelta(minutes=1))
        if status in ("solved", "closed"):
            sat = rng.choices(["good", "bad", "offered", "unoffered"], [45, 10, 25, 20])[0]
        else:
            sat = rng.choices(["unoffered", "offered"], [85, 15])[0]
        tags = sorted(rng.sample(TAG_POOL, rng.choice([0, 1, 1, 2, 2, 3])))
        product = rng.choice(ZD_PRODUCT) if rng.random() < 0.85 else None
        region = rng.choice(["EMEA", "NA", "APAC", "LATAM", ""])
        desc = rng.choice(DESCRIPTIONS).format(req=req)
        tickets.append(dict(
            id=tid, created=created, updated=updated, status=status, prio=prio, type=ttype,
            via=via, req=req, req_id=req_ids[req], org_id=org, org=orgs.get(org),
            group=group, assignee=assignee, assignee_id=agent_ids.get(assignee),
            subject=rng.choice(SUBJECTS), desc=desc, tags=tags, solved=solved,
            reply=reply_min, first_res=first_res, full_res=full_res, sat=sat,
            product=product, region=region, reopens=reopens,
            replies=0 if reply_min is None else rng.randint(1, 6),
            assigned_at=None if assignee is None else created + timedelta(minutes=rng.randrange(1, 120)),
        ))
    tickets.sort(key=lambda t: t["id"])
    return tickets


def write_zendesk_api(tickets):
    header = ["id", "created_at", "updated_at", "type", "subject", "description", "status",
              "priority", "requester_id", "submitter_id", "assignee_id", "organization_id",
              "group_id", "via_channel", "tags", "solved_at", "reply_time_in_minutes",
              "first_resolution_time_in_minutes", "full_resolution_time_in_minutes",
              "satisfaction_rating", "custom_field_360001234567", "custom_field_360009876543"]
    rows = []
    for t in tickets:
        rows.append([t["id"], iso_z(t["created"]), iso_z(t["updated"]), t["type"], t["subject"],
                     t["desc"], t["status"], t["prio"], t["req_id"], t["req_id"],
                     t["assignee_id"], t["org_id"], t["group"][0], t["via"][0],
                     " ".join(t["tags"]), iso_z(t["solved"]) if t["solved"] else "",
                     t["reply"], t["first_res"], t["full_res"], t["sat"],
                     t["product"][0] if t["product"] else "", t["region"]])
    return write_csv("zendesk_tickets_api.csv", header, rows)


def write_zendesk_export(tickets):
    rng = random.Random(1002)
    header = ["Summation column", "Id", "Requester", "Requester id", "Requester external id",
              "Requester email", "Requester domain", "Submitter", "Assignee", "Group", "Subject",
              "Tags", "Status", "Priority", "Via", "Ticket type", "Created at", "Updated at",
              "Assigned at", "Organization", "Due date", "Initially assigned at", "Solved at",
              "Resolution time", "Satisfaction Score", "Group stations", "Assignee stations",
              "Reopens", "Replies", "First reply time in minutes",
              "First reply time in minutes within business hours",
              "First resolution time in minutes",
              "First resolution time in minutes within business hours",
              "Full resolution time in minutes",
              "Full resolution time in minutes within business hours",
              "Agent wait time in minutes", "Agent wait time in minutes within business hours",
              "Requester wait time in minutes",
              "Requester wait time in minutes within business hours",
              "On hold time in minutes", "On hold time in minutes within business hours",
              "Product [list]"]
    rows = []
    for n, t in enumerate(tickets, 1):
        local = "".join(c for c in ascii_fold(t["req"].lower().split()[0]) if c.isalpha()) or f"user{t['req_id']}"
        domain = rng.choice(["example.com", "example.org", "mail.example.net"])
        # Two in three requesters of an organisation write from its own domain, the one its
        # Salesforce account's Website gives (tickets link to accounts by e-mail); every
        # fifth other one from a personal address, which never links. No extra draws: the
        # other columns stay as they were.
        if t["org"] and n % 3 != 0:
            domain = org_domain(t["org"])
        elif n % 5 == 0:
            domain = "gmail.com"
        biz = lambda v: None if v is None else int(v * rng.uniform(0.3, 0.6))
        on_hold = rng.randrange(60, 2000) if t["status"] == "hold" else (rng.choice([0, 0, 0, 120]) if t["solved"] else 0)
        req_wait = int((t["full_res"] or (t["updated"] - t["created"]).total_seconds() / 60) * rng.uniform(0.4, 0.9))
        agent_wait = int(req_wait * rng.uniform(0.1, 0.5))
        due = ""
        if t["type"] == "task":
            due = sql_ts((t["created"] + timedelta(days=rng.randint(2, 10))).replace(hour=12, minute=0, second=0))
        rows.append([
            n, t["id"], t["req"], t["req_id"], f"CRM-{t['req_id']}" if rng.random() < 0.2 else "",
            f"{local}@{domain}", domain, t["req"], t["assignee"] or "", t["group"][1], t["subject"],
            " ".join(t["tags"]), ZD_STATUS_LABEL[t["status"]], t["prio"].capitalize(), t["via"][1],
            t["type"].capitalize(), sql_ts(t["created"]), sql_ts(t["updated"]),
            sql_ts(t["assigned_at"]) if t["assigned_at"] else "", t["org"] or "", due,
            sql_ts(t["assigned_at"]) if t["assigned_at"] else "",
            sql_ts(t["solved"]) if t["solved"] else "",
            "" if t["full_res"] is None else t["full_res"] // 60,
            ZD_SAT_LABEL[t["sat"]] if t["sat"] != "unoffered" or rng.random() < 0.5 else "",
            1 + (rng.random() < 0.2), 0 if t["assignee"] is None else 1 + (rng.random() < 0.25),
            t["reopens"], t["replies"], t["reply"], biz(t["reply"]), t["first_res"], biz(t["first_res"]),
            t["full_res"], biz(t["full_res"]), agent_wait, biz(agent_wait), req_wait, biz(req_wait),
            on_hold, biz(on_hold), t["product"][1] if t["product"] else "",
        ])
    return write_csv("zendesk_tickets_export.csv", header, rows)


# --------------------------------------------------------------------------- #
# Freshdesk
# --------------------------------------------------------------------------- #
def gen_freshdesk(n=56):
    rng = random.Random(2001)
    status_w = [("Open", 14), ("Pending", 9), ("Waiting on Customer", 8),
                ("Waiting on Third Party", 7), ("Resolved", 18), ("Closed", 16)]
    prio_w = [("Low", 20), ("Medium", 45), ("High", 25), ("Urgent", 10)]
    source_w = [("Email", 40), ("Portal", 25), ("Phone", 12), ("Chat", 14),
                ("Feedback Widget", 5), ("Outbound Email", 4)]
    types = ["Question", "Incident", "Problem", "Feature Request", "Refund", ""]
    groups = ["Tier 1 Support", "Tier 2 Support", "Billing", "Onboarding"]
    products = ["OpsDeck Cloud", "OpsDeck Mobile", "OpsDeck API"]
    fr_goal = {"Urgent": 60, "High": 240, "Medium": 480, "Low": 1440}      # minutes
    res_goal = {"Urgent": 240, "High": 1440, "Medium": 2880, "Low": 4320}
    contacts = {name: 43_000_100_000 + i * 37 for i, name in enumerate(REQUESTERS)}
    company_of = {name: (ORG_POOL[i % 10] if i % 5 else "") for i, name in enumerate(REQUESTERS)}
    header = ["Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group",
              "Created time", "Due by Time", "Resolved time", "Closed time", "Last update time",
              "Initial response time", "Time tracked", "First response time (in hrs)",
              "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
              "Resolution status", "First response status", "Tags", "Survey results", "Product",
              "Full name", "Contact ID", "Company Name"]
    rows = []
    for i in range(n):
        tid = 5_301 + i
        created = rand_created(rng)
        status = rng.choices([s for s, _ in status_w], [w for _, w in status_w])[0]
        prio = rng.choices([p for p, _ in prio_w], [w for _, w in prio_w])[0]
        source = rng.choices([s for s, _ in source_w], [w for _, w in source_w])[0]
        req = rng.choice(REQUESTERS)
        due = created + timedelta(minutes=res_goal[prio])
        responded = not (status == "Open" and rng.random() < 0.35)
        fr_min = max(1.0, rng.expovariate(1 / (fr_goal[prio] * 0.7))) if responded else None
        if fr_min and created + timedelta(minutes=fr_min) > NOW:
            fr_min = (NOW - created).total_seconds() / 60 * 0.5
        init_resp = created + timedelta(minutes=fr_min) if fr_min else None
        resolved = closed = None
        res_min = None
        if status in ("Resolved", "Closed"):
            res_min = (fr_min or 5) + rng.expovariate(1 / (res_goal[prio] * 0.8))
            resolved = created + timedelta(minutes=res_min)
            if resolved > NOW - timedelta(hours=3):
                resolved = NOW - timedelta(hours=rng.randrange(3, 40))
                res_min = (resolved - created).total_seconds() / 60
            if status == "Closed":
                closed = min(NOW - timedelta(minutes=10), resolved + timedelta(hours=rng.randrange(24, 96)))
        last = closed or resolved or (init_resp or created) + timedelta(minutes=rng.randrange(10, 3000))
        last = min(last, NOW - timedelta(minutes=rng.randrange(1, 60)))
        agent = "" if (not responded and rng.random() < 0.6) else rng.choice(AGENTS)
        tags = ",".join(sorted(rng.sample(TAG_POOL, rng.choice([0, 1, 1, 2, 3]))))
        survey = rng.choices(["Awesome", "Just Okay", "Not Good", ""], [30, 12, 8, 50])[0] if resolved else ""
        tracked = rng.randrange(0, 240) if responded else 0
        rows.append([
            tid, rng.choice(SUBJECTS), status, prio, source, rng.choice(types), agent,
            rng.choice(groups), sql_ts(created), sql_ts(due),
            sql_ts(resolved) if resolved else "", sql_ts(closed) if closed else "",
            sql_ts(last), sql_ts(init_resp) if init_resp else "",
            f"{tracked // 60:02d}:{tracked % 60:02d}",
            fmt_hms(fr_min) if fr_min else "", fmt_hms(res_min) if res_min else "",
            0 if not responded else rng.randint(1, 7), rng.randint(1, 5),
            ("Within SLA" if resolved <= due else "SLA Violated") if resolved else "",
            ("Within SLA" if fr_min <= fr_goal[prio] else "SLA Violated") if fr_min else "",
            tags, survey, rng.choice(products), req, contacts[req], company_of[req],
        ])
    return write_csv("freshdesk_tickets.csv", header, rows)


# --------------------------------------------------------------------------- #
# Jira Service Management
# --------------------------------------------------------------------------- #
def gen_jira(n=52):
    rng = random.Random(3001)
    statuses = [("Waiting for support", "To Do", 11), ("In Progress", "In Progress", 9),
                ("Waiting for customer", "In Progress", 8), ("Pending", "In Progress", 5),
                ("Escalated", "In Progress", 3), ("Resolved", "Done", 14),
                ("Closed", "Done", 8), ("Canceled", "Done", 3)]
    prio_w = [("Highest", 5), ("High", 15), ("Medium", 45), ("Low", 25), ("Lowest", 10)]
    tfr_goal = {"Highest": 60, "High": 120, "Medium": 240, "Low": 480, "Lowest": 960}
    ttr_goal = {"Highest": 240, "High": 480, "Medium": 1440, "Low": 2880, "Lowest": 4320}
    itypes = [("Service Request", "Get IT help", 30), ("Service Request", "Request a new account", 10),
              ("Incident", "Report a system problem", 25), ("Problem", "Investigate a problem", 6),
              ("Change", "Request a change", 6), ("Service Request with Approvals", "Request new software", 5)]
    components = ["Billing", "Identity & Access", "Integrations", "Mobile", "Reporting", ""]
    labels_pool = ["vip", "customer-impact", "regression", "sso", "billing", "needs-triage",
                   "workaround-given", "p1-review", "EMEA", "NA"]
    orgs = ORG_POOL[:10]
    org_w = [8, 6, 6, 5, 3, 3, 2, 2, 2, 2]

    def acct(prefix):
        return prefix + "".join(rng.choice("0123456789abcdef") for _ in range(24))

    agent_ids = {a: "712020:" + acct("") for a in AGENTS}
    header = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key",
              "Project name", "Project type", "Priority", "Resolution", "Assignee", "Assignee Id",
              "Reporter", "Reporter Id", "Created", "Updated", "Last Viewed", "Resolved",
              "Component/s", "Due date", "Labels", "Labels", "Labels", "Description",
              "Custom field (Organizations)", "Custom field (Request Type)",
              "Custom field (Satisfaction)", "Custom field (Satisfaction date)",
              "Custom field (Time to first response)", "Custom field (Time to resolution)",
              "Status Category"]
    rows = []
    for i in range(n):
        key_n = 101 + i
        created = rand_created(rng)
        st, cat, _ = rng.choices(statuses, [s[2] for s in statuses])[0]
        prio = rng.choices([p for p, _ in prio_w], [w for _, w in prio_w])[0]
        itype, rtype, _ = rng.choices(itypes, [t[2] for t in itypes])[0]
        reporter = rng.choice(REQUESTERS)
        assignee = "" if st == "Waiting for support" and rng.random() < 0.5 else rng.choice(AGENTS)
        responded = st != "Waiting for support" or rng.random() < 0.3
        fr_min = max(1, rng.expovariate(1 / (tfr_goal[prio] * 0.8))) if responded else None
        if fr_min and created + timedelta(minutes=fr_min) > NOW:
            fr_min = (NOW - created).total_seconds() / 120
        resolved = None
        resolution = ""
        if cat == "Done":
            dur = (fr_min or 10) + rng.expovariate(1 / (ttr_goal[prio] * 0.9))
            resolved = created + timedelta(minutes=dur)
            if resolved > NOW - timedelta(hours=2):
                resolved = NOW - timedelta(hours=rng.randrange(2, 30))
            resolution = {"Canceled": rng.choice(["Won't Do", "Duplicate", "Declined"])}.get(
                st, rng.choices(["Done", "Cannot Reproduce"], [9, 1])[0])
        updated = (resolved or created + timedelta(minutes=(fr_min or 0) + rng.randrange(10, 5000)))
        if st == "Closed":
            updated = resolved + timedelta(days=rng.randint(1, 3))
        updated = min(updated, NOW - timedelta(minutes=rng.randrange(1, 100)))
        last_viewed = jira_ts(updated + (NOW - updated) / 2) if rng.random() < 0.6 else ""
        # SLA cells: remaining time at stop (completed) or now (ongoing); negative = breached
        if fr_min is not None:
            tfr = fmt_hm_signed(tfr_goal[prio] - fr_min)
        else:
            tfr = fmt_hm_signed(tfr_goal[prio] - (NOW - created).total_seconds() / 60)
        if st == "Canceled":
            ttr = ""
        elif resolved:
            ttr = fmt_hm_signed(ttr_goal[prio] - (resolved - created).total_seconds() / 60)
        elif st in ("Waiting for customer", "Pending"):
            # paused clock: elapsed until it paused
            ttr = fmt_hm_signed(ttr_goal[prio] - rng.uniform(0.2, 0.9) * ttr_goal[prio])
        else:
            ttr = fmt_hm_signed(ttr_goal[prio] - (NOW - created).total_seconds() / 60 * 0.35)
        labs = rng.sample(labels_pool, rng.choice([0, 0, 1, 1, 2, 3]))
        labs += [""] * (3 - len(labs))
        sat = sat_date = ""
        if st in ("Resolved", "Closed") and rng.random() < 0.55:
            sat = rng.choices([5, 4, 3, 2, 1], [40, 25, 15, 10, 10])[0]
            sat_date = jira_ts(min(NOW - timedelta(minutes=3), resolved + timedelta(hours=rng.randrange(1, 48))))
        desc = rng.choice(DESCRIPTIONS).format(req=reporter)
        org = rng.choices(orgs, org_w)[0] if rng.random() < 0.85 else ""
        rows.append([
            rng.choice(SUBJECTS), f"DESK-{key_n}", 10_400 + key_n * 3, itype, st, "DESK",
            "OpsDeck Service Desk", "service_desk", prio, resolution, assignee,
            agent_ids.get(assignee, ""), reporter, acct("qm:") if rng.random() < 0.7 else "712020:" + acct(""),
            jira_ts(created), jira_ts(updated), last_viewed, jira_ts(resolved) if resolved else "",
            rng.choice(components), "", labs[0], labs[1], labs[2], desc, org, rtype, sat, sat_date,
            tfr, ttr, cat,
        ])
    return write_csv("jira_sm_issues.csv", header, rows)


# --------------------------------------------------------------------------- #
# ServiceNow
# --------------------------------------------------------------------------- #
def gen_servicenow(n=70):
    rng = random.Random(4001)
    cats = {"Inquiry / Help": ["Antivirus", "Email", "Internal Application", ""],
            "Software": ["Email", "Operating System", "Internal Application"],
            "Hardware": ["CPU", "Disk", "Keyboard", "Memory", "Monitor", "Mouse"],
            "Network": ["DHCP", "DNS", "IP Address", "VPN", "Wireless"],
            "Database": ["DB2", "MS SQL Server", "Oracle"]}
    groups = {"Inquiry / Help": "Service Desk", "Software": "Software", "Hardware": "Hardware",
              "Network": "Network", "Database": "Database"}
    lvl = {1: "1 - High", 2: "2 - Medium", 3: "3 - Low"}
    prio_lbl = {1: "1 - Critical", 2: "2 - High", 3: "3 - Moderate", 4: "4 - Low", 5: "5 - Planning"}
    lookup = {(1, 1): 1, (1, 2): 2, (2, 1): 2, (1, 3): 3, (2, 2): 3, (3, 1): 3,
              (2, 3): 4, (3, 2): 4, (3, 3): 5}
    target_min = {1: 240, 2: 480, 3: 1440, 4: 2880, 5: 7200}
    states = [("New", 8), ("In Progress", 16), ("On Hold", 12), ("Resolved", 16),
              ("Closed", 14), ("Canceled", 4)]
    holds = [("Awaiting Caller", 55), ("Awaiting Change", 15), ("Awaiting Problem", 10),
             ("Awaiting Vendor", 20)]
    ctypes = [("Email", 30), ("Phone", 25), ("Self-service", 25), ("Walk-in", 5),
              ("Chat", 10), ("Virtual Agent", 5)]
    header = ["number", "opened_at", "short_description", "description", "caller_id", "company",
              "category", "subcategory", "priority", "impact", "urgency", "state", "hold_reason",
              "assignment_group", "assigned_to", "contact_type", "resolved_at", "closed_at",
              "sys_updated_on", "reassignment_count", "made_sla"]
    callers = {name: ORG_POOL[(i * 3) % len(ORG_POOL)] for i, name in enumerate(REQUESTERS)}
    rows = []
    for i in range(n):
        opened = rand_created(rng)
        cat = rng.choice(list(cats))
        sub = rng.choice(cats[cat])
        imp = rng.choices([1, 2, 3], [22, 38, 40])[0]
        urg = rng.choices([1, 2, 3], [22, 38, 40])[0]
        pr = lookup[(imp, urg)]
        st = rng.choices([s for s, _ in states], [w for _, w in states])[0]
        hold = rng.choices([h for h, _ in holds], [w for _, w in holds])[0] if st == "On Hold" else ""
        caller = rng.choice(REQUESTERS)
        assigned = "" if st == "New" and rng.random() < 0.7 else rng.choice(AGENTS)
        resolved = closed = None
        if st in ("Resolved", "Closed"):
            resolved = opened + timedelta(minutes=rng.expovariate(1 / (target_min[pr] * 0.8)) + 15)
            if resolved > NOW - timedelta(hours=2):
                resolved = NOW - timedelta(hours=rng.randrange(2, 40))
            if st == "Closed":
                closed = min(NOW - timedelta(minutes=5), resolved + timedelta(days=rng.randint(1, 7)))
        if st == "Canceled":
            closed = min(NOW - timedelta(minutes=5), opened + timedelta(minutes=rng.randrange(30, 3000)))
        upd = closed or resolved or opened + timedelta(minutes=rng.randrange(5, 6000))
        upd = min(upd, NOW - timedelta(minutes=rng.randrange(1, 200)))
        if resolved:
            made = (resolved - opened).total_seconds() / 60 <= target_min[pr]
        elif st == "Canceled":
            made = True
        else:
            made = (NOW - opened).total_seconds() / 60 <= target_min[pr] or st == "On Hold" and rng.random() < 0.6
        short = rng.choice(SUBJECTS)
        desc = rng.choice(DESCRIPTIONS).format(req=caller)
        rows.append([
            f"INC{10001 + i:07d}", sql_ts(opened), short, desc, caller, callers[caller], cat, sub,
            prio_lbl[pr], lvl[imp], lvl[urg], st, hold, groups[cat], assigned,
            rng.choices([c for c, _ in ctypes], [w for _, w in ctypes])[0],
            sql_ts(resolved) if resolved else "", sql_ts(closed) if closed else "", sql_ts(upd),
            rng.choices([0, 1, 2, 3, 4], [45, 30, 15, 7, 3])[0], "true" if made else "false",
        ])
    return write_csv("servicenow_incidents.csv", header, rows)


# --------------------------------------------------------------------------- #
# Salesforce
# --------------------------------------------------------------------------- #
_SF_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def sf_id18(id15):
    assert len(id15) == 15
    out = ""
    for chunk in range(3):
        flags = 0
        for j, c in enumerate(id15[chunk * 5:chunk * 5 + 5]):
            if "A" <= c <= "Z":
                flags |= 1 << j
        out += _SF_SUFFIX[flags]
    return id15 + out


def sf_id(rng, prefix):
    alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    body = prefix + "5g" + "0000" + "".join(rng.choice(alnum) for _ in range(15 - len(prefix) - 6))
    return sf_id18(body)


SF_INDUSTRY = ["Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
               "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
               "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government",
               "Healthcare", "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media",
               "Not For Profit", "Recreation", "Retail", "Shipping", "Technology",
               "Telecommunications", "Transportation", "Utilities", "Other"]
SF_TYPE = ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
           "Installation Partner", "Technology Partner", "Other"]
SF_SOURCE = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"]
# (city, lat, lon, [zip codes])  -- all inside lat 41.6..42.1, lon -88.2..-87.5
CHI_CITIES = [
    ("Chicago", 41.8781, -87.6298, ["60601", "60602", "60605", "60607", "60610", "60611", "60614",
                                    "60616", "60622", "60640", "60647", "60654", "60661"]),
    ("Evanston", 42.0451, -87.6877, ["60201", "60202"]),
    ("Oak Park", 41.8850, -87.7845, ["60302", "60304"]),
    ("Skokie", 42.0324, -87.7416, ["60076", "60077"]),
    ("Cicero", 41.8456, -87.7539, ["60804"]),
    ("Naperville", 41.7508, -88.1535, ["60540", "60563"]),
    ("Schaumburg", 42.0334, -88.0834, ["60173", "60193"]),
    ("Oak Brook", 41.8328, -87.9290, ["60523"]),
    ("Downers Grove", 41.8089, -88.0112, ["60515", "60516"]),
    ("Des Plaines", 42.0334, -87.8834, ["60016", "60018"]),
    ("Orland Park", 41.6303, -87.8539, ["60462"]),
    ("Elmhurst", 41.8995, -87.9403, ["60126"]),
]
STREETS = ["N Michigan Ave", "W Madison St", "S Halsted St", "N Clark St", "W Fullerton Ave",
           "E Ohio St", "W Lake St", "S State St", "N Milwaukee Ave", "W Randolph St",
           "S Wabash Ave", "W Jackson Blvd", "N Lincoln Ave", "W Division St", "Main St",
           "Ogden Ave", "Roosevelt Rd", "Golf Rd"]
NAME_A = ["Lakeshore", "Midway", "Prairie", "Wacker", "Fulton", "Pilsen", "Calumet", "Lincoln",
          "Evanston", "Naperville", "Riverwalk", "Wrigley", "Loop", "Kinzie", "Bronzeville",
          "Ravenswood", "Logan Square", "Hyde Park", "Goose Island", "Cermak", "Ashland",
          "Damen", "Belmont", "Grand Avenue", "Union Station", "Sheridan", "Maxwell", "Archer"]
NAME_B = ["Analytics", "Bakery Co.", "Capital", "Clinic", "Construction", "Dental Group",
          "Electric", "Engineering", "Fitness", "Foods", "Freight", "Hotels", "Insurance Agency",
          "Labs", "Legal Partners", "Logistics", "Machining", "Media", "Outfitters", "Pharmacy",
          "Printing", "Realty", "Robotics", "Solar", "Software", "Telecom", "Transit", "Utilities"]


def chi_point(rng, city):
    name, lat, lon, zips = city
    for _ in range(100):
        la = lat + rng.uniform(-0.045, 0.045)
        lo = lon + rng.uniform(-0.06, 0.06)
        if 41.6 <= la <= 42.1 and -88.2 <= lo <= -87.5:
            return round(la, 6), round(lo, 6), rng.choice(zips)
    return lat, lon, zips[0]


def sf_dt(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def org_slug(name, i):
    """The Salesforce fixture's Website slug of account `name` (index `i` in its list)."""
    return "".join(c for c in ascii_fold(name.lower()) if c.isalnum())[:18] or f"acct{i}"


def org_domain(name):
    """The web domain of an ORG_POOL organisation's Salesforce account."""
    return f"{org_slug(name, ORG_POOL.index(name))}.example.com"


def gen_salesforce():
    rng = random.Random(5001)
    # users first (owners of accounts)
    reps = [("Derek", "Kowalski", "Field Sales Manager", "Chicago", 41.9484, -87.6553, "3150 N Sheffield Ave", "60657"),
            ("Maya", "Patel", "Account Executive", "Evanston", 42.0411, -87.6901, "1515 Chicago Ave", "60201"),
            ("Luis", "Hernández", "Account Executive", "Cicero", 41.8445, -87.7593, "5200 W 25th St", "60804"),
            ("Grace", "O'Connell", "Senior Account Executive", "Oak Park", 41.8872, -87.7889, "811 S Oak Park Ave", "60304"),
            ("Tariq", "Farouk", "Account Executive", "Naperville", 41.7606, -88.1475, "410 E Jefferson Ave", "60540"),
            ("Jasmine", "Wu", "Account Executive", "Chicago", 41.8525, -87.6324, "2234 S Wentworth Ave", "60616"),
            ("Brendan", "Nowak", "Account Executive", "Schaumburg", 42.0295, -88.0689, "1020 N Plum Grove Rd", "60173"),
            ("Zoë", "Lindqvist", "Account Executive", "Downers Grove", 41.7949, -88.0107, "5240 Main St", "60515")]
    role_mgr, role_ae = sf_id(rng, "00E"), sf_id(rng, "00E")
    users = []
    for i, (fn, ln, title, city, la, lo, street, zp) in enumerate(reps):
        uid = sf_id(rng, "005")
        uname = f"{fn.lower().replace('ö', 'o').replace('ë', 'e')}.{ln.lower().replace(chr(39), '').replace('á', 'a')}"
        users.append([uid, f"{uname}@opsdeck-demo.example.com", fn, ln, f"{fn} {ln}",
                      f"{uname}@example.com", title, "Field Sales", "true",
                      role_mgr if i == 0 else role_ae, "", "America/Chicago", street, city, "IL",
                      zp, "United States", f"{la:.6f}", f"{lo:.6f}"])
    for u in users[1:]:
        u[10] = users[0][0]
    user_hdr = ["Id", "Username", "FirstName", "LastName", "Name", "Email", "Title", "Department",
                "IsActive", "UserRoleId", "ManagerId", "TimeZoneSidKey", "Street", "City", "State",
                "PostalCode", "Country", "Latitude", "Longitude"]
    n_users = write_csv("salesforce_users.csv", user_hdr, users)

    names = list(ORG_POOL)
    seen = set(names)
    while len(names) < 120:
        nm = f"{rng.choice(NAME_A)} {rng.choice(NAME_B)}"
        if nm not in seen:
            seen.add(nm)
            names.append(nm)
    acct_hdr = ["Id", "Name", "Type", "Industry", "AnnualRevenue", "NumberOfEmployees", "Rating",
                "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry",
                "BillingLatitude", "BillingLongitude", "Phone", "Website", "OwnerId", "CreatedDate",
                "LastActivityDate", "AccountSource", "CustomerPriority__c", "SLA__c",
                "SLAExpirationDate__c", "Active__c", "Churned__c", "Health_Score__c"]
    rows = []
    owner_ids = [u[0] for u in users[1:]] + [users[0][0]]
    for i, nm in enumerate(names):
        city = CHI_CITIES[0] if rng.random() < 0.5 else rng.choice(CHI_CITIES[1:])
        la, lo, zp = chi_point(rng, city)
        emp = rng.choice([None, 8, 15, 40, 75, 120, 250, 600, 1200, 4800])
        rev = None if emp is None and rng.random() < 0.5 else int((emp or 30) * rng.uniform(90_000, 260_000) // 1000 * 1000)
        created = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(0, 5 * 365 * 86400))
        last_act = (NOW - timedelta(days=rng.randrange(0, 200))).date().isoformat() if rng.random() < 0.85 else ""
        churned = rng.random() < 0.14
        atype = rng.choices(SF_TYPE, [20, 45, 10, 8, 5, 7, 5])[0]
        sla = rng.choices(["Platinum", "Gold", "Silver", "Bronze", ""], [8, 22, 30, 25, 15])[0]
        health = int(max(0, min(100, rng.gauss(45 if churned else 72, 15))))
        street = f"{rng.randint(100, 9800)} {rng.choice(STREETS)}"
        if rng.random() < 0.12:
            street += f"\nSuite {rng.randint(100, 2400)}"       # multi-line address cell
        slug = org_slug(nm, i)
        rows.append([
            sf_id(rng, "001"), nm, atype, rng.choice(SF_INDUSTRY), rev if rev else "", emp or "",
            rng.choice(["Hot", "Warm", "Cold", ""]), street, city[0], "IL", zp, "United States",
            f"{la:.6f}", f"{lo:.6f}", f"(312) 555-{rng.randint(100, 9999):04d}",
            f"https://www.{slug}.example.com" if rng.random() < 0.8 else "",
            owner_ids[i % len(owner_ids)] if rng.random() < 0.9 else rng.choice(owner_ids),
            sf_dt(created), last_act, rng.choice(SF_SOURCE + [""]),
            rng.choice(["High", "Medium", "Low", ""]), sla,
            (NOW + timedelta(days=rng.randrange(-60, 700))).date().isoformat() if sla else "",
            "No" if churned else rng.choice(["Yes", "Yes", "Yes", ""]),
            "true" if churned else "false", health,
        ])
    n_acc = write_csv("salesforce_accounts.csv", acct_hdr, rows)
    return n_acc, n_users


# --------------------------------------------------------------------------- #
# HubSpot
# --------------------------------------------------------------------------- #
HS_INDUSTRY = [  # (internal value, export label)
    ("COMPUTER_SOFTWARE", "Computer Software"),
    ("INFORMATION_TECHNOLOGY_AND_SERVICES", "Information Technology and Services"),
    ("HOSPITAL_HEALTH_CARE", "Hospital & Health Care"),
    ("FINANCIAL_SERVICES", "Financial Services"),
    ("BANKING", "Banking"), ("INSURANCE", "Insurance"), ("RETAIL", "Retail"),
    ("HOSPITALITY", "Hospitality"), ("RESTAURANTS", "Restaurants"),
    ("FOOD_BEVERAGES", "Food & Beverages"), ("REAL_ESTATE", "Real Estate"),
    ("CONSTRUCTION", "Construction"), ("TELECOMMUNICATIONS", "Telecommunications"),
    ("RENEWABLES_ENVIRONMENT", "Renewables & Environment"),
    ("LOGISTICS_AND_SUPPLY_CHAIN", "Logistics and Supply Chain"),
    ("MARKETING_AND_ADVERTISING", "Marketing and Advertising"),
    ("EDUCATION_MANAGEMENT", "Education Management"), ("WINE_AND_SPIRITS", "Wine and Spirits"),
    ("LEISURE_TRAVEL_TOURISM", "Leisure, Travel & Tourism"),
    ("PHARMACEUTICALS", "Pharmaceuticals"), ("MANAGEMENT_CONSULTING", "Management Consulting"),
    ("ARCHITECTURE_PLANNING", "Architecture & Planning"), ("MARITIME", "Maritime"),
]
HS_LIFECYCLE = [("subscriber", "Subscriber", 5), ("lead", "Lead", 18),
                ("marketingqualifiedlead", "Marketing Qualified Lead", 12),
                ("salesqualifiedlead", "Sales Qualified Lead", 10),
                ("opportunity", "Opportunity", 12), ("customer", "Customer", 30),
                ("evangelist", "Evangelist", 6), ("other", "Other", 7)]
HS_TYPE = [("PROSPECT", "Prospect", 40), ("PARTNER", "Partner", 12), ("RESELLER", "Reseller", 8),
           ("VENDOR", "Vendor", 10), ("OTHER", "Other", 5), ("", "", 25)]
HS_TIER = [("tier_1", "Tier 1", 15), ("tier_2", "Tier 2", 30), ("tier_3", "Tier 3", 30), ("", "", 25)]
# (city, region, lat, lon)  -- all inside lat 38.65..38.85, lon -9.35..-9.05
LX_CITIES = [("Lisboa", "Lisboa", 38.7223, -9.1393), ("Oeiras", "Lisboa", 38.6979, -9.3106),
             ("Amadora", "Lisboa", 38.7538, -9.2308), ("Odivelas", "Lisboa", 38.7954, -9.1839),
             ("Loures", "Lisboa", 38.8309, -9.1684), ("Sacavém", "Lisboa", 38.7940, -9.1059),
             ("Almada", "Setúbal", 38.6790, -9.1569), ("Seixal", "Setúbal", 38.6400, -9.1030),
             ("Barreiro", "Setúbal", 38.6631, -9.0724), ("Carcavelos", "Lisboa", 38.6910, -9.3350)]
PT_A = ["Pastelaria", "Conservas", "Farmácia", "Clínica", "Construções", "Tecnologias",
        "Seguros", "Transportes", "Hotel", "Vinhos", "Imobiliária", "Consultores",
        "Logística", "Energias", "Restaurante", "Telecom", "Arquitectos", "Marítima"]
PT_B = ["Belém", "São João", "Alfama", "Chiado", "Tejo", "Graça", "Estrela", "Baixa",
        "Alcântara", "Oriente", "Benfica", "Campo de Ourique", "Lumiar", "Restelo", "Mouraria"]
PT_C = ["Lda.", "S.A.", "& Filhos", "Unipessoal Lda.", ""]
HS_OWNERS = ["Inês Carvalho", "João Pereira", "Mariana Sousa", "Rui Ferreira", "Beatriz Costa"]


def gen_hubspot(n=80):
    rng = random.Random(6001)
    header = ["Record ID", "Company name", "Company Domain Name", "Industry", "Annual Revenue",
              "Number of Employees", "City", "State/Region", "Country/Region", "Lifecycle Stage",
              "Create Date", "Last Activity Date", "Company owner", "Type",
              "Ideal Customer Profile Tier", "Latitude", "Longitude"]
    rows, seen = [], set()
    while len(rows) < n:
        a, b, c = rng.choice(PT_A), rng.choice(PT_B), rng.choice(PT_C)
        nm = f"{a} {b}" + (f", {c}" if c and rng.random() < 0.5 else (f" {c}" if c else ""))
        if nm in seen:
            continue
        seen.add(nm)
        city, region, la, lo = rng.choice(LX_CITIES)
        for _ in range(100):
            pla, plo = la + rng.uniform(-0.02, 0.02), lo + rng.uniform(-0.025, 0.025)
            if 38.65 <= pla <= 38.85 and -9.35 <= plo <= -9.05:
                break
        else:
            pla, plo = la, lo
        slug = "".join(ch for ch in ascii_fold((a + b).lower()) if ch.isalnum())
        emp = rng.choice([None, 4, 9, 18, 35, 60, 140, 320, 900])
        rev = "" if emp is None or rng.random() < 0.15 else int(emp * rng.uniform(40_000, 130_000) // 100 * 100)
        created = datetime(2021, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 3 * 365 * 1440))
        last = "" if rng.random() < 0.2 else (NOW - timedelta(minutes=rng.randrange(60, 200 * 1440))).strftime("%Y-%m-%d %H:%M")
        lc = rng.choices(HS_LIFECYCLE, [x[2] for x in HS_LIFECYCLE])[0]
        tp = rng.choices(HS_TYPE, [x[2] for x in HS_TYPE])[0]
        tier = rng.choices(HS_TIER, [x[2] for x in HS_TIER])[0]
        ind = rng.choice(HS_INDUSTRY) if rng.random() < 0.9 else ("", "")
        rows.append([
            14_820_000_000 + rng.randrange(10_000_000), nm,
            f"{slug}.pt" if rng.random() < 0.9 else "", ind[1], rev, emp or "", city, region,
            "Portugal", lc[1], created.strftime("%Y-%m-%d %H:%M"), last,
            rng.choice(HS_OWNERS) if rng.random() < 0.92 else "", tp[1], tier[1],
            f"{pla:.6f}", f"{plo:.6f}",
        ])
    rows.sort(key=lambda r: r[0])
    return write_csv("hubspot_companies.csv", header, rows)


# --------------------------------------------------------------------------- #
# hostile / encoding fixtures (generic OpsDeck schemas)
# --------------------------------------------------------------------------- #
def gen_bom_excel():
    rng = random.Random(7001)
    header = ["customer_id", "lat", "lon", "industry", "tier", "lifetime_value", "churned",
              "future_spend_6m"]
    inds = ["Insurance", "Banking", "Healthcare", "Retail", "Logistics", "Manufacturing"]
    rows = []
    for i in range(14):
        if i % 2:
            la, lo = 41.6 + rng.random() * 0.5, -88.2 + rng.random() * 0.7
        else:
            la, lo = 38.65 + rng.random() * 0.2, -9.35 + rng.random() * 0.3
        churned = rng.random() < 0.25
        fut = "" if i == 5 else f"{0 if churned else rng.uniform(500, 90000):.2f}"
        rows.append([f"CUST-{i + 1:04d}", f"{la:.5f}", f"{lo:.5f}", rng.choice(inds),
                     rng.choice(["Gold", "Silver", "Bronze", "Platinum"]),
                     f"{rng.uniform(1000, 400000):.2f}", "TRUE" if churned else "FALSE", fut])
    return write_csv("bom_excel_customers.csv", header, rows, bom=True, newline="\r\n")


def gen_utf16():
    rng = random.Random(7002)
    header = ["ticket_id", "created_at", "priority", "channel", "type", "product", "status",
              "first_response_at", "resolved_at", "customer"]
    custs = ["Zürich AG", "東京商事", "Açaí Ltda", "Kowalski, Nowak & Wspólnicy", "Ελληνική Ναυτιλία ΑΕ",
             "Société Générale d'Exemple", "Prairie State Insurance"]
    rows = []
    for i in range(12):
        c = rand_created(rng)
        st = rng.choice(["open", "pending", "on_hold", "solved", "closed"])
        fr = c + timedelta(minutes=rng.randrange(3, 600))
        rs = fr + timedelta(minutes=rng.randrange(30, 5000)) if st in ("solved", "closed") else None
        rows.append([f"T-{9000 + i}", iso_z(c), rng.choice(["urgent", "high", "normal", "low"]),
                     rng.choice(["email", "chat", "phone", "web"]),
                     rng.choice(["question", "incident", "problem"]),
                     rng.choice(["Cloud", "Mobile", "API"]), st,
                     iso_z(fr) if st != "open" else "", iso_z(rs) if rs else "", custs[i % len(custs)]])
    return write_csv("utf16le_tickets.csv", header, rows, encoding="utf-16-le", newline="\r\n")


def gen_hostile():
    header = ["ticket_id", "customer", "subject", "notes"]
    long_val = ("0123456789abcdefghij" * 250)[:5000]
    rows = [
        ["H-1", "\x1b]0;pwned\x07", "OSC set-window-title in customer cell", "ends with BEL"],
        ["H-2", "Clear Screen Corp", "\x1b[2J\x1b[H totally normal subject", "ESC[2J then cursor home"],
        ["H-3", "Long Notes Ltd", "5000-character notes cell", long_val],
        ["H-4", "Tab\tSeparated Inc", "subject with a\ttab inside", "tab in first two cells"],
        ["H-5", "Binary-ish", "\x01\x02\x03\x04\x7f\u0080\u009b31mC1-CSI\u00ff\ufffd",
         "C0 controls, DEL, C1 controls incl. U+009B (8-bit CSI), U+FFFD; no NUL"],
        # extras beyond the brief, documented in VENDORS.md
        ["H-6", "\u202eexe.txt", "bidi override U+202E", "renders reversed"],
        ["H-7", "=HYPERLINK(\"http://example.invalid\",\"click\")", "+SUM(A1:A2)", "-2+3 @cmd formula-injection prefixes"],
        ["H-8", "Bare CR", "line one\rline two", "quoted cell with a bare carriage return"],
        ["H-9", "\x1b[31mRed\x1b[0m Industries", "SGR colour codes", "\x1b]8;;http://example.invalid\x1b\\link\x1b]8;;\x1b\\"],
    ]
    return write_csv("hostile_cells.csv", header, rows, newline="\r\n")


def main():
    counts = {}
    zd = gen_zendesk()
    counts["zendesk_tickets_api.csv"] = write_zendesk_api(zd)
    counts["zendesk_tickets_export.csv"] = write_zendesk_export(zd)
    counts["freshdesk_tickets.csv"] = gen_freshdesk()
    counts["jira_sm_issues.csv"] = gen_jira()
    counts["servicenow_incidents.csv"] = gen_servicenow()
    a, u = gen_salesforce()
    counts["salesforce_accounts.csv"], counts["salesforce_users.csv"] = a, u
    counts["hubspot_companies.csv"] = gen_hubspot()
    counts["bom_excel_customers.csv"] = gen_bom_excel()
    counts["utf16le_tickets.csv"] = gen_utf16()
    counts["hostile_cells.csv"] = gen_hostile()
    for k, v in counts.items():
        print(f"{k:32s} {v:4d} rows")


if __name__ == "__main__":
    main()
