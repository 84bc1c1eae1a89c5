import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { freshDb } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import type { Actor } from "~/modules/centres/permissions";
import { bodyDigest, deleteEntry, entryHistory, giveConsent, myEntries, myEntry, saveEntry, saveIfChanged, type Store } from "./toolkit.server";
import { blankAsEmpty, cardAnswerKey } from "./toolkit";
import { currentValues, startOrResumeSort, updateSort } from "./values.server";

/**
 * Issue 11: a page-wide form sends every answer with every save. Only what the person changed is saved,
 * an unchanged answer gets no new version, an answer of spaces is no answer, and "Start" on the values
 * page picks up an unfinished sort instead of piling up new ones.
 */
let handle: DbHandle;
let store: Store;
let me: Actor;

type Answer = { text: string; chime: string[] };
const shown = (body: Answer | null) => bodyDigest(cardAnswerKey(body ?? { text: "", chime: [] }));

/** What the card page's form sends for one question, as the route builds it. */
function fromForm(ref: string, typed: string, form: { revision: number | null; shown: string }, chime: string[] = []) {
  return {
    tool: "cards" as const,
    ref,
    body: { text: blankAsEmpty(typed), chime },
    baseRevision: form.revision,
    started: form.shown,
    key: cardAnswerKey,
    empty: (b: Answer) => b.text === "",
  };
}

beforeAll(async () => {
  handle = await freshDb();
  store = { db: handle.db, masters: [randomBytes(32)] };
  await loadDemoData(handle.db);
  me = await actorFor(handle.db, "deltaker@example.org");
  await giveConsent(handle.db, me);
});
afterAll(async () => {
  await handle.close();
});

