import "~/modules/evaluations/i18n/register";
import { useLoaderData } from "react-router";
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/public-report";
import { getServices } from "~/lib/services.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { loadPublicReport } from "../reports.server";
import { ReportView } from "../components/report-view";

/**
 * /evalueringer/rapporter/:reportId: a report published for everyone, visitors included. Figures and quotes
 * come only through the k rule (figures.server.ts), also for a reader who is on the project's team.
 */

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data, matches, error }) => {
  if (error || !data) return [];
  const root = matches.find((m) => m?.id === "root")?.loaderData as { siteName?: string; lang?: "nb" | "nn" | "en" } | undefined;
  const kind = translate(root?.lang ?? "nb", data.report.kind === "final" ? "evaluations.report.title.final" : "evaluations.report.title.process");
  return [{ title: `${kind}: ${data.report.project.serviceName} – ${root?.siteName ?? "Knutepunkt"}` }];
};

export async function loader({ params }: Route.LoaderArgs) {
  if (!uuidPattern.test(params.reportId)) notFound();
  return { report: await guard(() => loadPublicReport(getServices().db, params.reportId)) };
}

export default function PublicReport() {
  const t = useT();
  const { report } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Paragraph data-size="sm">
        <Link href="/evalueringer/rapporter">{t("evaluations.public_reports.back")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t(report.kind === "final" ? "evaluations.report.title.final" : "evaluations.report.title.process")}: {report.project.serviceName}
      </Heading>
      <Paragraph>{report.project.title}</Paragraph>
      <Paragraph>
        <Link href={`/evalueringer/rapporter/${report.id}/pdf`}>{t("evaluations.report.pdf")}</Link>
      </Paragraph>
      <ReportView content={report} />
    </div>
  );
}
