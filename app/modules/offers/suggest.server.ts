import { and, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { organizations, services } from "./offers.schema";
import { suggestQuery, textWords } from "./offers";
import type { SearchInput } from "./offers.forms";
import { searchOffers } from "./offers.server";

/**
 * "Mente du …?" for a search that found nothing: the offers' own words (names, other names, descriptions of the
 * offers the search can find) as a vocabulary, and the nearest of them to each word that is in no offer.
 *
 * pg_trgm would do the matching in the database, but it is an extension: PGlite loads it only when asked and a
 * PostgreSQL server may not have it installed. The vocabulary is small (one entry per distinct word), so it is
 * kept in memory per database and rebuilt when the offers change: a cheap fingerprint (how many offers, the
 * newest change, the total length of their text) is read first, so another instance's edits are seen too.
 */
type Vocabulary = { fingerprint: string; words: Map<string, number> };
const vocabularies = new WeakMap<Db, Vocabulary>();

const visible = and(
  isNull(services.archivedAt),
  sql`not exists (select 1 from ${organizations} archived where archived.id = ${services.organizationId} and archived.archived_at is not null)`,
);

export async function offerVocabulary(db: Db): Promise<Map<string, number>> {
  const [row] = await db
    .select({
      n: sql<string>`count(*)`,
      newest: sql<string>`coalesce(max(${services.updatedAt})::text, '')`,
      length: sql<string>`coalesce(sum(length(${services.name}) + length(coalesce(${services.alternateName}, '')) + length(${services.description})), 0)`,
      organizations: sql<string>`(select count(*) filter (where archived_at is not null) || ':' || coalesce(max(updated_at)::text, '') from ${organizations})`,
    })
    .from(services)
    .where(visible);
  const fingerprint = `${row?.n}:${row?.newest}:${row?.length}:${row?.organizations}`;
  const cached = vocabularies.get(db);
  if (cached?.fingerprint === fingerprint) return cached.words;
  const texts = await db.select({ name: services.name, alternateName: services.alternateName, description: services.description }).from(services).where(visible);
  const words = new Map<string, number>();
  for (const t of texts) {
    // A word counts once per offer: "used by more offers" decides between equally near words.
    for (const word of new Set(textWords(`${t.name} ${t.alternateName ?? ""} ${t.description}`))) words.set(word, (words.get(word) ?? 0) + 1);
  }
  vocabularies.set(db, { fingerprint, words });
  return words;
}

/** A better query for a search that found nothing, only if that query finds something with the same filters. */
export async function suggestSearch(db: Db, input: SearchInput): Promise<string | undefined> {
  if (!input.q) return undefined;
  const suggestion = suggestQuery(input.q, await offerVocabulary(db));
  if (!suggestion) return undefined;
  const check = await searchOffers(db, { ...input, q: suggestion, side: undefined });
  return check.total > 0 ? suggestion : undefined;
}
