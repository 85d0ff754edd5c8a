ALTER TABLE "people_order" ADD COLUMN "manager_id" text;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "track" smallint;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "person" boolean;--> statement-breakpoint
CREATE INDEX "people_order_snapshot_employee_idx" ON "people_order" USING btree ("snapshot_id","employee_id");