-- The offers search restructured (ADR 0023). pg_trgm first: the trigram index below needs it (PGlite loads it in openPglite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "services_search_idx";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "fylker" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "kommuner" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(alternate_name, '') || ' ' || description)) STORED;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig, name || ' ' || coalesce(alternate_name, '') || ' ' || description)) STORED;--> statement-breakpoint
CREATE INDEX "services_search_vector_idx" ON "services" USING gin ("search_vector") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "services_search_text_trgm_idx" ON "services" USING gin ("search_text" gin_trgm_ops) WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "services_fylker_idx" ON "services" USING gin ("fylker") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "services_kommuner_idx" ON "services" USING gin ("kommuner") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "services_kind_idx" ON "services" USING btree ("kind");--> statement-breakpoint
-- services.fylker / services.kommuner: the distinct fylke and kommune numbers of the service's places, kept by
-- the database itself so that no write path or import can forget them. Statement-level triggers with
-- transition tables: one refresh per statement, however many rows it touches.
CREATE FUNCTION services_refresh_places(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  -- Set-based (one join and one grouping for all the ids), so the plan stays linear whatever the row counts.
  WITH changed AS (SELECT DISTINCT unnest(ids) AS id),
  places AS (
    SELECT sal.service_id AS id,
      array_agg(DISTINCT l.fylkesnummer ORDER BY l.fylkesnummer) FILTER (WHERE l.fylkesnummer IS NOT NULL) AS fylker,
      array_agg(DISTINCT l.kommunenummer ORDER BY l.kommunenummer) FILTER (WHERE l.kommunenummer IS NOT NULL) AS kommuner
    FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id IN (SELECT id FROM changed)
    GROUP BY sal.service_id
  )
  UPDATE services s
  SET fylker = coalesce(p.fylker, '{}'::text[]), kommuner = coalesce(p.kommuner, '{}'::text[])
  FROM changed c LEFT JOIN places p ON p.id = c.id
  WHERE s.id = c.id AND (s.fylker, s.kommuner) IS DISTINCT FROM (coalesce(p.fylker, '{}'::text[]), coalesce(p.kommuner, '{}'::text[]))
$$;--> statement-breakpoint
CREATE FUNCTION sal_places_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM services_refresh_places(array(SELECT DISTINCT service_id FROM changed_rows));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION sal_places_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM services_refresh_places(array(
    SELECT o.service_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (n.service_id, n.location_id) IS DISTINCT FROM (o.service_id, o.location_id)
    UNION SELECT n.service_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (n.service_id, n.location_id) IS DISTINCT FROM (o.service_id, o.location_id)
  ));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION locations_places_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM services_refresh_places(array(
    SELECT DISTINCT sal.service_id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN service_at_locations sal ON sal.location_id = n.id
    WHERE (n.kommunenummer, n.fylkesnummer) IS DISTINCT FROM (o.kommunenummer, o.fylkesnummer)
  ));
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A new service has no places yet (service_at_locations refers to it), whatever the insert says.
CREATE FUNCTION services_places_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.fylker := '{}'::text[];
  NEW.kommuner := '{}'::text[];
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER sal_places_inserted AFTER INSERT ON service_at_locations REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sal_places_changed();--> statement-breakpoint
CREATE TRIGGER sal_places_deleted AFTER DELETE ON service_at_locations REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sal_places_changed();--> statement-breakpoint
CREATE TRIGGER sal_places_updated AFTER UPDATE ON service_at_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sal_places_updated();--> statement-breakpoint
CREATE TRIGGER locations_places_updated AFTER UPDATE ON locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION locations_places_updated();--> statement-breakpoint
CREATE TRIGGER services_places_on_insert BEFORE INSERT ON services FOR EACH ROW EXECUTE FUNCTION services_places_on_insert();--> statement-breakpoint
-- Backfill the services there are.
SELECT services_refresh_places(array(SELECT id FROM services));
