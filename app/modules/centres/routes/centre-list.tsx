import { useLoaderData } from "react-router";
import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/centre-list";
import { getServices } from "~/lib/services.server";
import { listCentres } from "../centres.server";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "centres.title");

export async function loader() {
  return { centres: await listCentres(getServices().db) };
}

export default function CentreList() {
  const t = useT();
  const { centres } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("centres.title")}
      </Heading>
      <Paragraph>{t("centres.intro")}</Paragraph>
      {centres.length === 0 ? <Paragraph>{t("centres.empty")}</Paragraph> : null}
      <ul className="kp-grid">
        {centres.map((c) => (
          <li key={c.id}>
            <Card>
              <Heading level={2} data-size="xs">
                <AppLink to={`/sentre/${c.id}`}>{c.name}</AppLink>
              </Heading>
              <Paragraph data-size="sm">
                {c.kommune}, {c.fylke}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
