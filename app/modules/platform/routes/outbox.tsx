import { useLoaderData } from "react-router";
import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/outbox";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { can } from "~/modules/centres/permissions";
import { ForbiddenError } from "~/modules/centres/centres.server";
import { listOutbox } from "../mail.server";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "outbox.title");

/** Development outbox: mail kept when SMTP_URL is not set. Administrators only. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  return guard(async () => {
    if (!can(user.actor, "installation.view_outbox")) throw new ForbiddenError();
    const { db, mailer } = getServices();
    const mails = await listOutbox(db);
    return { smtp: mailer.kind === "smtp", mails: mails.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
  });
}

export default function Outbox() {
  const t = useT();
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("outbox.title")}
      </Heading>
      <Paragraph>{smtp ? t("outbox.smtp") : t("outbox.intro")}</Paragraph>
      {mails.length === 0 ? <Paragraph>{t("outbox.empty")}</Paragraph> : null}
      {mails.map((m) => (
        <Card key={m.id} data-testid="outbox-mail">
          <Heading level={2} data-size="xs">
            {m.subject}
          </Heading>
          <Paragraph data-size="sm">
            {t("outbox.to", { to: m.to })} · {t.date(m.createdAt, "datetime")}
          </Paragraph>
          <div className="kp-mail">{m.body}</div>
        </Card>
      ))}
    </div>
  );
}
