// Fill the demo participant's toolkit with N entries for benchmarks: `tsx scripts/generate-toolkit.ts 500`.
// Uses the server's configuration (DATABASE_URL or DATA_DIR, MASTER_KEY or the one in DATA_DIR); migrates and
// loads demo data first if empty. Never run this against a real installation: it writes into
// deltaker@example.org's toolkit.
import { eq } from "drizzle-orm";
import { startServices, stopServices } from "../app/lib/services.server";
import { users } from "../app/modules/accounts/accounts.schema";
import { memberships } from "../app/modules/centres/centres.schema";
import type { CentreRole } from "../app/modules/centres/permissions";
import { addEntry, giveConsent, saveEntry } from "../app/modules/toolkit/toolkit.server";
import { cards } from "../app/modules/toolkit/content/cards";
import { personalValues } from "../app/modules/toolkit/content/values";
import { stageIds, areaIds } from "../app/modules/toolkit/stages";

const count = Number(process.argv[2] ?? 500);
const services = await startServices(process.env);
try {
  const store = { db: services.db, masters: services.masterKeys };
  const [u] = await services.db.select({ id: users.id }).from(users).where(eq(users.email, "deltaker@example.org"));
  if (!u) throw new Error("No demo participant: run with DEMO=1 on an empty database");
  const held = await services.db.select({ centreId: memberships.centreId, role: memberships.role }).from(memberships).where(eq(memberships.userId, u.id));
  const actor = { userId: u.id, isAdmin: false, memberships: held.map((m) => ({ centreId: m.centreId, role: m.role as CentreRole })) };
  await giveConsent(services.db, actor);
  const text = (n: number) => `Generert svar ${n}. ${"Jeg skriver litt om hva som hjelper meg i hverdagen, og hva jeg ønsker meg framover. ".repeat(1 + (n % 8))}`;
  const started = Date.now();
  let made = 0;
  // Every question of every card, answered three times (two earlier versions in the history).
  for (const card of cards) {
    for (const q of card.questions) {
      if (made >= count) break;
      let base: number | null = null;
      for (let v = 0; v < 3; v++) {
        const saved: Awaited<ReturnType<typeof saveEntry>> = await saveEntry(store, actor, { tool: "cards", ref: `${card.id}:${q.id}`, body: { text: text(made + v), chime: ["hope"] }, baseRevision: base, force: true });
        if (saved.ok) base = saved.entry.revision;
      }
      made++;
    }
  }
  const ids = personalValues.map((v) => v.id);
  for (let i = 0; made < count; i++, made++) {
    // One reflection per value; after that, more check-ins.
    const kind = i % 4 === 2 && Math.floor(i / 4) >= ids.length ? 0 : i % 4;
    switch (kind) {
      case 0:
        await addEntry(store, actor, "check_in", { instrument: "knutepunkt-sjekk", version: 1, answers: { connectedness: i % 11, hope: (i + 3) % 11, identity: (i + 5) % 11, meaning: (i + 7) % 11, empowerment: (i + 2) % 11 }, why: { hope: text(i).slice(0, 200) } });
        break;
      case 1:
        await addEntry(store, actor, "stages", { area: areaIds[i % areaIds.length]!, stage: stageIds[i % stageIds.length]!, note: text(i).slice(0, 300) });
        break;
      case 2:
        await saveEntry(store, actor, { tool: "value_reflection", ref: ids[Math.floor(i / 4)]!, body: { meaning: text(i), livingBy: i % 11, obstacles: "Tid.", step: "Ett lite steg." }, baseRevision: null, force: true });
        break;
      default:
        await addEntry(store, actor, "values", { piles: Object.fromEntries(ids.slice(0, 30).map((id, j) => [id, j % 3 === 0 ? "very" : j % 3 === 1 ? "important" : "not"])), own: [], top: ids.slice(0, 30).filter((_, j) => j % 3 === 0).slice(0, 8), finishedAt: new Date().toISOString() });
    }
  }
  console.log(`toolkit: ${made} entries for deltaker@example.org in ${Date.now() - started} ms`);
} finally {
  await stopServices();
}
