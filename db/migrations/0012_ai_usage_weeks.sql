CREATE TABLE "ai_usage_weeks" (
	"org_id" integer NOT NULL,
	"week" date NOT NULL,
	"tool" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"employee_id" text,
	"login" text,
	"email" text,
	"team_manager_id" text,
	"org_key" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"rows" integer NOT NULL,
	"active_rows" integer NOT NULL,
	"engineers" double precision,
	"ai_active_users" double precision,
	"active" boolean NOT NULL,
	"suggestions_both" double precision,
	"acceptances_both" double precision,
	"lines_suggested_both" double precision,
	"lines_accepted_both" double precision,
	"prs_both" double precision,
	"ai_prs_both" double precision,
	"lines_accepted" double precision,
	"lines_accepted_no_total" double precision,
	"lines_accepted_with_total" double precision,
	"lines_total" double precision,
	"has_total" boolean NOT NULL,
	"prs_merged" double precision,
	"spend_usd" double precision,
	"has_spend" boolean NOT NULL,
	"pr_start" date,
	"pr_end" date,
	"spend_start" date,
	"spend_end" date,
	"active_days" double precision,
	"day_mask" integer NOT NULL,
	"end_mask" integer NOT NULL,
	"agent_uses" double precision,
	"credits_spend" double precision,
	"credits_no_spend" double precision,
	CONSTRAINT "ai_usage_weeks_key" UNIQUE NULLS NOT DISTINCT("org_id","week","tool","subject_key","subject_kind","employee_id","login","email","team_manager_id","org_key")
);
--> statement-breakpoint
ALTER TABLE "ai_usage_weeks" ADD CONSTRAINT "ai_usage_weeks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_usage_multi_day_idx" ON "ai_usage" USING btree ("period_end") WHERE "ai_usage"."period_start" <> "ai_usage"."period_end";--> statement-breakpoint
CREATE FUNCTION ai_usage_weeks_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  insert into ai_usage_weeks as m (org_id, week, tool, subject_kind, subject_key, employee_id, login, email, team_manager_id, org_key, period_start, period_end, rows, active_rows, engineers, ai_active_users, active, suggestions_both, acceptances_both, lines_suggested_both, lines_accepted_both, prs_both, ai_prs_both, lines_accepted, lines_accepted_no_total, lines_accepted_with_total, lines_total, has_total, prs_merged, spend_usd, has_spend, pr_start, pr_end, spend_start, spend_end, active_days, day_mask, end_mask, agent_uses, credits_spend, credits_no_spend)
  select u.org_of as org_id, (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as week, tool, subject_kind, subject_key,
       employee_id, lower(github_login) as login, lower(email) as email, team_manager_id, org_key,
       min(period_start) as period_start, max(period_end) as period_end,
       count(*)::int as rows, (count(*) filter (where act))::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(act) as active,
       sum(suggestions) filter (where suggestions is not null and acceptances is not null) as suggestions_both,
       sum(acceptances) filter (where suggestions is not null and acceptances is not null) as acceptances_both,
       sum(lines_suggested) filter (where lines_suggested is not null and lines_accepted is not null) as lines_suggested_both,
       sum(lines_accepted) filter (where lines_suggested is not null and lines_accepted is not null) as lines_accepted_both,
       sum(prs_merged) filter (where prs_merged is not null and ai_assisted_prs is not null) as prs_both,
       sum(ai_assisted_prs) filter (where prs_merged is not null and ai_assisted_prs is not null) as ai_prs_both,
       sum(lines_accepted) as lines_accepted,
       sum(lines_accepted) filter (where lines_total is null) as lines_accepted_no_total,
       sum(lines_accepted) filter (where lines_total is not null) as lines_accepted_with_total,
       sum(lines_total) as lines_total, bool_or(lines_total is not null) as has_total,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd, bool_or(spend_usd is not null) as has_spend,
       min(period_start) filter (where prs_merged is not null) as pr_start,
       max(period_end) filter (where prs_merged is not null) as pr_end,
       min(period_start) filter (where spend_usd is not null) as spend_start,
       max(period_end) filter (where spend_usd is not null) as spend_end,
       sum(active_days) as active_days,
       coalesce(bit_or((1 << (extract(day from period_start)::int - 1))) filter (where act and period_start = period_end and active_days is null), 0) as day_mask,
       coalesce(bit_or((1 << (extract(day from period_end)::int - 1))) filter (where act), 0) as end_mask,
       sum(agent_uses) as agent_uses,
       sum(ai_credits) filter (where spend_usd is not null) as credits_spend,
       sum(ai_credits) filter (where spend_usd is null) as credits_no_spend
     from (select u.*, coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0) as act from (select n.*, i.org_id as org_of from new_rows n join ai_imports i on i.id = n.import_id) u where true) u
     group by (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7), tool, subject_kind, subject_key, employee_id,
       lower(github_login), lower(email), team_manager_id, org_key, org_of
  on conflict on constraint ai_usage_weeks_key do update set
    period_start = least(m.period_start, excluded.period_start),
    period_end = greatest(m.period_end, excluded.period_end),
    rows = m.rows + excluded.rows,
    active_rows = m.active_rows + excluded.active_rows,
    engineers = greatest(m.engineers, excluded.engineers),
    ai_active_users = greatest(m.ai_active_users, excluded.ai_active_users),
    active = m.active or excluded.active,
    suggestions_both = coalesce(m.suggestions_both + excluded.suggestions_both, m.suggestions_both, excluded.suggestions_both),
    acceptances_both = coalesce(m.acceptances_both + excluded.acceptances_both, m.acceptances_both, excluded.acceptances_both),
    lines_suggested_both = coalesce(m.lines_suggested_both + excluded.lines_suggested_both, m.lines_suggested_both, excluded.lines_suggested_both),
    lines_accepted_both = coalesce(m.lines_accepted_both + excluded.lines_accepted_both, m.lines_accepted_both, excluded.lines_accepted_both),
    prs_both = coalesce(m.prs_both + excluded.prs_both, m.prs_both, excluded.prs_both),
    ai_prs_both = coalesce(m.ai_prs_both + excluded.ai_prs_both, m.ai_prs_both, excluded.ai_prs_both),
    lines_accepted = coalesce(m.lines_accepted + excluded.lines_accepted, m.lines_accepted, excluded.lines_accepted),
    lines_accepted_no_total = coalesce(m.lines_accepted_no_total + excluded.lines_accepted_no_total, m.lines_accepted_no_total, excluded.lines_accepted_no_total),
    lines_accepted_with_total = coalesce(m.lines_accepted_with_total + excluded.lines_accepted_with_total, m.lines_accepted_with_total, excluded.lines_accepted_with_total),
    lines_total = coalesce(m.lines_total + excluded.lines_total, m.lines_total, excluded.lines_total),
    has_total = m.has_total or excluded.has_total,
    prs_merged = coalesce(m.prs_merged + excluded.prs_merged, m.prs_merged, excluded.prs_merged),
    spend_usd = coalesce(m.spend_usd + excluded.spend_usd, m.spend_usd, excluded.spend_usd),
    has_spend = m.has_spend or excluded.has_spend,
    pr_start = least(m.pr_start, excluded.pr_start),
    pr_end = greatest(m.pr_end, excluded.pr_end),
    spend_start = least(m.spend_start, excluded.spend_start),
    spend_end = greatest(m.spend_end, excluded.spend_end),
    active_days = coalesce(m.active_days + excluded.active_days, m.active_days, excluded.active_days),
    day_mask = m.day_mask | excluded.day_mask,
    end_mask = m.end_mask | excluded.end_mask,
    agent_uses = coalesce(m.agent_uses + excluded.agent_uses, m.agent_uses, excluded.agent_uses),
    credits_spend = coalesce(m.credits_spend + excluded.credits_spend, m.credits_spend, excluded.credits_spend),
    credits_no_spend = coalesce(m.credits_no_spend + excluded.credits_no_spend, m.credits_no_spend, excluded.credits_no_spend);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION ai_usage_weeks_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  
  with k as (select distinct (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as m, tool as t, subject_key as sk from old_rows x)
  delete from ai_usage_weeks a using k where a.week = k.m and a.tool = k.t and a.subject_key = k.sk;
  with k as (select distinct (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as m, tool as t, subject_key as sk from old_rows x)
  insert into ai_usage_weeks (org_id, week, tool, subject_kind, subject_key, employee_id, login, email, team_manager_id, org_key, period_start, period_end, rows, active_rows, engineers, ai_active_users, active, suggestions_both, acceptances_both, lines_suggested_both, lines_accepted_both, prs_both, ai_prs_both, lines_accepted, lines_accepted_no_total, lines_accepted_with_total, lines_total, has_total, prs_merged, spend_usd, has_spend, pr_start, pr_end, spend_start, spend_end, active_days, day_mask, end_mask, agent_uses, credits_spend, credits_no_spend)
  select u.org_of as org_id, (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as week, tool, subject_kind, subject_key,
       employee_id, lower(github_login) as login, lower(email) as email, team_manager_id, org_key,
       min(period_start) as period_start, max(period_end) as period_end,
       count(*)::int as rows, (count(*) filter (where act))::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(act) as active,
       sum(suggestions) filter (where suggestions is not null and acceptances is not null) as suggestions_both,
       sum(acceptances) filter (where suggestions is not null and acceptances is not null) as acceptances_both,
       sum(lines_suggested) filter (where lines_suggested is not null and lines_accepted is not null) as lines_suggested_both,
       sum(lines_accepted) filter (where lines_suggested is not null and lines_accepted is not null) as lines_accepted_both,
       sum(prs_merged) filter (where prs_merged is not null and ai_assisted_prs is not null) as prs_both,
       sum(ai_assisted_prs) filter (where prs_merged is not null and ai_assisted_prs is not null) as ai_prs_both,
       sum(lines_accepted) as lines_accepted,
       sum(lines_accepted) filter (where lines_total is null) as lines_accepted_no_total,
       sum(lines_accepted) filter (where lines_total is not null) as lines_accepted_with_total,
       sum(lines_total) as lines_total, bool_or(lines_total is not null) as has_total,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd, bool_or(spend_usd is not null) as has_spend,
       min(period_start) filter (where prs_merged is not null) as pr_start,
       max(period_end) filter (where prs_merged is not null) as pr_end,
       min(period_start) filter (where spend_usd is not null) as spend_start,
       max(period_end) filter (where spend_usd is not null) as spend_end,
       sum(active_days) as active_days,
       coalesce(bit_or((1 << (extract(day from period_start)::int - 1))) filter (where act and period_start = period_end and active_days is null), 0) as day_mask,
       coalesce(bit_or((1 << (extract(day from period_end)::int - 1))) filter (where act), 0) as end_mask,
       sum(agent_uses) as agent_uses,
       sum(ai_credits) filter (where spend_usd is not null) as credits_spend,
       sum(ai_credits) filter (where spend_usd is null) as credits_no_spend
     from (select u.*, coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0) as act from (select a.*, i.org_id as org_of from ai_usage a
       join k on a.tool = k.t and a.subject_key = k.sk
         and a.period_end between k.m and least(k.m + 6, (date_trunc('month', k.m) + interval '1 month' - interval '1 day')::date)
       join ai_imports i on i.id = a.import_id) u where true) u
     group by (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7), tool, subject_kind, subject_key, employee_id,
       lower(github_login), lower(email), team_manager_id, org_key, org_of;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION ai_usage_weeks_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  
  with k as (select distinct (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as m, tool as t, subject_key as sk from (select * from old_rows union all select * from new_rows) x)
  delete from ai_usage_weeks a using k where a.week = k.m and a.tool = k.t and a.subject_key = k.sk;
  with k as (select distinct (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as m, tool as t, subject_key as sk from (select * from old_rows union all select * from new_rows) x)
  insert into ai_usage_weeks (org_id, week, tool, subject_kind, subject_key, employee_id, login, email, team_manager_id, org_key, period_start, period_end, rows, active_rows, engineers, ai_active_users, active, suggestions_both, acceptances_both, lines_suggested_both, lines_accepted_both, prs_both, ai_prs_both, lines_accepted, lines_accepted_no_total, lines_accepted_with_total, lines_total, has_total, prs_merged, spend_usd, has_spend, pr_start, pr_end, spend_start, spend_end, active_days, day_mask, end_mask, agent_uses, credits_spend, credits_no_spend)
  select u.org_of as org_id, (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as week, tool, subject_kind, subject_key,
       employee_id, lower(github_login) as login, lower(email) as email, team_manager_id, org_key,
       min(period_start) as period_start, max(period_end) as period_end,
       count(*)::int as rows, (count(*) filter (where act))::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(act) as active,
       sum(suggestions) filter (where suggestions is not null and acceptances is not null) as suggestions_both,
       sum(acceptances) filter (where suggestions is not null and acceptances is not null) as acceptances_both,
       sum(lines_suggested) filter (where lines_suggested is not null and lines_accepted is not null) as lines_suggested_both,
       sum(lines_accepted) filter (where lines_suggested is not null and lines_accepted is not null) as lines_accepted_both,
       sum(prs_merged) filter (where prs_merged is not null and ai_assisted_prs is not null) as prs_both,
       sum(ai_assisted_prs) filter (where prs_merged is not null and ai_assisted_prs is not null) as ai_prs_both,
       sum(lines_accepted) as lines_accepted,
       sum(lines_accepted) filter (where lines_total is null) as lines_accepted_no_total,
       sum(lines_accepted) filter (where lines_total is not null) as lines_accepted_with_total,
       sum(lines_total) as lines_total, bool_or(lines_total is not null) as has_total,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd, bool_or(spend_usd is not null) as has_spend,
       min(period_start) filter (where prs_merged is not null) as pr_start,
       max(period_end) filter (where prs_merged is not null) as pr_end,
       min(period_start) filter (where spend_usd is not null) as spend_start,
       max(period_end) filter (where spend_usd is not null) as spend_end,
       sum(active_days) as active_days,
       coalesce(bit_or((1 << (extract(day from period_start)::int - 1))) filter (where act and period_start = period_end and active_days is null), 0) as day_mask,
       coalesce(bit_or((1 << (extract(day from period_end)::int - 1))) filter (where act), 0) as end_mask,
       sum(agent_uses) as agent_uses,
       sum(ai_credits) filter (where spend_usd is not null) as credits_spend,
       sum(ai_credits) filter (where spend_usd is null) as credits_no_spend
     from (select u.*, coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0) as act from (select a.*, i.org_id as org_of from ai_usage a
       join k on a.tool = k.t and a.subject_key = k.sk
         and a.period_end between k.m and least(k.m + 6, (date_trunc('month', k.m) + interval '1 month' - interval '1 day')::date)
       join ai_imports i on i.id = a.import_id) u where true) u
     group by (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7), tool, subject_kind, subject_key, employee_id,
       lower(github_login), lower(email), team_manager_id, org_key, org_of;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER ai_usage_weeks_insert AFTER INSERT ON ai_usage REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_usage_weeks_add();
--> statement-breakpoint
CREATE TRIGGER ai_usage_weeks_delete AFTER DELETE ON ai_usage REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_usage_weeks_remove();
--> statement-breakpoint
CREATE TRIGGER ai_usage_weeks_update AFTER UPDATE ON ai_usage REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_usage_weeks_change();
--> statement-breakpoint
insert into ai_usage_weeks (org_id, week, tool, subject_kind, subject_key, employee_id, login, email, team_manager_id, org_key, period_start, period_end, rows, active_rows, engineers, ai_active_users, active, suggestions_both, acceptances_both, lines_suggested_both, lines_accepted_both, prs_both, ai_prs_both, lines_accepted, lines_accepted_no_total, lines_accepted_with_total, lines_total, has_total, prs_merged, spend_usd, has_spend, pr_start, pr_end, spend_start, spend_end, active_days, day_mask, end_mask, agent_uses, credits_spend, credits_no_spend)
select u.org_of as org_id, (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7) as week, tool, subject_kind, subject_key,
       employee_id, lower(github_login) as login, lower(email) as email, team_manager_id, org_key,
       min(period_start) as period_start, max(period_end) as period_end,
       count(*)::int as rows, (count(*) filter (where act))::int as active_rows,
       max(engineers) as engineers, max(ai_active_users) as ai_active_users, bool_or(act) as active,
       sum(suggestions) filter (where suggestions is not null and acceptances is not null) as suggestions_both,
       sum(acceptances) filter (where suggestions is not null and acceptances is not null) as acceptances_both,
       sum(lines_suggested) filter (where lines_suggested is not null and lines_accepted is not null) as lines_suggested_both,
       sum(lines_accepted) filter (where lines_suggested is not null and lines_accepted is not null) as lines_accepted_both,
       sum(prs_merged) filter (where prs_merged is not null and ai_assisted_prs is not null) as prs_both,
       sum(ai_assisted_prs) filter (where prs_merged is not null and ai_assisted_prs is not null) as ai_prs_both,
       sum(lines_accepted) as lines_accepted,
       sum(lines_accepted) filter (where lines_total is null) as lines_accepted_no_total,
       sum(lines_accepted) filter (where lines_total is not null) as lines_accepted_with_total,
       sum(lines_total) as lines_total, bool_or(lines_total is not null) as has_total,
       sum(prs_merged) as prs_merged, sum(spend_usd) as spend_usd, bool_or(spend_usd is not null) as has_spend,
       min(period_start) filter (where prs_merged is not null) as pr_start,
       max(period_end) filter (where prs_merged is not null) as pr_end,
       min(period_start) filter (where spend_usd is not null) as spend_start,
       max(period_end) filter (where spend_usd is not null) as spend_end,
       sum(active_days) as active_days,
       coalesce(bit_or((1 << (extract(day from period_start)::int - 1))) filter (where act and period_start = period_end and active_days is null), 0) as day_mask,
       coalesce(bit_or((1 << (extract(day from period_end)::int - 1))) filter (where act), 0) as end_mask,
       sum(agent_uses) as agent_uses,
       sum(ai_credits) filter (where spend_usd is not null) as credits_spend,
       sum(ai_credits) filter (where spend_usd is null) as credits_no_spend
     from (select u.*, coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(lines_accepted, 0)
  + coalesce(ai_assisted_prs, 0) + coalesce(spend_usd, 0) + coalesce(active_days, 0) + coalesce(agent_uses, 0) > 0) as act from (select a.*, i.org_id as org_of from ai_usage a join ai_imports i on i.id = a.import_id) u where true) u
     group by (date_trunc('month', period_end)::date + (least(extract(day from period_end)::int, 29) - 1) / 7 * 7), tool, subject_kind, subject_key, employee_id,
       lower(github_login), lower(email), team_manager_id, org_key, org_of;
