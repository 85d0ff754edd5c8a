CREATE TABLE "pull_requests" (
	"org_id" integer NOT NULL,
	"import_id" integer NOT NULL,
	"repo" text NOT NULL,
	"number" integer NOT NULL,
	"author_login" text,
	"created_at" timestamp with time zone NOT NULL,
	"merged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"additions" integer,
	"deletions" integer,
	"labels" jsonb,
	"co_authors" jsonb,
	"ai_source" text,
	CONSTRAINT "pull_requests_org_id_repo_number_pk" PRIMARY KEY("org_id","repo","number")
);
--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "active_days" double precision;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "agent_uses" double precision;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "lines_total" double precision;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "ai_credits" double precision;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "commits_by_ai" double precision;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD COLUMN "extra" jsonb;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_import_id_ai_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."ai_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pull_requests_merged_idx" ON "pull_requests" USING btree ("org_id","merged_at");--> statement-breakpoint
CREATE INDEX "pull_requests_author_idx" ON "pull_requests" USING btree ("org_id","author_login");--> statement-breakpoint
CREATE INDEX "pull_requests_import_idx" ON "pull_requests" USING btree ("import_id");