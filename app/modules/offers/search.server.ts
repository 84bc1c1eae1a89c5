import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { findKommune } from "~/modules/centres/kommuner";
import { locations, organizations, serviceAtLocations, services } from "./offers.schema";
import { pageSize, searchWords } from "./offers";
import type { SearchInput } from "./offers.forms";

/*
 * The search page's query (ADR 0023, "A third step"), prepared once per shape of search instead of built by
 * Drizzle on every request: building this query — the conditions, the subquery's aliases, the SQL text and its
 * parameters — cost about 0.35 ms of Node CPU per search, half of `searchOffers`' own time. The shape is what
 * changes the SQL text: how many words, and which filters are set; the values go in as placeholders.
 *
 * The statement is *unnamed* (`.prepare("")`): PostgreSQL parses and plans it with each search's values, as it
 * did before. A named statement would switch to a generic plan after five runs on a connection, and that plan
 * — measured on 10,000 generated offers — no longer folds the word's stem into a trigram pattern or sees how
 * rare a kind is: it always starts from the trigram index, 0.04 → 0.4 ms for a rare kind and 0.1–0.5 → 10–13 ms
 * for a two-letter word, which the index cannot narrow. PGlite has no named statements; the same query runs there.
 */

/**
 * One search word's condition (ADR 0012's meaning on the stored columns, ADR 0023): the word is a substring of
 * the document, or the document's Norwegian tsvector has a lexeme starting with the word's stem and the
 * document holds that stem; the stem, when it is part of the word, is the one condition the trigram index
 * serves. `word`, `substring` (`%word%`) and `prefix` (`word:*`) are values or placeholders. The same SQL as
 * `offerConditions` in offers.server.ts writes for a word (the HSDS API, the map and the export use that one).
 */
export function wordMatch(word: unknown, substring: unknown, prefix: unknown): SQL {
  const stem = sql`coalesce((tsvector_to_array(to_tsvector('norwegian', ${word}::text)))[1], ${word}::text)`;
  const indexed = sql`case when strpos(lower(${word}::text), lower(${stem})) > 0 then ${stem} else '' end`;
  return sql`${services.searchText} like lower('%' || ${indexed} || '%') and (${services.searchText} like lower(${substring}) or (${services.searchText} like lower('%' || ${stem} || '%') and ${services.searchVector} @@ to_tsquery('norwegian', ${prefix})))`;
}

type Shape = { words: number; fylke: boolean; kommune: boolean; kind: boolean; targetGroup: boolean; noReferral: boolean; free: boolean };

const placeholder = (name: string) => sql.placeholder(name);

/** The search page's conditions for one shape, as `offerConditions` builds them for the same filters. */
function shapeConditions(shape: Shape): SQL[] {
  const conditions: SQL[] = [
    isNull(services.archivedAt),
    sql`not exists (select 1 from ${organizations} archived where archived.id = ${services.organizationId} and archived.archived_at is not null)`,
  ];
  for (let i = 0; i < shape.words; i++) conditions.push(wordMatch(placeholder(`word${i}`), placeholder(`substring${i}`), placeholder(`prefix${i}`)));
  if (shape.fylke) conditions.push(sql`${services.fylker} @> array[${placeholder("fylke")}::text]`);
  if (shape.kommune) conditions.push(sql`${services.kommuner} @> array[${placeholder("kommune")}::text]`);
  if (shape.kind) conditions.push(eq(services.kind, placeholder("kind")));
  if (shape.targetGroup) conditions.push(sql`${placeholder("targetGroup")} = any(${services.targetGroups})`);
  if (shape.noReferral) conditions.push(eq(services.noReferral, true));
  if (shape.free) conditions.push(eq(services.free, true));
  return conditions;
}

function prepareShape(db: Db, shape: Shape) {
  // One statement: the page's ids with the total (a window count over the whole match, carrying only the
  // sort keys), then the page's own columns, organisation and places for those 20 rows alone.
  const matches = db
    .select({ id: services.id, name: services.name, alternateName: services.alternateName, total: sql<string>`count(*) over ()`.as("total") })
    .from(services)
    .where(and(...shapeConditions(shape)))
    .orderBy(asc(services.name), asc(services.alternateName), asc(services.id))
    .limit(placeholder("limit"))
    .offset(placeholder("offset"))
    .as("matches");
  const page = db
    .select({
      id: services.id,
      name: services.name,
      alternateName: services.alternateName,
      organization: organizations.name,
      kind: services.kind,
      assuredDate: services.assuredDate,
      noReferral: services.noReferral,
      total: matches.total,
      places: sql<[string | null, string | null][]>`(select coalesce(json_agg(json_build_array(l.name, l.kommunenummer) order by l.name), '[]'::json) from ${serviceAtLocations} sal join ${locations} l on l.id = sal.location_id where sal.service_id = ${services.id})`,
    })
    .from(matches)
    .innerJoin(services, eq(services.id, matches.id))
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .orderBy(asc(matches.name), asc(matches.alternateName), asc(matches.id))
    .prepare(""); // unnamed: planned with each search's values (above)
  // A page past the end has no row to carry the total: counted separately (rare).
  const count = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(...shapeConditions(shape)))
    .prepare("");
  return { page, count };
}

/** Per database handle, per shape (at most 9 word counts × 64 filter sets; in practice a handful). */
const prepared = new WeakMap<Db, Map<string, ReturnType<typeof prepareShape>>>();

function queriesFor(db: Db, shape: Shape) {
  let byShape = prepared.get(db);
  if (!byShape) prepared.set(db, (byShape = new Map()));
  const key = `${shape.words}:${Number(shape.fylke)}${Number(shape.kommune)}${Number(shape.kind)}${Number(shape.targetGroup)}${Number(shape.noReferral)}${Number(shape.free)}`;
  let queries = byShape.get(key);
  if (!queries) byShape.set(key, (queries = prepareShape(db, shape)));
  return queries;
}

/** Public search: free text with Norwegian stemming and compound words, filters combined as AND, paged. */
export async function searchOffers(db: Db, input: SearchInput) {
  const words = searchWords(input.q);
  const shape: Shape = {
    words: words.length,
    fylke: Boolean(input.fylke),
    kommune: Boolean(input.kommune),
    kind: Boolean(input.type),
    targetGroup: Boolean(input.malgruppe),
    noReferral: Boolean(input.ingen_henvisning),
    free: Boolean(input.gratis),
  };
  const queries = queriesFor(db, shape);
  const page = input.side ?? 1;
  const values: Record<string, unknown> = { fylke: input.fylke, kommune: input.kommune, kind: input.type, targetGroup: input.malgruppe };
  words.forEach((word, i) => {
    values[`word${i}`] = word;
    values[`substring${i}`] = `%${word}%`;
    values[`prefix${i}`] = `${word}:*`;
  });
  const rows = await queries.page.execute({ ...values, limit: pageSize, offset: (page - 1) * pageSize });
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) total = (await queries.count.execute(values))[0]?.n ?? 0;
  return {
    page,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    offers: rows.map(({ total: _total, places, ...r }) => ({ ...r, places: places.map(([name, kommunenummer]) => place(name, kommunenummer)) })),
  };
}

/** A place as pages show it: its name, and its kommune and fylke from the SSB reference data. */
function place(name: string | null, kommunenummer: string | null) {
  const kommune = kommunenummer ? findKommune(kommunenummer) : undefined;
  return {
    name,
    kommune: kommune?.navn ?? "",
    fylke: kommune?.fylke ?? "",
    kommunenummer: kommune?.kommunenummer ?? "",
    fylkesnummer: kommune?.fylkesnummer ?? "",
  };
}
