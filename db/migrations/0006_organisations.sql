-- Organisations (issue #12): a database holds several; every snapshot, AI import, setting,
-- identity mapping, report and audit row belongs to one.
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_organisations" (
	"user_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "user_organisations_user_id_org_id_pk" PRIMARY KEY("user_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "user_organisations" ADD CONSTRAINT "user_organisations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_organisations" ADD CONSTRAINT "user_organisations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_name_lower_idx" ON "organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "user_organisations_org_idx" ON "user_organisations" USING btree ("org_id");--> statement-breakpoint
-- Backfill: existing data becomes one organisation: "Demo company" (is_demo) when the demo's
-- sign-ins exist (npm run demo made this database), else "Organisation 1". An empty database gets
-- none (the first upload creates one). Every existing user may see it.
INSERT INTO "organisations" ("name", "is_demo")
SELECT CASE WHEN "demo" THEN 'Demo company' ELSE 'Organisation 1' END, "demo"
FROM (SELECT EXISTS (SELECT 1 FROM "users" WHERE lower("email") LIKE '%@demo.strata.local') AS "demo") "d"
WHERE EXISTS (SELECT 1 FROM "snapshots") OR EXISTS (SELECT 1 FROM "ai_imports")
	OR EXISTS (SELECT 1 FROM "settings") OR EXISTS (SELECT 1 FROM "ai_identity_map")
	OR EXISTS (SELECT 1 FROM "report_jobs");--> statement-breakpoint
INSERT INTO "user_organisations" ("user_id", "org_id")
SELECT "u"."id", "o"."id" FROM "users" "u" CROSS JOIN "organisations" "o";--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "ai_imports" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "ai_identity_map" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "org_id" integer;--> statement-breakpoint
UPDATE "snapshots" SET "org_id" = (SELECT min("id") FROM "organisations");--> statement-breakpoint
UPDATE "ai_imports" SET "org_id" = (SELECT min("id") FROM "organisations");--> statement-breakpoint
UPDATE "ai_identity_map" SET "org_id" = (SELECT min("id") FROM "organisations");--> statement-breakpoint
UPDATE "settings" SET "org_id" = (SELECT min("id") FROM "organisations");--> statement-breakpoint
UPDATE "report_jobs" SET "org_id" = (SELECT min("id") FROM "organisations");--> statement-breakpoint
UPDATE "audit_log" SET "org_id" = (SELECT min("id") FROM "organisations")
WHERE "action" NOT LIKE 'auth.%' AND "action" NOT LIKE 'user.%';--> statement-breakpoint
ALTER TABLE "snapshots" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_imports" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_identity_map" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_jobs" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" DROP CONSTRAINT "settings_pkey";--> statement-breakpoint
ALTER TABLE "ai_identity_map" DROP CONSTRAINT "ai_identity_map_pkey";--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_org_id_key_pk" PRIMARY KEY("org_id","key");--> statement-breakpoint
ALTER TABLE "ai_identity_map" ADD CONSTRAINT "ai_identity_map_org_id_identity_pk" PRIMARY KEY("org_id","identity");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_identity_map" ADD CONSTRAINT "ai_identity_map_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_imports" ADD CONSTRAINT "ai_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD CONSTRAINT "report_jobs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP INDEX "snapshots_as_of_idx";--> statement-breakpoint
DROP INDEX "snapshots_one_current_idx";--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "snapshots_as_of_idx" ON "snapshots" USING btree ("org_id","as_of","is_current");--> statement-breakpoint
-- One current version per organisation and date (migration 0004's index, now per organisation).
CREATE UNIQUE INDEX "snapshots_one_current_idx" ON "snapshots" USING btree ("org_id","as_of") WHERE "snapshots"."is_current";
