import "~/modules/evaluations/i18n/register";
import { useLoaderData } from "react-router";
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/public-reports";
import { getServices } from "~/lib/services.server";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { listPublicReports } from "../reports.server";

/** /evalueringer/rapporter: the reports the teams have published for everyone, visitors included. */

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.public_reports.title");

export async function loader() {
  return { reports: await listPublicReports(getServices().db) };
}

export default function PublicReports() {
  const t = useT();
  const { reports } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("evaluations.public_reports.title")}
      </Heading>
      <Paragraph>{t("evaluations.public_reports.intro")}</Paragraph>
      {reports.length === 0 ? (
        <Paragraph>{t("evaluations.public_reports.empty")}</Paragraph>
      ) : (
        <ul className="kp-stack" data-testid="public-reports">
          {reports.map((r) => (
            <li key={r.id}>
              <Heading level={2} data-size="xs">
                <Link href={`/evalueringer/rapporter/${r.id}`}>
                  {t(r.kind === "final" ? "evaluations.report.title.final" : "evaluations.report.title.process")}: {r.serviceName}
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                {r.title} · {t("evaluations.report.published", { date: t.date(r.publishedAt) })}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
