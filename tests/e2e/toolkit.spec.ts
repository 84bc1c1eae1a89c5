import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demoPassword, expectNoAxeViolations, launch, logIn, newContext, screenshot } from "./browser";

/**
 * The participant's toolkit in the browser. The toolkit pages are server-rendered HTML without React on
 * the client, so every form is a full page load, with JavaScript on or off.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Click and wait for the page that the form or link leads to. */
async function go(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForNavigation(), click()]);
}
const press = (page: Page, name: string | RegExp, scope?: ReturnType<Page["locator"]>) =>
  go(page, () =>
    (scope ?? page)
      .getByRole("button", { name, exact: typeof name === "string" })
      .first()
      .click(),
  );
const follow = (page: Page, name: string) => go(page, () => page.getByRole("link", { name, exact: true }).first().click());

async function participant(js = true, width = 360): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { js, width });
  const page = await context.newPage();
  await logIn(page, "deltaker@example.org");
  return { context, page };
}

describe("a participant's toolkit, and sharing with a peer worker", () => {
  it("completes a card, sorts values, writes a dream with steps, shares it; the peer worker reads it; the read is in the log; revoked at once", async () => {
    const { context, page } = await participant(true, 360);
    const typed: string[] = [];
    // Every page of the journey, both people's, with its title: nothing typed may reach a URL or a title.
    const seen: { url: string; title: Promise<string> }[] = [];
    const watch = (p: Page) => {
      p.on("request", (r) => {
        if (r.isNavigationRequest() && r.frame() === p.mainFrame()) seen.push({ url: r.url(), title: Promise.resolve("") });
      });
      p.on("load", () => seen.push({ url: p.url(), title: p.title().catch(() => "") }));
    };
    watch(page);

    // From "Min side" into the toolkit: private by default.
    await page.goto("/min-side");
    await follow(page, "Åpne verktøykassen");
    expect(new URL(page.url()).pathname).toBe("/verktoy");
    expect(await page.locator("script[src], link[rel=modulepreload]").count(), "no app JavaScript on toolkit pages").toBe(0);
    await expectNoAxeViolations(page, "toolkit home");

    // A card: answer a question, tag it, then change the answer; the first version is kept.
    await follow(page, "Refleksjonskort");
    await follow(page, "Tilhørighet");
    const q1 = page.locator("section#q1");
    const first = "Jeg hører til i koret på onsdager.";
    typed.push(first);
    await q1.locator("textarea").fill(first);
    await q1.locator("summary").click();
    await q1.getByLabel("Tilhørighet").check();
    await press(page, "Lagre svarene", q1);
    expect(await page.locator("section#q1").getByRole("status").textContent()).toContain("Svaret er lagret");
    await page.locator("section#q1 textarea").fill(`${first} Og hos søsteren min.`);
    await press(page, "Lagre svarene", page.locator("section#q1"));
    expect(await page.locator("section#q1 textarea").inputValue()).toBe(`${first} Og hos søsteren min.`);
    expect(await page.locator("section#q1 details").last().textContent()).toContain("Én tidligere versjon");
    expect(await page.locator("section#q1 details").last().textContent()).toContain(first);
    await expectNoAxeViolations(page, "card with an answer and its history");

    // Values: a new sort, one page, choose five, move one up, finish.
    await page.goto("/verktoy/verdier");
    await press(page, "Start en ny sortering");
    expect(await page.getByTestId("sort-progress").textContent()).toContain("Side 1 av 9");
    for (const value of ["Aksept", "Nøyaktighet", "Å oppnå noe", "Eventyr", "Selvbestemmelse", "Omsorg"]) {
      await page.getByRole("group", { name: value }).getByLabel("Svært viktig for meg").check();
    }
    await page.getByRole("group", { name: "Skjønnhet" }).getByLabel("Ikke så viktig for meg").check();
    await press(page, "Lagre og velg de viktigste");
    await press(page, "Lagre og sett i rekkefølge");
    expect(await page.locator("#field-top").textContent(), "fewer than five chosen: told, nothing lost").toContain("Velg minst 5 verdier");
    for (const value of ["Aksept", "Eventyr", "Selvbestemmelse", "Omsorg", "Nøyaktighet"]) await page.getByLabel(value, { exact: true }).check();
    await press(page, "Lagre og sett i rekkefølge");
    await press(page, "Flytt Omsorg opp");
    await press(page, "Ferdig");
    const ranked = (await page.getByTestId("my-values").locator("li strong").allTextContents()).map((s) => s.trim());
    expect(ranked.slice(0, 5)).toEqual(["Aksept", "Nøyaktighet", "Eventyr", "Omsorg", "Selvbestemmelse"]);

    // The dream, a goal and a dated step, marked done.
    await page.goto("/verktoy/drommen");
    const dream = "Å bo ved sjøen og seile hver sommer.";
    typed.push(dream);
    await page.locator("#dream-dream").fill(dream);
    await press(page, "Lagre");
    expect(await page.getByRole("status").first().textContent()).toContain("Drømmen er lagret");
    typed.push("Lære å seile", "Melde meg på seilkurs", "Kjøpe seilerhansker", "Jeg har fått egen nøkkel.", "Sjekk seilforeningens nybegynnerkurs", "Og hos søsteren min.");
    await page.locator("#dream-goal").fill("Lære å seile");
    await press(page, "Legg til målet");
    const goal = page.locator("li.kp-goal", { hasText: "Lære å seile" });
    await goal.getByLabel("Nytt steg").fill("Melde meg på seilkurs");
    await goal.getByLabel("Dato").fill("2027-05-01");
    await press(page, "Legg til steget", goal);
    await press(page, "Marker som gjort: Melde meg på seilkurs");
    expect(await page.locator("li.kp-goal", { hasText: "Lære å seile" }).textContent()).toContain("Gjort");
    await expectNoAxeViolations(page, "dream with goals");
    // An impossible date is refused with the step kept; nothing breaks later.
    await goal.getByLabel("Nytt steg").fill("Kjøpe seilerhansker");
    await goal.getByLabel("Dato").evaluate((el) => ((el as HTMLInputElement).type = "text"));
    await goal.getByLabel("Dato").fill("2027-02-30");
    await press(page, "Legg til steget", goal);
    expect(await page.getByTestId("error-summary").textContent()).toContain("Skriv datoen som dag.måned.år, for eksempel 31.01.2027.");
    expect(await page.locator("li.kp-goal", { hasText: "Lære å seile" }).getByLabel("Nytt steg").inputValue()).toBe("Kjøpe seilerhansker");

    // Stages: life as a whole, then one area; the timeline says "changed from … to …".
    await page.goto("/verktoy/stadier");
    await page.getByLabel("Forberede").check();
    await press(page, "Lagre");
    await page.locator("#field-area").selectOption({ label: "Bolig" });
    await page.getByLabel("Vokse").check();
    await page.locator("#field-note").fill("Jeg har fått egen nøkkel.");
    await press(page, "Lagre");
    const timeline = await page.getByTestId("stage-timeline").textContent();
    expect(timeline).toContain("Bolig: endret fra Bygge opp igjen til Vokse");
    expect(timeline).toContain("Livet som helhet: endret fra Oppdage til Forberede");

    // Share the dream with the peer worker, who may suggest.
    await page.goto("/verktoy/deling");
    await page.locator("#field-item").selectOption({ label: "Drømmen" });
    await page.locator("#field-peer").selectOption({ label: "Erfaring Demo (KBT)" });
    await page.getByLabel("Kan lese og komme med forslag").check();
    await press(page, "Del");
    expect(await page.getByTestId("shares").textContent()).toContain("Drømmen");

    // The peer worker sees it under "Delt med meg", reads it and suggests something.
    const peerContext = await newContext(browser, { js: true, width: 1280 });
    const peer = await peerContext.newPage();
    watch(peer);
    await logIn(peer, "erfaring@example.org");
    await peer.goto("/delt-med-meg");
    await follow(peer, "Drømmen");
    const sharedUrl = peer.url();
    expect(await peer.getByTestId("view-dream").textContent()).toBe(dream);
    expect(await peer.locator("body").textContent(), "only the dream, not the card answers").not.toContain(first);
    await expectNoAxeViolations(peer, "shared dream, peer worker");
    await peer.getByLabel("Forslaget ditt").fill("Sjekk seilforeningens nybegynnerkurs");
    await press(peer, "Send forslaget");
    expect(await peer.getByRole("status").textContent()).toContain("Forslaget er sendt");

    // The participant sees the read in the log, with the peer worker's name.
    await page.goto("/min-side/innsyn");
    const log = await page.getByTestId("access-log").textContent();
    expect(log).toContain("Erfaring Demo");
    expect(log).toContain("Leste Drømmen");

    // …and the suggestion, which they take on as a goal.
    await page.goto("/verktoy/drommen");
    expect(await page.locator("#suggestions").count()).toBe(1);
    await press(page, "Ta med som mål");
    expect(
      await page
        .locator("li.kp-goal", {
          hasText: "Sjekk seilforeningens nybegynnerkurs",
        })
        .count(),
    ).toBe(1);

    // Revoke: the peer worker's very next request finds nothing.
    await page.goto("/verktoy/deling");
    await press(page, /^Stopp delingen: Drømmen/);
    expect(await page.getByRole("status").textContent()).toContain("Delingen er stoppet");
    const again = await peer.goto(sharedUrl);
    expect(again?.status()).toBe(404);
    await peer.goto("/delt-med-meg");
    expect(await peer.locator("main").textContent()).not.toContain("Drømmen");

    // Nothing the participant (or the peer worker) wrote ever appeared in a URL or a page title, on any page
    // of the journey: each whole text, and each of its longer words, against the decoded URL and the title.
    const words = [...new Set(typed.flatMap((t) => [t, ...t.split(/[\s.,]+/).filter((w) => w.length >= 6)]))].map((w) => w.toLowerCase());
    expect(words).toContain("seilerhansker");
    expect(seen.length).toBeGreaterThan(40);
    for (const visit of seen) {
      const url = decodeURIComponent(visit.url.replace(/\+/g, " ")).toLowerCase();
      const title = (await visit.title).toLowerCase();
      for (const word of words) {
        expect(url, `${word} in ${visit.url}`).not.toContain(word);
        expect(title, `${word} in the title of ${visit.url}`).not.toContain(word);
      }
    }
    await screenshot(page, "toolkit-journey-end");
    await peerContext.close();
    await context.close();
  });
});

