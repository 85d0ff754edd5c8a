#!/usr/bin/env python3
"""Independent derivation of the expected numbers in real-files.test.ts.

Reads ../shared/data with the standard library only (json, csv) and applies the field mappings
written in lib/ai-ingest/README.md, without using the TypeScript code. Run from /work/main:

    python3 tests/unit/ai-ingest/derive-expected.py

Prints one line per sample file: usage rows, seats, memberships and the sums of suggestions,
acceptances, lines suggested/accepted, PRs merged, AI-assisted PRs, spend (USD) and the number
of distinct logins/emails. The test file copies these numbers by hand.
"""
import csv
import json
import os
from collections import defaultdict
from datetime import datetime, timezone

ROOT = os.path.join(os.getcwd(), '..', 'shared', 'data')


def load(rel):
    with open(os.path.join(ROOT, rel), encoding='utf-8') as f:
        return json.load(f)


def out(name, rows, seats=0, members=0, people=None):
    keys = ['sug', 'acc', 'ls', 'la', 'prs', 'aiprs', 'spend']
    sums = {k: 0 for k in keys}
    for r in rows:
        for k in keys:
            sums[k] += r.get(k) or 0
    sums['spend'] = round(sums['spend'], 6)
    print(f"{name}: usage={len(rows)} seats={seats} memberships={members} "
          + ' '.join(f"{k}={sums[k]}" for k in keys)
          + f" people={len(people) if people is not None else 0}")


def users_report(rel):
    recs = load(rel)['day_totals']
    rows = [dict(sug=r['code_generation_activity_count'], acc=r['code_acceptance_activity_count'],
                 ls=r['loc_suggested_to_add_sum'], la=r['loc_added_sum'],
                 active=(r['user_initiated_interaction_count'] + r['code_generation_activity_count'] > 0
                         or any(v is True for k, v in r.items() if k.startswith('used_'))))
            for r in recs]
    out(rel, rows, people={r['user_login'] for r in recs})
    print('   inactive rows:', sum(1 for r in rows if not r['active']))


def user_totals(rel):
    d = load(rel)
    recs = d['user_totals']
    rows = [dict(sug=r['code_generation_activity_count'], acc=r['code_acceptance_activity_count'],
                 ls=r['loc_suggested_to_add_sum'], la=r['loc_added_sum'],
                 active=(r.get('total_active_days', 0) > 0
                         or r.get('user_initiated_interaction_count', 0) + r['code_generation_activity_count'] > 0))
            for r in recs]
    # 'login' in every known version; 'user_login' accepted as well (README).
    out(rel, rows, people={r.get('login') or r.get('user_login') for r in recs})
    print('   period:', d.get('report_start_day') or d.get('report_day'), '..',
          d.get('report_end_day') or d.get('report_day'),
          ' inactive rows:', sum(1 for r in rows if not r['active']),
          ' rows with acceptances > suggestions:', [i + 1 for i, r in enumerate(rows) if r['acc'] > r['sug']])


def org_report(rel):
    recs = load(rel)['day_totals']
    rows = []
    for r in recs:
        pr = r.get('pull_requests') or {}
        rows.append(dict(sug=r['code_generation_activity_count'], acc=r['code_acceptance_activity_count'],
                         ls=r['loc_suggested_to_add_sum'], la=r['loc_added_sum'],
                         prs=pr.get('total_merged'), aiprs=pr.get('total_merged_created_by_copilot')))
    out(rel, rows)
    print('   days without pull_requests:', sum(1 for r in recs if 'pull_requests' not in r),
          ' sum daily_active_users:', sum(r['daily_active_users'] for r in recs))


def legacy_metrics(rel):
    rows = []
    for day in load(rel):
        s = dict(sug=0, acc=0, ls=0, la=0)
        for e in day.get('copilot_ide_code_completions', {}).get('editors', []):
            for m in e.get('models', []):
                for lang in m.get('languages', []):
                    s['sug'] += lang.get('total_code_suggestions', 0)
                    s['acc'] += lang.get('total_code_acceptances', 0)
                    s['ls'] += lang.get('total_code_lines_suggested', 0)
                    s['la'] += lang.get('total_code_lines_accepted', 0)
        rows.append(s)
    out(rel, rows)
    print('   days with acceptances > suggestions:', sum(1 for r in rows if r['acc'] > r['sug']))


def legacy_usage(rel):
    rows = [dict(sug=d['total_suggestions_count'], acc=d['total_acceptances_count'],
                 ls=d['total_lines_suggested'], la=d['total_lines_accepted']) for d in load(rel)]
    out(rel, rows)


