CREATE TABLE "evaluation_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"shipped_id" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_codings" (
	"statement_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"polarity" text,
	CONSTRAINT "evaluation_codings_statement_id_code_id_pk" PRIMARY KEY("statement_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_guide_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"theme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_guide_themes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"template_id" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_guide_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"created_by" uuid,
	"in_use_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"text" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"screening_confirmed" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_notes_length_check" CHECK (char_length("evaluation_notes"."text") <= 20000)
);
--> statement-breakpoint
CREATE TABLE "evaluation_phase_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"from_phase" text NOT NULL,
	"to_phase" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"title" text NOT NULL,
	"service_name" text NOT NULL,
	"service_kind" text NOT NULL,
	"kommunenummer" text,
	"organization_id" uuid,
	"service_id" uuid,
	"purpose" text DEFAULT '' NOT NULL,
	"questions" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date,
	"agreement_date" date,
	"agreement_text" text DEFAULT '' NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"listed_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"phase" text DEFAULT 'agreement' NOT NULL,
	"dialogue_conference_date" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_projects_k_check" CHECK ("evaluation_projects"."k" >= 3 and "evaluation_projects"."k" <= 40),
	CONSTRAINT "evaluation_projects_phase_check" CHECK ("evaluation_projects"."phase" in ('agreement','theme_guide','recruitment','interviews','analysis','process_report','dialogue_conference','final_report','follow_up','closed')),
	CONSTRAINT "evaluation_projects_kind_check" CHECK ("evaluation_projects"."service_kind" in ('dps','municipality','ward','team','drop_in','other')),
	CONSTRAINT "evaluation_projects_period_check" CHECK ("evaluation_projects"."period_end" is null or "evaluation_projects"."period_end" >= "evaluation_projects"."period_start")
);
--> statement-breakpoint
CREATE TABLE "evaluation_quotes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"screening_confirmed" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_quotes_length_check" CHECK (char_length("evaluation_quotes"."text") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "evaluation_report_quotes" (
	"report_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_report_quotes_report_id_quote_id_pk" PRIMARY KEY("report_id","quote_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_report_sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_report_sections_length_check" CHECK (char_length("evaluation_report_sections"."body") <= 20000)
);
--> statement-breakpoint
CREATE TABLE "evaluation_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"public" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_reports_kind_check" CHECK ("evaluation_reports"."kind" in ('process','final'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_session_interviewers" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "evaluation_session_interviewers_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"guide_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_sessions_kind_check" CHECK ("evaluation_sessions"."kind" in ('group','individual')),
	CONSTRAINT "evaluation_sessions_participants_check" CHECK (("evaluation_sessions"."kind" = 'individual' and "evaluation_sessions"."participants" = 1) or ("evaluation_sessions"."kind" = 'group' and "evaluation_sessions"."participants" between 3 and 7)),
	CONSTRAINT "evaluation_sessions_round_check" CHECK ("evaluation_sessions"."round" >= 1)
);
--> statement-breakpoint
CREATE TABLE "evaluation_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"invited" integer,
	"came" integer,
	"recruitment_updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_sites_recruitment_check" CHECK (("evaluation_sites"."invited" is null or "evaluation_sites"."invited" >= 0) and ("evaluation_sites"."came" is null or ("evaluation_sites"."came" >= 0 and ("evaluation_sites"."invited" is null or "evaluation_sites"."came" <= "evaluation_sites"."invited"))))
);
--> statement-breakpoint
CREATE TABLE "evaluation_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"note_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"polarity" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_statements_polarity_check" CHECK ("evaluation_statements"."polarity" is null or "evaluation_statements"."polarity" in ('positive','negative','suggestion'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_team" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_team_project_id_user_id_role_pk" PRIMARY KEY("project_id","user_id","role"),
	CONSTRAINT "evaluation_team_role_check" CHECK ("evaluation_team"."role" in ('lead','interviewer','service_contact'))
);
--> statement-breakpoint
ALTER TABLE "evaluation_codes" ADD CONSTRAINT "evaluation_codes_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_codings" ADD CONSTRAINT "evaluation_codings_statement_id_evaluation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."evaluation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_codings" ADD CONSTRAINT "evaluation_codings_code_id_evaluation_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."evaluation_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_codings" ADD CONSTRAINT "evaluation_codings_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_codings" ADD CONSTRAINT "evaluation_codings_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_guide_questions" ADD CONSTRAINT "evaluation_guide_questions_theme_id_evaluation_guide_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."evaluation_guide_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_guide_themes" ADD CONSTRAINT "evaluation_guide_themes_version_id_evaluation_guide_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."evaluation_guide_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_guide_versions" ADD CONSTRAINT "evaluation_guide_versions_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_guide_versions" ADD CONSTRAINT "evaluation_guide_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_theme_id_evaluation_guide_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."evaluation_guide_themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_phase_changes" ADD CONSTRAINT "evaluation_phase_changes_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_phase_changes" ADD CONSTRAINT "evaluation_phase_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_projects" ADD CONSTRAINT "evaluation_projects_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_projects" ADD CONSTRAINT "evaluation_projects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_projects" ADD CONSTRAINT "evaluation_projects_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_projects" ADD CONSTRAINT "evaluation_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_quotes" ADD CONSTRAINT "evaluation_quotes_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_quotes" ADD CONSTRAINT "evaluation_quotes_theme_id_evaluation_guide_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."evaluation_guide_themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report_quotes" ADD CONSTRAINT "evaluation_report_quotes_report_id_evaluation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."evaluation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report_quotes" ADD CONSTRAINT "evaluation_report_quotes_quote_id_evaluation_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."evaluation_quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report_quotes" ADD CONSTRAINT "evaluation_report_quotes_code_id_evaluation_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."evaluation_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_report_sections" ADD CONSTRAINT "evaluation_report_sections_report_id_evaluation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."evaluation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reports" ADD CONSTRAINT "evaluation_reports_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reports" ADD CONSTRAINT "evaluation_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_session_interviewers" ADD CONSTRAINT "evaluation_session_interviewers_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_session_interviewers" ADD CONSTRAINT "evaluation_session_interviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_site_id_evaluation_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."evaluation_sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_guide_version_id_evaluation_guide_versions_id_fk" FOREIGN KEY ("guide_version_id") REFERENCES "public"."evaluation_guide_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sites" ADD CONSTRAINT "evaluation_sites_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sites" ADD CONSTRAINT "evaluation_sites_recruitment_updated_by_users_id_fk" FOREIGN KEY ("recruitment_updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_statements" ADD CONSTRAINT "evaluation_statements_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_statements" ADD CONSTRAINT "evaluation_statements_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_statements" ADD CONSTRAINT "evaluation_statements_note_id_evaluation_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."evaluation_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_team" ADD CONSTRAINT "evaluation_team_project_id_evaluation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."evaluation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_team" ADD CONSTRAINT "evaluation_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_codes_project_idx" ON "evaluation_codes" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_codings_figures_idx" ON "evaluation_codings" USING btree ("project_id","code_id","session_id");--> statement-breakpoint
CREATE INDEX "evaluation_guide_questions_theme_idx" ON "evaluation_guide_questions" USING btree ("theme_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_guide_themes_version_idx" ON "evaluation_guide_themes" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_guide_versions_number_uq" ON "evaluation_guide_versions" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_notes_theme_uq" ON "evaluation_notes" USING btree ("session_id","theme_id");--> statement-breakpoint
CREATE INDEX "evaluation_phase_changes_project_idx" ON "evaluation_phase_changes" USING btree ("project_id","changed_at");--> statement-breakpoint
CREATE INDEX "evaluation_projects_centre_idx" ON "evaluation_projects" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "evaluation_quotes_session_idx" ON "evaluation_quotes" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_report_sections_report_idx" ON "evaluation_report_sections" USING btree ("report_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_reports_kind_uq" ON "evaluation_reports" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "evaluation_session_interviewers_user_idx" ON "evaluation_session_interviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evaluation_sessions_project_idx" ON "evaluation_sessions" USING btree ("project_id","site_id");--> statement-breakpoint
CREATE INDEX "evaluation_sites_project_idx" ON "evaluation_sites" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_statements_project_idx" ON "evaluation_statements" USING btree ("project_id","session_id");--> statement-breakpoint
CREATE INDEX "evaluation_statements_session_idx" ON "evaluation_statements" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_team_user_idx" ON "evaluation_team" USING btree ("user_id");--> statement-breakpoint
-- A coding carries its statement's polarity (so the figures per code read the codings alone): set when the
-- coding is made, and copied again whenever the statement's polarity changes. The app never writes it.
CREATE FUNCTION evaluation_codings_take_polarity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.polarity := (SELECT s.polarity FROM evaluation_statements s WHERE s.id = NEW.statement_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_codings_polarity BEFORE INSERT OR UPDATE OF statement_id, polarity ON evaluation_codings
  FOR EACH ROW EXECUTE FUNCTION evaluation_codings_take_polarity();
--> statement-breakpoint
CREATE FUNCTION evaluation_statements_share_polarity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE evaluation_codings SET polarity = NEW.polarity WHERE statement_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_statements_polarity AFTER UPDATE OF polarity ON evaluation_statements
  FOR EACH ROW WHEN (OLD.polarity IS DISTINCT FROM NEW.polarity) EXECUTE FUNCTION evaluation_statements_share_polarity();
--> statement-breakpoint
-- The k rule for everyone outside a project's analysis team (ADR 0026): figures per code, withheld in the
-- query itself when the distinct sessions behind them hold fewer than greatest(3, k) participants. Outsiders'
-- use cases read figures only from these views and from the breakdown query in figures.server.ts.
CREATE VIEW "evaluation_code_figures_outside" AS
WITH per_session AS (
  SELECT c.project_id, c.code_id, c.session_id,
         count(*) AS statements,
         count(*) FILTER (WHERE c.polarity = 'positive') AS positive,
         count(*) FILTER (WHERE c.polarity = 'negative') AS negative,
         count(*) FILTER (WHERE c.polarity = 'suggestion') AS suggestion
  FROM evaluation_codings c
  GROUP BY c.project_id, c.code_id, c.session_id
), per_code AS (
  SELECT ps.project_id, ps.code_id,
         sum(ps.statements)::int AS statements, sum(ps.positive)::int AS positive,
         sum(ps.negative)::int AS negative, sum(ps.suggestion)::int AS suggestion,
         count(*)::int AS sessions, sum(ses.participants)::int AS participants
  FROM per_session ps
  JOIN evaluation_sessions ses ON ses.id = ps.session_id
  GROUP BY ps.project_id, ps.code_id
)
SELECT pc.project_id, pc.code_id,
       pc.participants >= greatest(3, p.k) AS shown,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.statements END AS statements,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.positive END AS positive,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.negative END AS negative,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.suggestion END AS suggestion,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.sessions END AS sessions,
       CASE WHEN pc.participants >= greatest(3, p.k) THEN pc.participants END AS participants
FROM per_code pc
JOIN evaluation_projects p ON p.id = pc.project_id;
--> statement-breakpoint
-- The project's totals for outsiders: sessions and participants, shown only when they reach k.
CREATE VIEW "evaluation_project_figures_outside" AS
SELECT p.id AS project_id,
       coalesce(sum(ses.participants), 0) >= greatest(3, p.k) AS shown,
       CASE WHEN coalesce(sum(ses.participants), 0) >= greatest(3, p.k) THEN count(ses.id)::int END AS sessions,
       CASE WHEN coalesce(sum(ses.participants), 0) >= greatest(3, p.k) THEN sum(ses.participants)::int END AS participants
FROM evaluation_projects p
LEFT JOIN evaluation_sessions ses ON ses.project_id = p.id
GROUP BY p.id, p.k;