describe("the values card sort without JavaScript", () => {
  it("sorts on several pages, adds an own value, chooses and ranks, with forms only", async () => {
    const { context, page } = await participant(false, 360);
    await page.goto("/verktoy/verdier");
    await press(page, "Start en ny sortering");
    for (const value of ["Aksept", "Eventyr", "Omsorg", "Utfordring"]) await page.getByRole("group", { name: value }).getByLabel("Svært viktig for meg").check();
    await press(page, "Lagre og neste side");
    expect(await page.getByTestId("sort-progress").textContent()).toContain("Side 2 av 9 · 4 av 83 verdier sortert");
    await page.getByRole("group", { name: "Forandring" }).getByLabel("Viktig for meg", { exact: true }).check();
    await press(page, "Forrige side");
    expect(await page.getByRole("group", { name: "Aksept" }).getByLabel("Svært viktig for meg").isChecked(), "kept when going back").toBe(true);
    await page.locator("#own-name").fill("Å spille gitar");
    await press(page, "Legg til verdien");
    expect(await page.getByTestId("sort-progress").textContent()).toContain("6 av 84 verdier sortert");
    expect(await page.getByRole("group", { name: "Å spille gitar" }).getByLabel("Svært viktig for meg").isChecked()).toBe(true);
    await press(page, "Lagre og velg de viktigste");
    for (const value of ["Aksept", "Eventyr", "Omsorg", "Utfordring", "Å spille gitar"]) await page.getByLabel(value, { exact: true }).check();
    await press(page, "Lagre og sett i rekkefølge");
    await press(page, "Flytt Å spille gitar opp");
    await press(page, "Ferdig");
    const ranked = (await page.getByTestId("my-values").locator("li strong").allTextContents()).map((s) => s.trim());
    expect(ranked).toEqual(["Aksept", "Eventyr", "Omsorg", "Å spille gitar", "Utfordring"]);
    await context.close();
  });
});

