import { useLoaderData } from "react-router";
import { Card, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/home";
import { requireUser } from "~/lib/request.server";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { toolkitOverview } from "../toolkit.server";
import { getServices } from "~/lib/services.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  return toolkitOverview(getServices().db, user.actor);
}

const tools: { to: string; title: MessageKey; body: MessageKey }[] = [
  {
    to: "/verktoy/kort",
    title: "toolkit.cards.title",
    body: "toolkit.home.cards",
  },
  {
    to: "/verktoy/verdier",
    title: "toolkit.values.title",
    body: "toolkit.home.values",
  },
  {
    to: "/verktoy/drommen",
    title: "toolkit.dream.title",
    body: "toolkit.home.dream",
  },
  {
    to: "/verktoy/stadier",
    title: "toolkit.stages.title",
    body: "toolkit.home.stages",
  },
  {
    to: "/verktoy/sjekk",
    title: "toolkit.checkin.title",
    body: "toolkit.home.check_in",
  },
  {
    to: "/verktoy/mappe",
    title: "toolkit.folder.title",
    body: "toolkit.home.folder",
  },
  {
    to: "/verktoy/deling",
    title: "toolkit.sharing.title",
    body: "toolkit.home.sharing",
  },
  {
    to: "/verktoy/data",
    title: "toolkit.data.title",
    body: "toolkit.home.data",
  },
];

export default function ToolkitHome() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.title")}
      </Heading>
      <Flash param="velkommen">{t("toolkit.home.welcome")}</Flash>
      <Paragraph>{t("toolkit.home.intro")}</Paragraph>
      <Paragraph data-testid="toolkit-privacy">{data.activeShares === 0 ? t("toolkit.home.private") : t("toolkit.home.shared", { count: data.activeShares })}</Paragraph>
      <ul className="kp-grid">
        {tools.map((tool) => (
          <li key={tool.to}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <Link href={tool.to}>{t(tool.title)}</Link>
              </Heading>
              <Paragraph data-size="sm">{t(tool.body)}</Paragraph>
              {tool.to === "/verktoy/kort" && data.answered > 0 ? <Paragraph data-size="sm">{t("toolkit.home.cards_answered", { count: data.answered })}</Paragraph> : null}
            </Card>
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm" className="kp-muted">
        {t("toolkit.licence")}
      </Paragraph>
    </div>
  );
}
