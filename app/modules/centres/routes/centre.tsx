import { useLoaderData } from "react-router";
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/centre";
import { getServices } from "~/lib/services.server";
import { getRequestState } from "~/lib/request.server";
import { notFound, uuidPattern } from "~/lib/route-helpers.server";
import { getCentre } from "../centres.server";
import { can } from "../permissions";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data, matches, error }) => {
  if (error) return [];
  const root = matches.find((m) => m?.id === "root")?.loaderData as { siteName?: string } | undefined;
  return [{ title: `${data?.centre.name ?? ""} – ${root?.siteName ?? "Knutepunkt"}` }];
};

export async function loader({ params, context }: Route.LoaderArgs) {
  if (!uuidPattern.test(params.centreId)) notFound();
  const centre = await getCentre(getServices().db, params.centreId);
  if (!centre) notFound();
  const actor = getRequestState(context).actor;
  return {
    centre,
    canEdit: can(actor, "centre.edit", centre.id),
    canManage: can(actor, "centre.view_members", centre.id),
  };
}

export default function Centre() {
  const t = useT();
  const { centre, canEdit, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {centre.name}
      </Heading>
      <Paragraph>
        {centre.kommune}, {centre.fylke}
      </Paragraph>
      <Heading level={2} data-size="sm">
        {t("centre.contact")}
      </Heading>
      <dl>
        {centre.address ? (
          <>
            <dt>{t("centre.field.address")}</dt>
            <dd>{centre.address}</dd>
          </>
        ) : null}
        {centre.email ? (
          <>
            <dt>{t("field.email")}</dt>
            <dd>
              <Link href={`mailto:${centre.email}`}>{centre.email}</Link>
            </dd>
          </>
        ) : null}
        {centre.phone ? (
          <>
            <dt>{t("centre.field.phone")}</dt>
            <dd>
              <Link href={`tel:${centre.phone.replace(/\s/g, "")}`}>{centre.phone}</Link>
            </dd>
          </>
        ) : null}
        {centre.website ? (
          <>
            <dt>{t("centre.field.website")}</dt>
            <dd>
              <Link href={centre.website}>{centre.website}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {!centre.address && !centre.email && !centre.phone && !centre.website ? <Paragraph>{t("centre.no_contact")}</Paragraph> : null}
      {canEdit || canManage ? (
        <ul>
          {canManage ? (
            <li>
              <AppLink to={`/sentre/${centre.id}/medlemmer`}>{t("centre.members_link")}</AppLink>
            </li>
          ) : null}
          {canEdit ? (
            <li>
              <AppLink to={`/sentre/${centre.id}/rediger`}>{t("centre.edit_link")}</AppLink>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