describe("nothing a participant writes is lost", () => {
  it("a session that ran out while typing keeps the text, asks to log in again, then saves it", async () => {
    const { context, page } = await participant(true, 1280);
    await page.goto("/verktoy/kort/ansvar");
    const text = "Jeg tar ansvar for å ringe mamma hver søndag. ".repeat(3).trim();
    await page.locator("section#q2 textarea").fill(text);
    // The session ends on the server (idle timeout, or logged out in another tab).
    const other = await context.newPage();
    await other.goto("/verktoy");
    await press(other, "Lås nå");
    await other.close();
    await press(page, "Lagre svarene", page.locator("section#q2"));
    expect(await page.locator("h1").textContent()).toBe("Logg inn igjen for å lagre");
    // Someone else at the same device cannot take the text into their own toolkit.
    await page.locator("#field-reauthEmail").fill("erfaring@example.org");
    await page.locator("#field-reauthPassword").fill(demoPassword);
    await press(page, "Logg inn og lagre");
    expect(await page.getByRole("alert").last().textContent()).toContain("Dette ble skrevet av en annen person");
    await expectNoAxeViolations(page, "log in again to save");
    await page.locator("#field-reauthEmail").fill("deltaker@example.org");
    await page.locator("#field-reauthPassword").fill("feil-passord");
    await press(page, "Logg inn og lagre");
    expect(await page.getByRole("alert").last().textContent()).toContain("E-postadressen eller passordet stemmer ikke");
    await page.locator("#field-reauthEmail").fill("deltaker@example.org");
    await page.locator("#field-reauthPassword").fill(demoPassword);
    await press(page, "Logg inn og lagre");
    expect(new URL(page.url()).pathname).toBe("/verktoy/kort/ansvar");
    expect(await page.locator("section#q2 textarea").inputValue()).toBe(text);
    await context.close();
  });

  it("a 20,000-character answer saves whole; a longer one is refused with the text kept", async () => {
    const { context, page } = await participant(false, 1280);
    await page.goto("/verktoy/kort/leve-med");
    const long = "æ".repeat(20_000);
    await page.locator("section#q3 textarea").fill(long);
    await press(page, "Lagre svarene", page.locator("section#q3"));
    expect(await page.locator("section#q3 textarea").inputValue()).toBe(long);
    // The browser stops at maxlength; a client that does not is answered with a clear message.
    const response = await page.request.post("/verktoy/kort/leve-med", {
      form: {
        csrf: await page.locator("input[name=csrf]").first().inputValue(),
        intent: "save:q4",
        q4: "x".repeat(20_001),
      },
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Teksten er for lang");
    await context.close();
  });

  it("two tabs: the later save is told, keeps its text, and can keep it without losing the other", async () => {
    const { context, page: one } = await participant(true, 1280);
    const two = await context.newPage();
    await one.goto("/verktoy/kort/hap-og-optimisme");
    await two.goto("/verktoy/kort/hap-og-optimisme");
    await one.locator("section#q1 textarea").fill("Fra fane én");
    await press(one, "Lagre svarene", one.locator("section#q1"));
    await two.locator("section#q1 textarea").fill("Fra fane to");
    await press(two, "Lagre svarene", two.locator("section#q1"));
    expect(await two.locator("section#q1").getByRole("alert").textContent()).toContain("Svaret ble endret et annet sted");
    expect(await two.getByTestId("conflict-theirs").textContent()).toBe("Fra fane én");
    expect(await two.locator("section#q1 textarea").inputValue()).toBe("Fra fane to");
    await press(two, "Lagre min tekst", two.locator("section#q1"));
    expect(await two.locator("section#q1 textarea").inputValue()).toBe("Fra fane to");
    expect(await two.locator("section#q1 details").last().textContent()).toContain("Fra fane én");
    await context.close();
  });
});

describe("bad ids and forms never break a page", () => {
  it("answers ids that are not ids with a 404 or a clear message, never a 500", async () => {
    const { context, page } = await participant(true, 1280);
    await page.goto("/verktoy/deling");
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    const post = (url: string, form: Record<string, string>) => page.request.post(url, { form: { csrf, ...form }, maxRedirects: 0 });
    expect((await post("/verktoy/kort/ansvar", { intent: "delete", entryId: "ikke-en-id" })).status()).toBe(302);
    expect((await post("/verktoy/deling", { intent: "revoke", shareId: "'; drop table x" })).status()).toBe(302);
    expect((await post("/verktoy/stadier", { intent: "delete", entryId: "x" })).status()).toBe(302);
    const badPeer = await post("/verktoy/deling", { item: "dream", peer: "-".repeat(36) + ":" + "-".repeat(36), mode: "read" });
    expect(badPeer.status()).toBe(400);
    expect(await badPeer.text()).toContain("Velg en erfaringsmedarbeider");
    const badDate = await post("/verktoy/deling", { item: "dream", peer: "-".repeat(73), mode: "read", until: "2027-02-30" });
    expect(badDate.status()).toBe(400);
    expect((await page.goto("/delt-med-meg/ikke-en-id"))?.status()).toBe(404);
    expect((await page.goto("/verktoy/verdier/ikke-en-id/sorter"))?.status()).toBe(404);
    expect((await page.goto("/verktoy/kort/finnes-ikke"))?.status()).toBe(404);
    expect((await page.goto("/verktoy/sjekk/finnes-ikke"))?.status()).toBe(404);
    await context.close();
  });
});

describe("a shared device", () => {
  it("“lock now” ends the session; going back shows nothing of the toolkit", async () => {
    const { context, page } = await participant(true, 360);
    await page.goto("/verktoy/drommen");
    expect(await page.locator("#kp-lock-form").count()).toBe(1);
    expect(await page.locator("script:not([src])").first().textContent(), "the idle lock").toContain("kp-lock-form");
    await press(page, "Lås nå");
    expect(new URL(page.url()).pathname).toBe("/laas");
    await expectNoAxeViolations(page, "locked");
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe("/logg-inn");
    await context.close();
  });
});

describe("the automatic lock", () => {
  it("locks a toolkit page after SESSION_IDLE_MINUTES (30) without a key press or tap, and not before", async () => {
    const { context, page } = await participant(true, 1280);
    await page.clock.install();
    await page.goto("/verktoy/drommen");
    // 29 minutes, a key press, 29 more minutes: still open (each press starts the 30 minutes again).
    await page.clock.runFor("29:00");
    expect(new URL(page.url()).pathname).toBe("/verktoy/drommen");
    await page.locator("#dream-dream").press("a");
    await page.clock.runFor("29:00");
    expect(new URL(page.url()).pathname).toBe("/verktoy/drommen");
    // Then a full half hour without anything: the page locks itself, and the session is over.
    await Promise.all([page.waitForURL("**/laas"), page.clock.runFor("01:01")]);
    expect(await page.locator("h1").textContent()).toBeTruthy();
    await page.goto("/verktoy/drommen");
    expect(new URL(page.url()).pathname).toBe("/logg-inn");
    await context.close();
  });
});

describe("export, delete everything, import", () => {
  it("round trip in the browser restores what was written", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    // A fresh account, so other tests' data stays as it is.
    const email = `rundtur.${Date.now()}@example.org`;
    await page.goto("/registrer");
    await page.locator("#field-name").fill("Rundtur Test");
    await page.locator("#field-email").fill(email);
    await page.locator("#field-password").fill("et-langt-passord-2026");
    await press(page, /^Lag konto$/);
    await logIn(page, email, "et-langt-passord-2026");
    // Nothing is kept before an explicit yes; nothing is pre-ticked.
    await page.goto("/verktoy/drommen");
    expect(new URL(page.url()).pathname).toBe("/verktoy/samtykke");
    await expectNoAxeViolations(page, "consent");
    await press(page, "Start");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Kryss av hvis du vil bruke verktøykassen");
    await page.getByLabel(/Ja, jeg vil bruke verktøykassen/).check();
    await press(page, "Start");
    expect(await page.getByRole("status").textContent()).toContain("Velkommen");
    await page.goto("/verktoy/drommen");
    await page.locator("#dream-dream").fill("Å reise til Lofoten");
    await press(page, "Lagre");
    await page.goto("/verktoy/kort/identitet");
    await page.locator("section#q1 textarea").fill("Jeg er en som lager mat til mange.");
    await press(page, "Lagre svarene", page.locator("section#q1"));

    await page.goto("/verktoy/data");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Last ned alt (JSON)" }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kp-export-")), "export.json");
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, "utf8")) as {
      format: string;
      entries: unknown[];
    };
    expect(exported.format).toBe("knutepunkt-toolkit");
    expect(exported.entries).toHaveLength(2);

    await page.getByLabel("Ja, slett alt i verktøykassen min").check();
    await press(page, "Slett alt");
    expect(await page.getByRole("status").textContent()).toContain("Alt i verktøykassen din er slettet");
    // Deleting everything also withdrew the consent: the toolkit asks again before keeping anything.
    expect(new URL(page.url()).pathname).toBe("/verktoy/samtykke");
    await page.goto("/verktoy/drommen");
    expect(new URL(page.url()).pathname).toBe("/verktoy/samtykke");
    await page.getByLabel(/Ja, jeg vil bruke verktøykassen/).check();
    await press(page, "Start");
    await page.goto("/verktoy/drommen");
    expect(await page.locator("#dream-dream").inputValue()).toBe("");

    await page.goto("/verktoy/data");
    await page.locator("#import-file").setInputFiles(file);
    await press(page, "Les inn");
    expect(await page.getByRole("status").textContent()).toContain("2 nye oppføringer");
    await page.goto("/verktoy/drommen");
    expect(await page.locator("#dream-dream").inputValue()).toBe("Å reise til Lofoten");
    await page.goto("/verktoy/mappe");
    expect(await page.locator("main").textContent()).toContain("Jeg er en som lager mat til mange.");

    // A broken file: every problem named, nothing saved.
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...exported,
        entries: [
          {
            tool: "cards",
            ref: "finnes-ikke:q1",
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
            body: { text: "x", chime: [] },
          },
        ],
      }),
    );
    await page.goto("/verktoy/data");
    await page.locator("#import-file").setInputFiles(file);
    await press(page, "Les inn");
    expect(await page.getByTestId("import-problems").textContent()).toContain("Oppføring 1");
    await expectNoAxeViolations(page, "import problems");
    await context.close();
  });
});

