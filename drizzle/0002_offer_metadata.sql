CREATE TABLE "offer_metadata" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"last_action_date" timestamp with time zone DEFAULT now() NOT NULL,
	"last_action_type" text NOT NULL,
	"field_name" text NOT NULL,
	"previous_value" text DEFAULT '' NOT NULL,
	"replacement_value" text DEFAULT '' NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE INDEX "offer_metadata_resource_idx" ON "offer_metadata" USING btree ("resource_id","last_action_date");