ALTER TABLE "people_order" ADD COLUMN "manager_id" text;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "track" smallint;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "person" boolean;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "parent_pre" integer;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "child_count" integer;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "below" double precision;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "aggregated" boolean;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "node_fte" double precision;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "junior_fte_below" double precision;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "direct_ics" double precision;--> statement-breakpoint
CREATE INDEX "people_order_snapshot_employee_idx" ON "people_order" USING btree ("snapshot_id","employee_id");--> statement-breakpoint
CREATE INDEX "people_order_snapshot_parent_idx" ON "people_order" USING btree ("snapshot_id","parent_pre");