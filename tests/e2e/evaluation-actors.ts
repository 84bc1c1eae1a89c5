import { baseUrl, demoPassword } from "./browser";
import { linkIn } from "./mail";
import { Client } from "./own-server";

/**
 * The people of the evaluation permission matrix (evaluations-permissions.spec.ts), over plain HTTP: a
 * cookie jar over fetch that logs in once and keeps its cookies and CSRF token, and the way a new person
 * comes in through the app (a coordinator or administrator invites, the person signs up, confirms the
 * address from the mailed link, logs in and accepts the mailed invitation).
 */

export type Fields = Record<string, string | string[]>;

export class Http extends Client {
  private token: string | undefined;

  constructor(readonly label: string) {
    super(baseUrl());
  }

  /** The CSRF token of this browser (double submit: the same for every form while the cookie lasts). */
  override async csrf(): Promise<string> {
    if (this.token) return this.token;
    // A page with a form for everyone: the log-in page for visitors, the person's own page when logged in.
    for (const page of ["/min-side", "/logg-inn"]) {
      const res = await this.get(page);
      const token = /name="csrf" value="([^"]+)"/.exec(await res.text())?.[1];
      if (token) return (this.token = token);
    }
    throw new Error(`${this.label}: no CSRF field on /min-side or /logg-inn`);
  }

  /** A form post with this browser's valid CSRF token, as a form of the app would send it. */
  override async post(pathname: string, fields: Fields): Promise<Response> {
    const body = new URLSearchParams([["csrf", await this.csrf()]]);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await fetch(`${this.base}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: this.cookieHeader(), Origin: this.base },
      body,
    });
    this.take(res);
    return res;
  }

  async html(pathname: string): Promise<string> {
    const res = await this.get(pathname);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${this.label}: GET ${pathname} answered ${res.status}`);
    return text;
  }
}

/** A browser of its own, logged in as `email` (once; the session cookie is reused for every request). */
export async function logInAs(email: string, password = demoPassword): Promise<Http> {
  const visitor = new Http(email);
  const res = await visitor.post("/logg-inn", { email, password });
  if (res.status !== 302) throw new Error(`log-in as ${email} answered ${res.status}`);
  // The same cookies in a browser that reads its CSRF token again, from a logged-in page.
  const http = new Http(email);
  for (const [k, v] of visitor.cookies) http.cookies.set(k, v);
  return http;
}

/** The id of a centre from the public centre list, by the start of its name. */
export async function centreId(http: Http, name: string): Promise<string> {
  const html = await http.html("/sentre");
  const id = new RegExp(`href="/sentre/([0-9a-f-]{36})"[^>]*>${name}`).exec(html)?.[1];
  if (!id) throw new Error(`no centre ${name} on /sentre`);
  return id;
}

/**
 * A new person in a centre with `roles`, through the app: `inviter` (a coordinator of the centre or an
 * administrator) invites the address, the person signs up, confirms it from the mail, logs in and accepts
 * the invitation from the mail. Returns the person's logged-in browser.
 */
export async function invitedPerson(inviter: Http, centre: string, person: { name: string; email: string; roles: string[] }): Promise<Http> {
  const password = `passord-${person.email}`;
  const invite = await inviter.post(`/sentre/${centre}/medlemmer`, { intent: "invite", email: person.email, roles: person.roles });
  if (invite.status !== 200) throw new Error(`inviting ${person.email} answered ${invite.status}`);
  const invitation = await linkIn(person.email, "invitasjon");

  const browser = new Http(person.email);
  const signUp = await browser.post("/registrer", { name: person.name, email: person.email, password });
  if (signUp.status !== 200) throw new Error(`sign-up of ${person.email} answered ${signUp.status}`);
  const confirm = await linkIn(person.email, "bekreft-e-post");
  const confirmed = await browser.post(confirm, {});
  if (confirmed.status !== 302) throw new Error(`confirming ${person.email} answered ${confirmed.status}`);

  const http = await logInAs(person.email, password);
  const accepted = await http.post(invitation, {});
  if (accepted.status !== 302 || accepted.headers.get("location") !== "/min-side") throw new Error(`accepting the invitation of ${person.email} answered ${accepted.status} ${accepted.headers.get("location")}`);
  return http;
}

/** Text as it is in the HTML React wrote, decoded (names, notes). */
export function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
