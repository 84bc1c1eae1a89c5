import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Link, List, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer";
import { getServices } from "~/lib/services.server";
import { notFound, uuidPattern } from "~/lib/route-helpers.server";
import { getOffer } from "../offers.server";
import { canEditOffer, markChecked } from "../manage.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { CsrfField } from "~/components/form";
import { services } from "../offers.schema";
import { eq } from "drizzle-orm";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

export const meta: Route.MetaFunction = ({ data, matches, error }) => {
  if (error) return [];
  const root = matches.find((m) => m?.id === "root")?.loaderData as { siteName?: string } | undefined;
  return [{ title: `${data?.offer.name ?? ""} – ${root?.siteName ?? "Knutepunkt"}` }];
};

export async function loader({ params, context }: Route.LoaderArgs) {
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const offer = await getOffer(db, params.offerId);
  if (!offer) notFound();
  const [owner] = await db.select({ centreId: services.centreId }).from(services).where(eq(services.id, offer.id));
  return { offer, canEdit: canEditOffer(getRequestState(context).actor, owner?.centreId ?? null) };
}

/** "Mark as checked" (coordinators of the offer's centre, administrators). */
export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  await guard(() => markChecked(getServices().db, user.actor, params.offerId));
  return redirect(`/tilbud/${params.offerId}?kontrollert=1`);
}

/** The whole offer in the visitor's language; the offer's own text stays as written. */
export default function Offer() {
  const t = useT();
  const { offer, canEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const yesUnknown = (value: boolean | null, yes: MessageKey, no: MessageKey) => (value === true ? t(yes) : value === false ? t(no) : t("offers.unknown"));
  return (
    <article className="kp-stack kp-narrow">
      <Paragraph data-size="sm">
        <AppLink to="/tilbud">{t("offers.back")}</AppLink>
      </Paragraph>
      {params.get("lagret") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("offers.edit.saved")}</Paragraph>
        </Alert>
      ) : null}
      {params.get("kontrollert") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("offers.edit.checked")}</Paragraph>
        </Alert>
      ) : null}
      <Heading level={1} data-size="lg">
        {offer.name}
      </Heading>
      {canEdit ? (
        <div className="kp-actions" data-testid="offer-tools">
          <AppLink to={`/tilbud/${offer.id}/rediger`}>{t("offers.edit.link")}</AppLink>
          <AppLink to={`/tilbud/${offer.id}/historikk`}>{t("offers.history.title")}</AppLink>
          <Form method="post" className="kp-inline-form">
            <CsrfField />
            <Button type="submit" variant="secondary" data-size="sm">
              {t("offers.edit.mark_checked")}
            </Button>
          </Form>
        </div>
      ) : null}
      {offer.alternateName ? (
        <Paragraph data-size="lg" lang="nb">
          {offer.alternateName}
        </Paragraph>
      ) : null}
      <div className="kp-actions">
        {offer.kind ? <Tag data-color="neutral">{t(`offers.kind.${offer.kind}` as MessageKey)}</Tag> : null}
        {offer.noReferral ? <Tag data-color="success">{t("offers.no_referral")}</Tag> : null}
      </div>
      {/* The offer's own text stays as written (bokmål for now): marked so screen readers switch language. */}
      <Paragraph lang="nb">{offer.description}</Paragraph>

      <Heading level={2} data-size="sm">
        {t("offers.detail.who")}
      </Heading>
      {offer.targetGroups.length ? <Paragraph>{offer.targetGroups.map((g) => t(`offers.target.${g}` as MessageKey)).join(", ")}</Paragraph> : null}
      {offer.eligibilityDescription ? <Paragraph lang="nb">{offer.eligibilityDescription}</Paragraph> : null}
      {!offer.targetGroups.length && !offer.eligibilityDescription ? <Paragraph>{t("offers.unknown")}</Paragraph> : null}

      <Heading level={2} data-size="sm">
        {t("offers.detail.where")}
      </Heading>
      {offer.places.length ? (
        <List.Unordered>
          {offer.places.map((p, i) => (
            <List.Item key={`${p.name}-${i}`}>{p.name && p.name !== p.kommune ? `${p.name}, ${p.kommune} (${p.fylke})` : `${p.kommune} (${p.fylke})`}</List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{t("offers.no_place")}</Paragraph>
      )}

      <Heading level={2} data-size="sm">
        {t("offers.detail.contact")}
      </Heading>
      {offer.applicationProcess ? <Paragraph lang="nb">{offer.applicationProcess}</Paragraph> : null}
      <dl>
        <dt>{t("offers.detail.referral")}</dt>
        <dd>{yesUnknown(offer.noReferral, "offers.detail.referral_no", "offers.detail.referral_yes")}</dd>
        <dt>{t("offers.detail.price")}</dt>
        <dd>{offer.feesDescription ?? yesUnknown(offer.free, "offers.detail.free", "offers.detail.paid")}</dd>
        {offer.url ? (
          <>
            <dt>{t("centre.field.website")}</dt>
            <dd>
              <Link href={offer.url}>{offer.url}</Link>
            </dd>
          </>
        ) : null}
        {offer.email ? (
          <>
            <dt>{t("field.email")}</dt>
            <dd>
              <Link href={`mailto:${offer.email}`}>{offer.email}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {!offer.url && !offer.email && !offer.applicationProcess ? <Paragraph>{t("offers.detail.no_contact")}</Paragraph> : null}

      <Heading level={2} data-size="sm">
        {t("offers.detail.organization")}
      </Heading>
      <Paragraph>
        <strong>{offer.organization.name}</strong>
      </Paragraph>
      {offer.organization.description ? <Paragraph lang="nb">{offer.organization.description}</Paragraph> : null}

      <Paragraph data-size="sm" className="kp-muted">
        {offer.assuredDate ? t("offers.checked", { date: t.date(offer.assuredDate) }) : t("offers.not_checked")}
      </Paragraph>
    </article>
  );
}
