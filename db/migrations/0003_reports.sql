CREATE TABLE "report_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_by" integer,
	"created_by_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text DEFAULT '' NOT NULL,
	"params" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file" "bytea",
	"filename" text,
	"content_type" text,
	"bytes" integer,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "report_jobs_created_by_idx" ON "report_jobs" USING btree ("created_by","created_at");