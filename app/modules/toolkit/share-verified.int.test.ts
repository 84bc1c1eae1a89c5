import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, memoryMailer } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { confirmEmail, sendSignUpMail, signUp } from "~/modules/accounts/accounts.server";
import { createShare, giveConsent, sharingPeers } from "./toolkit.server";

/**
 * Issue 9, finding 5: an account whose address is not confirmed is never offered, nor accepted, as a peer
 * worker to share with — someone who signed up with another person's address must not receive shares.
 */
let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
});
afterAll(async () => {
  await handle?.close();
});

describe(`sharing only with confirmed addresses, on ${dbKind}`, () => {
  it("leaves an unconfirmed peer worker out of the list and refuses a share with them until they confirm", async () => {
    const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
    const signed = await signUp(db, { name: "Ubekreftet Erfaring", email: "ubekreftet@example.org", password: "et-langt-passord-2026" });
    if (!signed.created) throw new Error("sign-up failed");
    await db.insert(memberships).values({ centreId: kbt, userId: signed.userId, role: "peer_worker" });
    const participant = await actorFor(db, "deltaker@example.org");
    await giveConsent(db, participant);

    const names = async () => (await sharingPeers(db, participant)).map((p) => p.name);
    expect(await names()).toContain("Erfaring Demo");
    expect(await names()).not.toContain("Ubekreftet Erfaring");
    const share = { item: "dream" as const, peerId: signed.userId, centreId: kbt, mode: "read" as const, until: null };
    expect(await createShare(db, participant, share)).toEqual({ ok: false, reason: "peer" });

    const mailer = memoryMailer();
    await sendSignUpMail(db, mailer, signed, { publicUrl: "http://x", lang: "nb", siteName: "K" });
    const token = /\/bekreft-e-post\/([A-Za-z0-9_-]+)/.exec(mailer.sent[0]!.text)![1]!;
    expect((await confirmEmail(db, token)).ok).toBe(true);
    expect(await names()).toContain("Ubekreftet Erfaring");
    expect((await createShare(db, participant, share)).ok).toBe(true);
  });
});
