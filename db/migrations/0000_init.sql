CREATE TYPE "public"."role" AS ENUM('admin', 'hr', 'leader', 'viewer');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"scope_employee_id" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "header_mappings" (
	"source_key" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"snapshot_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"employee_id" text NOT NULL,
	"manager_id" text,
	"name" text,
	"email" text,
	"title" text,
	"level" text,
	"track" text,
	"department" text,
	"location" text,
	"cost_center" text,
	"employment_type" text,
	"hire_date" date,
	"level_start_date" date,
	"github_login" text,
	"status" text DEFAULT 'filled' NOT NULL,
	"aggregated_count" double precision
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"label" text,
	"format" text NOT NULL,
	"source_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"skip_duplicates" boolean DEFAULT false NOT NULL,
	"headcount" double precision DEFAULT 0 NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warning_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_results" (
	"snapshot_id" integer NOT NULL,
	"family" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_key" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_results_snapshot_id_family_scope_type_scope_key_pk" PRIMARY KEY("snapshot_id","family","scope_type","scope_key")
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_results" ADD CONSTRAINT "metric_results_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_window_idx" ON "login_attempts" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE UNIQUE INDEX "people_snapshot_employee_idx" ON "people" USING btree ("snapshot_id","employee_id");--> statement-breakpoint
CREATE INDEX "people_snapshot_manager_idx" ON "people" USING btree ("snapshot_id","manager_id");--> statement-breakpoint
CREATE INDEX "snapshots_as_of_idx" ON "snapshots" USING btree ("as_of","is_current");--> statement-breakpoint
CREATE INDEX "metric_results_family_idx" ON "metric_results" USING btree ("family","scope_type");