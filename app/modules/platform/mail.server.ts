import nodemailer from "nodemailer";
import { desc } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { outbox } from "./platform.schema";
import { log, errorFields } from "~/lib/log.server";

export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send: (mail: Mail) => Promise<void>; kind: "smtp" | "outbox" };

/** Without SMTP_URL, mail is kept in the outbox table, readable by administrators at /admin/utboks. */
export function createMailer(db: Db, smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      kind: "outbox",
      send: async (mail) => {
        await db.insert(outbox).values({ to: mail.to, subject: mail.subject, body: mail.text });
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

export async function listOutbox(db: Db, limit = 100) {
  return db
    .select({ id: outbox.id, to: outbox.to, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