def seats(rel):
    d = load(rel)
    logins = [s['assignee']['login'] for s in d['seats']]
    cost = defaultdict(int)
    for s in {s['assignee']['login']: s for s in d['seats']}.values():
        cost[s.get('plan_type')] += 1
    out(rel, [], seats=len(set(logins)), people=set(logins))
    print('   seat objects:', len(logins), ' plans:', dict(cost),
          ' monthly cost:', 19 * cost['business'] + 39 * cost['enterprise'])


def billing(rel):
    d = load(rel)
    per = defaultdict(float)
    for it in d.get('usageItems', []):
        per[it.get('user', '(org)')] += it['netAmount']
    for u in d.get('users', []):
        per[u['login']] += u['netAmount']
    rows = [dict(spend=v) for v in per.values()]
    out(rel, rows, people={k for k in per if k != '(org)'})


def user_teams(rel):
    d = load(rel)
    out(rel, [], members=len(d), people={r['user_login'] for r in d})
    print('   teams:', sorted({r['slug'] for r in d}))


def cursor_daily(rel):
    d = load(rel)['data']
    rows = [dict(sug=r['totalTabsShown'] + r['totalApplies'], acc=r['totalTabsAccepted'] + r['totalAccepts'],
                 ls=r['totalLinesAdded'], la=r['acceptedLinesAdded']) for r in d]
    out(rel, rows, people={r['email'] for r in d})
    print('   days:', [datetime.fromtimestamp(r['date'] / 1000, timezone.utc).date().isoformat() for r in d])


def cursor_spend(rel):
    d = load(rel)
    rows = [dict(spend=m['spendCents'] / 100) for m in d['teamMemberSpend']]
    out(rel, rows, people={m['email'] for m in d['teamMemberSpend']})
    print('   cycle start:', datetime.fromtimestamp(d['subscriptionCycleStart'] / 1000, timezone.utc).date())


def cursor_members(rel):
    d = load(rel)['teamMembers']
    paid = [m for m in d if m['role'] != 'free-owner']
    out(rel, [], seats=len(paid), people={m['email'] for m in paid})


def cursor_team(rel, sug, acc):
    d = load(rel)['data']
    rows = [dict(sug=r.get(sug, 0), acc=r.get(acc, 0), ls=r.get('total_lines_suggested', 0),
                 la=r.get('total_lines_accepted', 0)) for r in d]
    out(rel, rows)
    print('   sum dau:', sum(r.get('dau', 0) for r in d))


def cursor_by_user(rel):
    d = load(rel)['data']
    per = defaultdict(lambda: dict(ls=0, la=0))
    for email, entries in d.items():
        for e in entries:
            k = (email, e['event_date'])
            per[k]['ls'] += e.get('suggested_lines', 0)
            per[k]['la'] += e.get('accepted_lines', 0)
    out(rel, list(per.values()), people=set(d))


def cursor_commits_json(rel):
    items = [i for i in load(rel)['items'] if i['isPrimaryBranch']]
    per = defaultdict(lambda: [0, 0])
    for i in items:
        k = (i['userEmail'], i['commitTs'][:10])
        per[k][0] += i['totalLinesAdded']
        per[k][1] += i['tabLinesAdded'] + i['composerLinesAdded']
    out(rel, list({} for _ in per), people={k[0] for k in per})
    print('   (linesCommitted, aiLinesCommitted):', dict(per))


def cursor_commits_csv(rel):
    with open(os.path.join(ROOT, rel), encoding='utf-8') as f:
        items = [r for r in csv.DictReader(f) if r['is_primary_branch'] == 'true']
    per = defaultdict(lambda: [0, 0])
    for i in items:
        k = (i['user_email'], i['commit_ts'][:10])
        per[k][0] += int(i['total_lines_added'])
        per[k][1] += int(i['tab_lines_added']) + int(i['composer_lines_added'])
    out(rel, list({} for _ in per), people={k[0] for k in per})
    print('   (linesCommitted, aiLinesCommitted):', dict(per))


