import { useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/folder";
import { getRequestState, requireUser } from "~/lib/request.server";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { buildFolder } from "../folder.server";
import { ItemViewer } from "../components/item-view";
import { toolkitStore } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.folder.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const folder = await buildFolder(toolkitStore(context), user.actor, lang);
  return { name: user.name, ...folder };
}

export default function Folder() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.folder.title")}
      </Heading>
      <Paragraph>{t("toolkit.folder.intro")}</Paragraph>
      <form method="get" action="/verktoy/mappe/pdf">
        <Button type="submit" variant="secondary">
          {t("toolkit.folder.pdf")}
        </Button>
      </form>
      {d.sections.length === 0 ? <Paragraph>{t("toolkit.folder.empty")}</Paragraph> : null}
      {d.sections.map((s) => (
        <section key={s.item} className="kp-stack" aria-labelledby={`folder-${s.item.replace(":", "-")}`}>
          <Heading level={2} data-size="md" id={`folder-${s.item.replace(":", "-")}`}>
            {s.title}
          </Heading>
          {s.updatedAt ? (
            <Paragraph data-size="sm" className="kp-muted">
              {t("toolkit.folder.updated", { date: t.date(s.updatedAt) })}
            </Paragraph>
          ) : null}
          <ItemViewer view={s.view} headingLevel={3} />
        </section>
      ))}
    </div>
  );
}
