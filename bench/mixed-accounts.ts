// Participants for the bench's mixed scenario (issue 12, item 7): `tsx bench/mixed-accounts.ts <count> <entries> <out.json>`.
// Uses the server's configuration (DATABASE_URL or DATA_DIR, MASTER_KEY). Creates accounts bench-<n>@example.org
// (address confirmed, one password, hashed once), each with the toolkit's consent and <entries> toolkit
// entries made through the app's own use cases (card answers with an earlier version, check-ins, stages), and
// writes their addresses, the password and the cards' question ids to <out.json>. Throwaway databases only.
import fs from "node:fs";
import { inArray } from "drizzle-orm";
import { startServices, stopServices } from "../app/lib/services.server";
import { users } from "../app/modules/accounts/accounts.schema";
import { hashPassword } from "../app/modules/accounts/password.server";
import { addEntry, giveConsent, saveEntry } from "../app/modules/toolkit/toolkit.server";
import { cards } from "../app/modules/toolkit/content/cards";
import { areaIds, stageIds } from "../app/modules/toolkit/stages";

const count = Number(process.argv[2] ?? 50);
const entries = Number(process.argv[3] ?? 30);
const out = process.argv[4] ?? "mixed-accounts.json";
const password = "bench-passord-2026";

const services = await startServices(process.env);
try {
  const store = { db: services.db, masters: services.masterKeys };
  const passwordHash = await hashPassword(password);
  const emails = Array.from({ length: count }, (_, i) => `bench-${i}@example.org`);
  await services.db
    .insert(users)
    .values(emails.map((email, i) => ({ name: `Deltaker ${i}`, email, passwordHash, emailVerifiedAt: new Date() })))
    .onConflictDoNothing({ target: users.email });
  const rows = await services.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const questions = cards.flatMap((card) => card.questions.map((q) => ({ card: card.id, question: q.id })));
  const text = (n: number) => `Svar ${n}. ${"Jeg skriver litt om hva som hjelper meg i hverdagen, og hva jeg ønsker meg framover. ".repeat(1 + (n % 5))}`;
  const started = Date.now();
  // A few accounts at a time: the writes are short transactions, and the pool has room for them.
  const one = async (userId: string) => {
    const actor = { userId, isAdmin: false, memberships: [] };
    await giveConsent(services.db, actor);
    for (let n = 0; n < entries; n++) {
      if (n % 3 !== 2 && n < questions.length) {
        const { card, question } = questions[n]!;
        let base: number | null = null;
        for (let v = 0; v < 2; v++) {
          const saved: Awaited<ReturnType<typeof saveEntry>> = await saveEntry(store, actor, { tool: "cards", ref: `${card}:${question}`, body: { text: text(n + v), chime: ["hope"] }, baseRevision: base, force: true });
          if (saved.ok) base = saved.entry.revision;
        }
      } else if (n % 2 === 0) {
        await addEntry(store, actor, "check_in", { instrument: "knutepunkt-sjekk", version: 1, answers: { connectedness: n % 11, hope: (n + 3) % 11, identity: (n + 5) % 11, meaning: (n + 7) % 11, empowerment: (n + 2) % 11 }, why: { hope: text(n).slice(0, 200) } });
      } else {
        await addEntry(store, actor, "stages", { area: areaIds[n % areaIds.length]!, stage: stageIds[n % stageIds.length]!, note: text(n).slice(0, 300) });
      }
    }
  };
  for (let i = 0; i < rows.length; i += 4) await Promise.all(rows.slice(i, i + 4).map((r) => one(r.id)));
  fs.writeFileSync(out, JSON.stringify({ emails: rows.map((r) => r.email), password, cards: cards.map((c) => ({ id: c.id, questions: c.questions.map((q) => q.id) })) }));
  console.log(`mixed: ${rows.length} participants with ${entries} toolkit entries each in ${Date.now() - started} ms`);
} finally {
  await stopServices();
}
