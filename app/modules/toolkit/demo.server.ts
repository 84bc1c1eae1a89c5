import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { memberships } from "~/modules/centres/centres.schema";
import type { Actor, CentreRole } from "~/modules/centres/permissions";
import { toolkitEntries } from "./toolkit.schema";
import { addEntry, createShare, giveConsent, saveEntry, type Store } from "./toolkit.server";
import type { Dream, ValuesSort } from "./toolkit.forms";

async function actorOf(db: Db, email: string): Promise<Actor | null> {
  const [u] = await db.select({ id: users.id, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!u) return null;
  const held = await db.select({ centreId: memberships.centreId, role: memberships.role }).from(memberships).where(eq(memberships.userId, u.id));
  return {
    userId: u.id,
    isAdmin: u.isAdmin,
    memberships: held.map((m) => ({
      centreId: m.centreId,
      role: m.role as CentreRole,
    })),
  };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * Demo mode only: a toolkit for "Deltaker Demo" with something in every tool, so a newcomer sees the pages
 * filled in, and one item (the values) shared with "Erfaring Demo". All of it is encrypted like real data.
 */
export async function loadDemoToolkit(store: Store) {
  const owner = await actorOf(store.db, "deltaker@example.org");
  const peer = await actorOf(store.db, "erfaring@example.org");
  if (!owner || !peer) return;
  await giveConsent(store.db, owner);
  const backdate = async (id: string, days: number) =>
    store.db
      .update(toolkitEntries)
      .set({ createdAt: daysAgo(days), updatedAt: daysAgo(days) })
      .where(eq(toolkitEntries.id, id));

  const first = await saveEntry(store, owner, {
    tool: "cards",
    ref: "drommen:q1",
    body: {
      text: "Å ha en egen leilighet med plass til gitaren.",
      chime: ["hope"],
    },
    baseRevision: null,
  });
  if (first.ok)
    await saveEntry(store, owner, {
      tool: "cards",
      ref: "drommen:q1",
      body: {
        text: "Å ha en egen leilighet med plass til gitaren, og å spille i et band igjen.",
        chime: ["hope", "meaning"],
      },
      baseRevision: first.entry.revision,
    });
  await saveEntry(store, owner, {
    tool: "cards",
    ref: "leve-med:q1",
    body: {
      text: "Morgenturen med hunden, og kaffe med naboen på fredager.",
      chime: ["connectedness"],
    },
    baseRevision: null,
  });

  const sort: ValuesSort = {
    piles: {
      friendship: "very",
      family: "very",
      creativity: "very",
      honesty: "very",
      "inner-peace": "very",
      independence: "very",
      humor: "important",
      health: "important",
      fame: "not",
      wealth: "not",
      power: "not",
    },
    own: [],
    top: ["friendship", "creativity", "inner-peace", "family", "honesty"],
    finishedAt: daysAgo(20).toISOString(),
  };
  const values = await addEntry(store, owner, "values", sort);
  await backdate(values.id, 20);
  await saveEntry(store, owner, {
    tool: "value_reflection",
    ref: "creativity",
    body: {
      meaning: "Å lage musikk og ting med hendene.",
      livingBy: 4,
      obstacles: "Lite tid og energi om kvelden.",
      step: "Spille gitar ti minutter tre kvelder i uka.",
    },
    baseRevision: null,
  });

  const dream: Dream = {
    dream: "Å bo for meg selv, nær sjøen, og spille i et band.",
    helps: "Venner som tror på meg. Musikk.",
    hinders: "Usikker økonomi.",
    goals: [
      {
        id: "demo-goal-1",
        text: "Finne folk å spille med",
        steps: [
          {
            id: "demo-step-1",
            text: "Spørre på treffstedet om noen spiller",
            due: null,
            done: true,
          },
          {
            id: "demo-step-2",
            text: "Gå på åpen scene",
            due: daysAgo(-14).toISOString().slice(0, 10),
            done: false,
          },
        ],
      },
      { id: "demo-goal-2", text: "Få oversikt over økonomien", steps: [] },
    ],
  };
  await saveEntry(store, owner, {
    tool: "dream",
    ref: "dream",
    body: dream,
    baseRevision: null,
  });

  for (const [days, answers] of [
    [60, { connectedness: 4, hope: 3, identity: 5, meaning: 4, empowerment: 3 }],
    [30, { connectedness: 5, hope: 5, identity: 5, meaning: 4, empowerment: 5 }],
    [3, { connectedness: 6, hope: 6, identity: 6, meaning: 5, empowerment: 6 }],
  ] as const) {
    const entry = await addEntry(store, owner, "check_in", {
      instrument: "knutepunkt-sjekk",
      version: 1,
      answers,
      why: days === 3 ? { hope: "Jeg har begynt å spille igjen." } : {},
    });
    await backdate(entry.id, days);
  }
  for (const [days, area, stage] of [
    [50, "overall", "awareness"],
    [25, "overall", "preparation"],
    [10, "overall", "awareness"],
    [10, "housing", "rebuilding"],
  ] as const) {
    const entry = await addEntry(store, owner, "stages", {
      area,
      stage,
      note: "",
    });
    await backdate(entry.id, days);
  }

  const kbt = owner.memberships[0]?.centreId;
  if (kbt)
    await createShare(store.db, owner, {
      item: "values",
      peerId: peer.userId,
      centreId: kbt,
      mode: "read",
      until: null,
    });
}