describe("saving a page of answers", () => {
  it("saves the two answers typed and nothing for the untouched one; saving again adds no version", async () => {
    const page = { revision: null, shown: shown(null) };
    const results = [
      await saveIfChanged(store, me, fromForm("tilhorighet:q1", "Koret på onsdager", page)),
      await saveIfChanged(store, me, fromForm("tilhorighet:q2", "Søsteren min", page)),
      await saveIfChanged(store, me, fromForm("tilhorighet:q3", "", page)),
    ];
    expect(results.map((r) => r.status)).toEqual(["saved", "saved", "unchanged"]);
    const q1 = (await myEntry<Answer>(store, me, "cards", "tilhorighet:q1"))!;
    expect(q1.body.text).toBe("Koret på onsdager");
    expect((await myEntry<Answer>(store, me, "cards", "tilhorighet:q2"))!.body.text).toBe("Søsteren min");
    expect(await myEntry(store, me, "cards", "tilhorighet:q3")).toBeUndefined();

    // The page again as loaded: q1 untouched, q2 changed. q1 keeps its revision and has no history.
    const again = await saveIfChanged(store, me, fromForm("tilhorighet:q1", "Koret på onsdager", { revision: q1.revision, shown: shown(q1.body) }));
    expect(again.status).toBe("unchanged");
    // Typed back to exactly what is kept (or the tags in another order): no new version either.
    const same = await saveIfChanged(store, me, { ...fromForm("tilhorighet:q1", "Koret på onsdager", { revision: q1.revision, shown: "something else" }) });
    expect(same.status).toBe("unchanged");
    const after = (await myEntry<Answer>(store, me, "cards", "tilhorighet:q1"))!;
    expect(after.revision).toBe(q1.revision);
    expect(await entryHistory(store, me, q1.id)).toHaveLength(0);
  });

  it("an answer of only spaces is not saved as an answer", async () => {
    const page = { revision: null, shown: shown(null) };
    const result = await saveIfChanged(store, me, fromForm("ansvar:q1", "   \n\t  ", page, ["hope"]));
    expect(result.status).toBe("unchanged");
    expect(await myEntry(store, me, "cards", "ansvar:q1")).toBeUndefined();
    expect(cardAnswerKey({ text: "  ", chime: [] })).toBe(cardAnswerKey({ text: "", chime: [] }));
    expect(cardAnswerKey({ text: "a", chime: ["hope", "meaning"] })).toBe(cardAnswerKey({ text: "a", chime: ["meaning", "hope"] }));
  });

  it("an answer saved in another tab meanwhile: left alone when this page did not touch it, a conflict when it did", async () => {
    const first = await saveEntry(store, me, { tool: "cards", ref: "identitet:q1", body: { text: "Fra før", chime: [] }, baseRevision: null });
    if (!first.ok) throw new Error("first save");
    const page = { revision: first.entry.revision, shown: shown(first.entry.body as Answer) };
    const other = await saveEntry(store, me, { tool: "cards", ref: "identitet:q1", body: { text: "Fra den andre fanen", chime: [] }, baseRevision: first.entry.revision });
    if (!other.ok) throw new Error("other save");

    // This page still shows "Fra før" in q1 and saves because of another answer: q1 stays as the other tab left it.
    expect((await saveIfChanged(store, me, fromForm("identitet:q1", "Fra før", page))).status).toBe("unchanged");
    expect((await myEntry<Answer>(store, me, "cards", "identitet:q1"))!.body.text).toBe("Fra den andre fanen");

    // The person did change q1 here: told, nothing overwritten; keeping theirs keeps the other in the history.
    const changed = await saveIfChanged(store, me, fromForm("identitet:q1", "Min nye tekst", page));
    expect(changed.status).toBe("conflict");
    expect(changed.status === "conflict" && (changed.conflict?.body as Answer).text).toBe("Fra den andre fanen");
    const kept = await saveIfChanged(store, me, { ...fromForm("identitet:q1", "Min nye tekst", { revision: other.entry.revision, shown: page.shown }) });
    expect(kept.status).toBe("saved");
    const history = await entryHistory(store, me, first.entry.id);
    expect(history.map((h) => (h.body as Answer).text)).toEqual(["Fra den andre fanen", "Fra før"]);
  });

  it("an untouched answer deleted in another tab is not brought back by saving the page", async () => {
    const saved = await saveEntry(store, me, { tool: "cards", ref: "mening:q1", body: { text: "Slettes snart", chime: [] }, baseRevision: null });
    if (!saved.ok) throw new Error("save");
    const page = { revision: saved.entry.revision, shown: shown(saved.entry.body as Answer) };
    expect(await deleteEntry(store, me, saved.entry.id)).toBe(true);
    expect((await saveIfChanged(store, me, fromForm("mening:q1", "Slettes snart", page))).status).toBe("unchanged");
    expect(await myEntry(store, me, "cards", "mening:q1")).toBeUndefined();
    // What the person typed after it was deleted elsewhere is theirs: saved as new.
    expect((await saveIfChanged(store, me, fromForm("mening:q1", "Skrevet etterpå", page))).status).toBe("saved");
  });
});

describe("starting a values sort", () => {
  it("picks up the unfinished sort instead of adding another, and the finished values stay in force meanwhile", async () => {
    // A sort finished earlier: these are the person's values.
    const earlier = await startOrResumeSort(store, me);
    await updateSort(store, me, earlier.entry.ref, (s) => ({ ...s, piles: { family: "very" }, top: ["family"], finishedAt: new Date().toISOString() }));
    const before = (await myEntries(store, me, ["values"])).length;
    const finished = await currentValues(store, me);
    expect(finished?.body.top).toEqual(["family"]);
    const started = await startOrResumeSort(store, me);
    expect(started.resumed).toBe(false);
    const again = await startOrResumeSort(store, me);
    const third = await startOrResumeSort(store, me);
    expect(again).toMatchObject({ resumed: true, entry: { id: started.entry.id } });
    expect(third.entry.id).toBe(started.entry.id);
    expect(await myEntries(store, me, ["values"])).toHaveLength(before + 1);
    // While it is under way, the values in force are still the finished ones.
    expect((await currentValues(store, me))?.id).toBe(finished?.id);
    // Finished, it is in force, and the next "Start" makes a new one.
    await updateSort(store, me, started.entry.ref, (s) => ({ ...s, piles: { friendship: "very" }, top: ["friendship"], finishedAt: new Date().toISOString() }));
    expect((await currentValues(store, me))?.id).toBe(started.entry.id);
    const next = await startOrResumeSort(store, me);
    expect(next.resumed).toBe(false);
    expect(next.entry.id).not.toBe(started.entry.id);
  });
});