V = 'copilot-metrics-viewer/'
users_report(V + 'new-api/organization-users-28-day-report.json')
users_report(V + 'new-api/organization-users-1-day-report.json')
user_totals(V + 'new-api/enterprise-users-28-day-report.json')
user_totals(V + 'new-api/enterprise-users-1-day-report.json')
# Earlier shapes (PROVENANCE.md "Added later"): premium_requests_total instead of ai_credits_used (not
# mapped either way); an organization users report as per-user user_totals; an org report without
# pull_requests (so PRs are unknown, not 0).
user_totals(V + 'new-api/from-history/enterprise-users-28-day-report.48715ba.json')
user_totals(V + 'new-api/from-history/organization-users-1-day-report.47fedf3.json')
org_report(V + 'new-api/from-history/organization-1-day-report.c8aa964.json')
org_report(V + 'new-api/organization-28-day-report.json')
org_report(V + 'new-api/organization-1-day-report.json')
org_report(V + 'new-api/enterprise-28-day-report.json')
legacy_metrics(V + 'organization_metrics_response_sample.json')
legacy_metrics(V + 'enterprise_metrics_response_sample.json')
legacy_metrics('github-docs-copilot-examples/orgs-org-copilot-metrics.example.json')
legacy_usage(V + 'organization_usage_response_sample.json')
legacy_usage(V + 'enterprise_usage_response_sample.json')
seats(V + 'organization_seats_response_sample.json')
seats(V + 'enterprise_seats_response_sample.json')
seats(V + 'enterprise_seats_with_duplicates.json')
billing(V + 'billing-credits.json')
billing(V + 'from-history/organization-billing-credits.json')
billing(V + 'from-history/organization-billing-credits-users.json')
user_teams(V + 'from-history/organization-user-teams-1-day-report.json')
C = 'cursor-admin-api-doc-examples/'
cursor_daily(C + 'admin-api/03-get-daily-usage-data.json')
cursor_spend(C + 'admin-api/04-get-spending-data.json')
cursor_members(C + 'admin-api/01-get-team-members.json')
cursor_team(C + 'analytics-api/01-agent-edits.json', 'total_suggested_diffs', 'total_accepted_diffs')
cursor_team(C + 'analytics-api/02-tab-usage.json', 'total_suggestions', 'total_accepts')
cursor_team(C + 'analytics-api/03-daily-active-users-dau.json', '-', '-')
cursor_by_user(C + 'analytics-api/12-agent-edits-by-user.json')
for n in ['13-mcp-adoption-by-user', '14-commands-adoption-by-user', '15-plans-adoption-by-user',
          '16-ask-mode-adoption-by-user']:
    d = load(C + f'analytics-api/{n}.json')['data']
    days = {(e, x['event_date']) for e, xs in d.items() for x in xs}
    print(f'{C}analytics-api/{n}.json: usage={len(days)} (distinct user-days) people={len(d)}')
cursor_commits_json(C + 'ai-code-tracking-api/01-get-ai-commit-metrics-json-paginated.json')
cursor_commits_csv(C + 'ai-code-tracking-api/02-download-ai-commit-metrics-csv-streaming.csv')


# ---- #15: newer fields and new tools (README "Field mappings") ----
print('\n# newer fields: agent = Σ user_initiated_interaction_count of totals_by_feature agent_edit +'
      ' chat_panel_agent_mode; credits = ai_credits_used (else premium_requests_total);'
      ' activeDays = total_active_days; cli = Σ totals_by_cli.session_count')


def newer(rel, key):
    d = load(rel)
    recs = d[key] if isinstance(d, dict) else d
    agent = credits = active_days = cli = created_by_copilot = 0
    for r in recs:
        for f in r.get('totals_by_feature', []):
            if f['feature'] in ('agent_edit', 'chat_panel_agent_mode'):
                agent += f['user_initiated_interaction_count']
        credits += r.get('ai_credits_used', r.get('premium_requests_total', 0)) or 0
        active_days += r.get('total_active_days', 0)
        cli += (r.get('totals_by_cli') or {}).get('session_count', 0)
        created_by_copilot += (r.get('pull_requests') or {}).get('total_created_by_copilot', 0)
    print(f"{rel}: agentUses={agent} aiCredits={round(credits, 6)} activeDays={active_days}"
          f" cli_sessions={cli} prs_created_by_copilot={created_by_copilot}")


for rel, key in [('new-api/organization-users-28-day-report.json', 'day_totals'),
                 ('new-api/organization-users-1-day-report.json', 'day_totals'),
                 ('new-api/enterprise-users-28-day-report.json', 'user_totals'),
                 ('new-api/enterprise-users-1-day-report.json', 'user_totals'),
                 ('new-api/from-history/enterprise-users-28-day-report.48715ba.json', 'user_totals'),
                 ('new-api/from-history/organization-users-1-day-report.47fedf3.json', 'user_totals'),
                 ('new-api/organization-28-day-report.json', 'day_totals'),
                 ('new-api/enterprise-28-day-report.json', 'day_totals')]:
    newer(V + rel, key)

