CREATE TABLE "people_order" (
	"snapshot_id" integer NOT NULL,
	"pre" integer NOT NULL,
	"size" integer NOT NULL,
	"ord" integer NOT NULL,
	"employee_id" text NOT NULL,
	"name" text,
	"title" text,
	"department" text,
	"level" text,
	"rank" double precision,
	"layer" smallint NOT NULL,
	"kind" smallint NOT NULL,
	"span" double precision NOT NULL,
	"risk_reasons" smallint,
	"risk_score" double precision,
	"risk_pressure" double precision,
	"risk_months" double precision,
	CONSTRAINT "people_order_snapshot_id_pre_pk" PRIMARY KEY("snapshot_id","pre")
);
--> statement-breakpoint
ALTER TABLE "people_order" ADD CONSTRAINT "people_order_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;