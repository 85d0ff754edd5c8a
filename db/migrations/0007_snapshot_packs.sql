CREATE TABLE "snapshot_packs" (
	"snapshot_id" integer PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "snapshot_packs" ADD CONSTRAINT "snapshot_packs_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_packs" ALTER COLUMN "data" SET STORAGE EXTERNAL;
