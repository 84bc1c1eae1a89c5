import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./browser";

/**
 * Mail as the person receives it: without SMTP_URL the server writes each mail as a file in
 * DATA_DIR/outbox (the administrators' outbox page masks the links; ADR 0016). Waits for the mail,
 * since the server sends some of it after the response.
 */
export async function mailTo(to: string, pattern: RegExp, { timeoutMs = 10_000, after = 0 } = {}): Promise<string> {
  const dir = path.join(dataDir(), "outbox");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort().reverse() : [];
    for (const file of files) {
      const full = path.join(dir, file);
      if (fs.statSync(full).mtimeMs < after) continue;
      const text = fs.readFileSync(full, "utf8");
      if (text.startsWith(`To: ${to}\n`) && pattern.test(text)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The path of the first link in the newest matching mail (e.g. /nytt-passord/…), to open on the test server. */
export async function linkIn(to: string, kind: "nytt-passord" | "invitasjon" | "bekreft-e-post", options?: { after?: number }): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s]+/${kind}/[A-Za-z0-9_-]+`);
  const text = await mailTo(to, pattern, options);
  return new URL(pattern.exec(text)![0]).pathname;
}