describe("an answer saved many times", () => {
  it("the card shows the three latest earlier versions, and every one behind a link that works without JavaScript", async () => {
    const { context, page } = await participant(false, 1280);
    await page.goto("/verktoy/kort/drommen");
    for (let n = 1; n <= 5; n++) {
      await page.locator("section#q3 textarea").fill(`Utkast nummer ${n}`);
      await press(page, "Lagre svarene", page.locator("section#q3"));
    }
    const history = page.locator("section#q3 details#q3-historikk");
    expect(await history.locator("summary").textContent()).toContain("4 tidligere versjoner");
    expect(await history.textContent()).toContain("Her er de 3 nyeste.");
    expect((await history.locator("li").allTextContents()).map((t) => /Utkast nummer \d/.exec(t)?.[0])).toEqual(["Utkast nummer 4", "Utkast nummer 3", "Utkast nummer 2"]);
    // Asking to delete counts every earlier version, not only those shown.
    await press(page, "Slett svaret", page.locator("section#q3"));
    expect(await page.getByTestId("confirm-delete").textContent()).toContain("Slette svaret ditt og de 4 tidligere versjonene av det?");
    await press(page, "Nei, ikke slett", page.getByTestId("confirm-delete"));

    await page.locator("section#q3 summary", { hasText: "tidligere versjoner" }).click();
    await go(page, () => page.getByRole("link", { name: "Vis alle 4 tidligere versjoner" }).click());
    expect(new URL(page.url()).search).toBe("?historikk=q3");
    expect(await page.locator("details#q3-historikk").getAttribute("open"), "the whole history opens at once").not.toBeNull();
    expect((await page.locator("details#q3-historikk li").allTextContents()).map((t) => /Utkast nummer \d/.exec(t)?.[0])).toEqual([
      "Utkast nummer 4",
      "Utkast nummer 3",
      "Utkast nummer 2",
      "Utkast nummer 1",
    ]);
    expect(await page.getByRole("link", { name: /Vis alle/ }).count()).toBe(0);
    await expectNoAxeViolations(page, "card with its whole history shown");
    await context.close();
  });
});

