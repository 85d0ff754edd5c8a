ALTER TABLE "people_order" ADD COLUMN "fte" double precision;--> statement-breakpoint
ALTER TABLE "people_order" ADD COLUMN "annual_cost" double precision;