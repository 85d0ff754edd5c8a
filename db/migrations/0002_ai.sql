CREATE TABLE "ai_identity_map" (
	"identity" text PRIMARY KEY NOT NULL,
	"employee_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_seats" (
	"import_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"tool" text NOT NULL,
	"github_login" text,
	"email" text,
	"assigned_at" date,
	"last_activity_at" date,
	"plan" text,
	"monthly_cost_usd" double precision,
	"as_of" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_usage" (
	"import_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"tool" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"employee_id" text,
	"github_login" text,
	"email" text,
	"team_manager_id" text,
	"org_key" text,
	"engineers" double precision,
	"ai_active_users" double precision,
	"active" boolean,
	"suggestions" double precision,
	"acceptances" double precision,
	"lines_suggested" double precision,
	"lines_accepted" double precision,
	"prs_merged" double precision,
	"ai_assisted_prs" double precision,
	"spend_usd" double precision
);
--> statement-breakpoint
ALTER TABLE "ai_seats" ADD CONSTRAINT "ai_seats_import_id_ai_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."ai_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_import_id_ai_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."ai_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_seats_tool_idx" ON "ai_seats" USING btree ("tool","as_of");--> statement-breakpoint
CREATE INDEX "ai_seats_import_idx" ON "ai_seats" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "ai_usage_period_idx" ON "ai_usage" USING btree ("period_end");--> statement-breakpoint
CREATE INDEX "ai_usage_subject_idx" ON "ai_usage" USING btree ("tool","subject_key","period_start","period_end");--> statement-breakpoint
CREATE INDEX "ai_usage_import_idx" ON "ai_usage" USING btree ("import_id");