describe("the toolkit's weight", () => {
  it("toolkit pages load no JavaScript files, and other pages' JavaScript carries none of the toolkit's texts", async () => {
    const { context, page } = await participant(true, 1280);
    for (const path of ["/verktoy", "/verktoy/kort/ansvar", "/verktoy/verdier", "/verktoy/drommen", "/verktoy/mappe", "/verktoy/deling"]) {
      await page.goto(path);
      expect(await page.locator("script[src], link[rel=modulepreload]").count(), path).toBe(0);
    }
    // A hydrated page (the map: visitor and participant pages load no JavaScript either, ADR 0022).
    const html = await (await page.request.get("/tilbud/kart")).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(await (await page.request.get(src)).text(), src).not.toContain("Lagre og velg de viktigste");
    await context.close();
  });
});

describe("Min mappe as PDF", () => {
  it("downloads a PDF with the person's name, every section and answer of the folder page, and numbered pages", async () => {
    // A fresh account with known content, long enough for more than one page.
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    const email = `pdf.${Date.now()}@example.org`;
    await page.goto("/registrer");
    await page.locator("#field-name").fill("Pdf Prøvesen");
    await page.locator("#field-email").fill(email);
    await page.locator("#field-password").fill("et-langt-passord-2026");
    await press(page, /^Lag konto$/);
    await logIn(page, email, "et-langt-passord-2026");
    await page.goto("/verktoy/samtykke");
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    const send = async (url: string, form: Record<string, string>) => expect((await page.request.post(url, { form: { csrf, ...form }, maxRedirects: 0 })).status(), url).toBe(302);
    await send("/verktoy/samtykke", { consent: "yes" });
    const dream = "Å ha et lite verksted der jeg reparerer sykler for naboene.";
    await send("/verktoy/drommen", { intent: "text", dream, helps: "Onkelen min som kan alt om gir.", hinders: "Lite plass i leiligheten." });
    const written: string[] = [dream, "Onkelen min som kan alt om gir.", "Lite plass i leiligheten."];
    for (const card of ["ansvar", "leve-med", "hap-og-optimisme"]) {
      for (const question of ["q1", "q2", "q3", "q4"]) {
        const text = `Svar på ${card} ${question}: ${"Jeg skriver om hverdagen min, om det som hjelper og det som er tungt. ".repeat(4)}Slutt på ${card} ${question}.`;
        written.push(text);
        await send(`/verktoy/kort/${card}`, { intent: `save:${question}`, [question]: text });
      }
    }
    // What the folder page shows: section headings and every answer.
    await page.goto("/verktoy/mappe");
    const headings = (await page.locator("main section[aria-labelledby] > h2").allTextContents()).map((s) => s.trim());
    const answers = (await page.locator("main .kp-answer").allTextContents()).map((s) => s.trim()).filter((s) => s && s !== "Ikke besvart.");
    expect([...headings].sort()).toEqual(["Drømmen", "Refleksjonskortet «Ansvar»", "Refleksjonskortet «Håp og optimisme»", "Refleksjonskortet «Leve med»"]);
    expect(answers).toEqual(expect.arrayContaining(written));

    const response = await page.request.get("/verktoy/mappe/pdf");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    const body = await response.body();
    if (process.env.SCREENSHOTS) fs.writeFileSync(path.join(process.env.SCREENSHOTS, "folder.pdf"), body);
    const pages = await pdfPages(body);
    // "n / N" at the foot of every page, in order (the last text written on each page).
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const lines = pages.map((text) => text.trim().split("\n"));
    lines.forEach((page, i) => expect(page.at(-1)?.trim(), `page ${i + 1}`).toBe(`${i + 1} / ${pages.length}`));
    // The text without the page numbers (an answer may run on over a page break).
    const all = lines.map((page) => page.slice(0, -1).join("\n")).join("\n");
    // Whitespace differs (lines wrap in the PDF): compare without it.
    const flat = (s: string) => s.replace(/\s+/g, "");
    expect(all).toContain("Min recovery-mappe");
    expect(flat(all)).toContain(flat("Pdf Prøvesen · laget"));
    for (const text of written) expect(flat(all), text).toContain(flat(text));
    for (const heading of headings) expect(flat(all), heading).toContain(flat(heading));
    for (const answer of answers) expect(flat(all), answer).toContain(flat(answer));
    await context.close();
  });
});

/** The text of each page of a PDF, lines separated by "\n" (pdf.js, as a reader would get it). */
async function pdfPages(data: Buffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages;
}
