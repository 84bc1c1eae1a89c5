import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { desc } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { outbox } from "./platform.schema";
import { log, errorFields } from "~/lib/log.server";

export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send: (mail: Mail) => Promise<void>; kind: "smtp" | "outbox" };

/** The paths that carry a one-time token: reset links, invitations and address confirmations. */
const tokenLink = /(\/(?:nytt-passord|invitasjon|bekreft-e-post)\/)[A-Za-z0-9_-]+/g;

/** A mail's text with every one-time token replaced, as the administrators' outbox page shows it (ADR 0016). */
export function maskLinks(text: string): string {
  return text.replace(tokenLink, "$1••••••");
}

/**
 * Without SMTP_URL, mail goes to the outbox: the administrators' page /admin/utboks lists it with every
 * one-time link masked, since no role may see another person's live link (ADR 0016); the whole mail is
 * written as a file to `outboxDir` (DATA_DIR/outbox), readable only by whoever runs the server.
 */
export function createMailer(db: Db, smtpUrl: string | undefined, from: string, outboxDir?: string): Mailer {
  if (!smtpUrl) {
    return {
      kind: "outbox",
      send: async (mail) => {
        const [row] = await db.insert(outbox).values({ to: mail.to, subject: mail.subject, body: maskLinks(mail.text) }).returning({ id: outbox.id, createdAt: outbox.createdAt });
        if (outboxDir && row) writeOutboxFile(outboxDir, row, mail);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    send: async (mail) => {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        log.error("mail.send_failed", errorFields(error));
        throw error;
      }
    },
  };
}

function writeOutboxFile(dir: string, row: { id: string; createdAt: Date }, mail: Mail) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${row.createdAt.toISOString().replace(/[:.]/g, "-")}-${row.id}.txt`;
  fs.writeFileSync(path.join(dir, name), `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`, { mode: 0o600 });
}

/** The outbox as administrators see it: links masked again on the way out (rows kept before ADR 0016 held them whole). */
export async function listOutbox(db: Db, limit = 100) {
  const rows = await db
    .select({ id: outbox.id, to: outbox.to, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, body: maskLinks(row.body) }));
}