# Cursor AI-code commits: linesTotal = Σ totalLinesAdded, linesAccepted = Σ tab + composer (primary branch).
# (printed above as (linesCommitted, aiLinesCommitted) per email and day)


def claude(rel):
    recs = load(rel)['data']
    sessions = sum(r['core_metrics']['num_sessions'] for r in recs)
    added = sum(r['core_metrics']['lines_of_code']['added'] for r in recs)
    removed = sum(r['core_metrics']['lines_of_code']['removed'] for r in recs)
    commits = sum(r['core_metrics']['commits_by_claude_code'] for r in recs)
    prs = sum(r['core_metrics']['pull_requests_by_claude_code'] for r in recs)
    cents = sum(m['estimated_cost']['amount'] for r in recs for m in r['model_breakdown'])
    acc = sum(t['accepted'] for r in recs for t in r['tool_actions'].values())
    rej = sum(t['rejected'] for r in recs for t in r['tool_actions'].values())
    keys = {(r['actor'].get('email_address'), r['date'][:10]) for r in recs}
    print(f"{rel}: usage={len(keys)} agentUses={sessions} linesAccepted={added} lines_removed={removed}"
          f" commitsByAi={commits} aiAssistedPrs={prs} spendUsd={cents / 100} suggestions={acc + rej}"
          f" acceptances={acc} people={len({k[0] for k in keys})}")


claude('claude-code-analytics/claude_code_usage_report.json')
u = load('claude-code-analytics/users.json')['data']
print('claude-code-analytics/users.json: seats =', sum(1 for x in u if x['role'] != 'billing'))

W = 'windsurf-analytics/'
users = load(W + 'user_page_analytics.json')['userTableStats']
key_email = {x['apiKey']: x['email'] for x in users}
print(W + 'user_page_analytics.json: seats =', sum(1 for x in users if not x.get('disableCodeium')),
      ' map:', key_email)
for name, fields in [('autocomplete_analytics.json', ['sum_num_acceptances', 'sum_num_lines_accepted']),
                     ('chat_analytics.json', ['sum_chat_loc_used', 'sum_num_chats_received'])]:
    items = [ri['item'] for q in load(W + name)['queryResults'] for ri in q['responseItems']]
    days = {(key_email.get(i['api_key']), i['date']) for i in items}
    print(W + name, ': usage =', len(days), {f: sum(int(i[f]) for i in items) for f in fields},
          ' people:', {d[0] for d in days})
cl = [x for q in load(W + 'cascade_lines_analytics.json')['queryResults'] for x in q['cascadeLines']['cascadeLines']]
print(W + 'cascade_lines_analytics.json: usage =', len({x['day'] for x in cl}),
      'linesSuggested =', sum(int(x['linesSuggested']) for x in cl),
      'linesAccepted =', sum(int(x['linesAccepted']) for x in cl))
cr = [x for q in load(W + 'cascade_runs_analytics.json')['queryResults'] for x in q['cascadeRuns']['cascadeRuns']]
print(W + 'cascade_runs_analytics.json: usage =', len({x['day'] for x in cr}),
      'agentUses (runs) =', len({(x['day'], x['cascadeId']) for x in cr}),
      'messages =', sum(int(x['messagesSent']) for x in cr), 'prompts =', sum(int(x['promptsUsed']) for x in cr))

F = 'cursor-faros-samples/'
cursor_daily(F + 'daily_usage.json')
d = load(F + 'daily_usage.json')['data']
print('   agentUses =', sum(r['agentRequests'] for r in d), ' chat_requests =', sum(r['chatRequests'] for r in d))
ev = load(F + 'usage_events.json')['usageEvents']
print(F + 'usage_events.json: events =', len(ev), ' cents =', sum(e.get('tokenUsage', {}).get('totalCents', 0) for e in ev),
      ' days =', {datetime.fromtimestamp(int(e['timestamp']) / 1000, timezone.utc).date().isoformat() for e in ev})

# Copilot billing JSON: aiCredits = Σ grossQuantity of AI-credit items (unitType contains 'credit');
# premium-request items are counted apart (extra.premium_requests).
for rel in [V + 'billing-credits.json', V + 'from-history/organization-billing-credits.json']:
    items = load(rel)['usageItems']
    credits = sum(i['grossQuantity'] for i in items if 'credit' in (i.get('unitType') or i.get('sku') or '').lower())
    reqs = sum(i['grossQuantity'] for i in items if 'credit' not in (i.get('unitType') or i.get('sku') or '').lower())
    print(f'{rel}: aiCredits={round(credits, 6)} premium_requests={round(reqs, 6)}')
