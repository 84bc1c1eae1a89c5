CREATE TABLE "instrument_packs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"pack_id" text NOT NULL,
	"version" integer NOT NULL,
	"pack" jsonb NOT NULL,
	"installed_by" uuid,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "toolkit_consents" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"ref" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_entry_versions" (
	"entry_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"body" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toolkit_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"peer_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"item" text NOT NULL,
	"mode" text NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "instrument_packs" ADD CONSTRAINT "instrument_packs_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_packs" ADD CONSTRAINT "instrument_packs_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_consents" ADD CONSTRAINT "toolkit_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_entries" ADD CONSTRAINT "toolkit_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_entries" ADD CONSTRAINT "toolkit_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_entry_versions" ADD CONSTRAINT "toolkit_entry_versions_entry_id_toolkit_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."toolkit_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_keys" ADD CONSTRAINT "toolkit_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_shares" ADD CONSTRAINT "toolkit_shares_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_shares" ADD CONSTRAINT "toolkit_shares_peer_id_users_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_shares" ADD CONSTRAINT "toolkit_shares_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_packs_uq" ON "instrument_packs" USING btree ("centre_id","pack_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_entries_ref_uq" ON "toolkit_entries" USING btree ("owner_id","tool","ref");--> statement-breakpoint
CREATE INDEX "toolkit_entries_owner_idx" ON "toolkit_entries" USING btree ("owner_id","tool","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "toolkit_entry_versions_pk" ON "toolkit_entry_versions" USING btree ("entry_id","revision");--> statement-breakpoint
CREATE INDEX "toolkit_shares_owner_idx" ON "toolkit_shares" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "toolkit_shares_peer_idx" ON "toolkit_shares" USING btree ("peer_id");