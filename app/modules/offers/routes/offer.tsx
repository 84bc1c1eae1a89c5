import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Link, List, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer";
import { getServices } from "~/lib/services.server";
import { notFound, uuidPattern } from "~/lib/route-helpers.server";
import { loadOfferPage, type OfferPage } from "../offer-page.server";
import { markChecked, restoreOffer } from "../manage.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { CsrfField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useLang, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { describeSchedule } from "../schedule";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data, matches, error }) => {
  if (error) return [];
  const root = matches.find((m) => m?.id === "root")?.loaderData as { siteName?: string } | undefined;
  return [{ title: `${data?.offer.name ?? ""} – ${root?.siteName ?? "Knutepunkt"}` }];
};

/**
 * The public offer page. An archived offer (or one whose organisation is archived) is a 404 for everyone but
 * those who may edit it: they see it marked as archived, with "Restore".
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  // One SQL statement; whether an archived offer may be shown is decided from the actor alone.
  const page = await loadOfferPage(db, getRequestState(context).actor, params.offerId);
  if (!page) notFound();
  return page;
}

/** "Mark as checked", and "Restore" for an archived offer (coordinators of the offer's centre, administrators). */
export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "restore") {
    await guard(() => restoreOffer(db, user.actor, params.offerId));
    return redirect(`/tilbud/${params.offerId}?gjenopprettet=1`);
  }
  await guard(() => markChecked(db, user.actor, params.offerId));
  return redirect(`/tilbud/${params.offerId}?kontrollert=1`);
}

type Offer = OfferPage["service"];
type Schedule = NonNullable<Offer["schedules"]>[number];
type Phone = NonNullable<Offer["phones"]>[number];
type Contact = NonNullable<Offer["contacts"]>[number];

/** One schedule: the rule in the visitor's language, then the offer's own words (as written, in bokmål). */
function ScheduleText({ schedule }: { schedule: Schedule }) {
  const lang = useLang();
  const rule = describeSchedule({ ...schedule, bymonthday: schedule.bymonthday ? Number(schedule.bymonthday) : null }, lang);
  const own = [rule ? schedule.description : undefined, schedule.notes].filter(Boolean).join(" ");
  return (
    <>
      {rule || <span lang="nb">{schedule.description}</span>}
      {own ? (
        <>
          {rule ? " – " : " "}
          <span lang="nb">{own}</span>
        </>
      ) : null}
    </>
  );
}

function Schedules({ list }: { list?: Schedule[] }) {
  if (!list?.length) return null;
  return (
    <List.Unordered>
      {list.map((s) => (
        <List.Item key={s.id}>
          <ScheduleText schedule={s} />
        </List.Item>
      ))}
    </List.Unordered>
  );
}

function PhoneLink({ phone }: { phone: Phone }) {
  const t = useT();
  const href = `${phone.type === "text" ? "sms" : "tel"}:${(phone.number ?? "").replace(/[^+\d]/g, "")}`;
  return (
    <>
      <Link href={href}>{phone.number}</Link>
      {phone.extension ? ` (${t("offers.detail.extension")} ${phone.extension})` : null}
      {phone.type === "text" ? ` – ${t("offers.detail.sms")}` : null}
      {phone.description ? (
        <>
          {" – "}
          <span lang="nb">{phone.description}</span>
        </>
      ) : null}
    </>
  );
}

function Phones({ list }: { list?: Phone[] }) {
  if (!list?.length) return null;
  return (
    <List.Unordered>
      {list.map((p) => (
        <List.Item key={p.id}>
          <PhoneLink phone={p} />
        </List.Item>
      ))}
    </List.Unordered>
  );
}

function Contacts({ list }: { list?: Contact[] }) {
  if (!list?.length) return null;
  return (
    <List.Unordered>
      {list.map((c) => (
        <List.Item key={c.id}>
          <span lang="nb">{[c.name, c.title, c.department].filter(Boolean).join(", ")}</span>
          {c.email ? (
            <>
              {" – "}
              <Link href={`mailto:${c.email}`}>{c.email}</Link>
            </>
          ) : null}
          {c.phones?.map((p) => (
            <span key={p.id}>
              {" – "}
              <PhoneLink phone={p} />
            </span>
          ))}
        </List.Item>
      ))}
    </List.Unordered>
  );
}

/** The whole offer in the visitor's language; the offer's own text stays as written. */
export default function Offer() {
  const t = useT();
  const { offer, canEdit, archivedAt, organizationArchived } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const yesUnknown = (value: boolean | undefined, yes: MessageKey, no: MessageKey) => (value === true ? t(yes) : value === false ? t(no) : t("offers.unknown"));
  const sals = offer.service_at_locations;
  const hasSchedules = Boolean(offer.schedules?.length || sals.some((s) => s.schedules?.length || s.location.schedules?.length));
  const places = offer.service_areas?.filter((a) => a.place || a.name) ?? [];
  return (
    <article className="kp-stack kp-narrow kp-wrap">
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
      {params.get("gjenopprettet") && !archivedAt ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("offers.archived.restored")}</Paragraph>
        </Alert>
      ) : null}
      <Heading level={1} data-size="lg">
        {offer.name}
      </Heading>
      {archivedAt ? (
        // Only its editors reach an archived offer: say so first, with the way back.
        <Alert data-color="warning" role={params.get("arkivert") ? "status" : undefined} data-testid="offer-archived">
          <div className="kp-stack">
            <div>
              <Tag data-color="warning">{t("offers.archived.tag")}</Tag>
            </div>
            {params.get("arkivert") ? <Paragraph>{t("offers.archived.done")}</Paragraph> : null}
            <Paragraph>{t("offers.archived.body", { date: t.date(archivedAt) })}</Paragraph>
            <Form method="post">
              <CsrfField />
              <Button type="submit" name="intent" value="restore" variant="primary">
                {t("offers.archived.restore")}
              </Button>
            </Form>
            <Paragraph data-size="sm">
              <AppLink to={`/tilbud/${offer.id}/historikk`}>{t("offers.history.title")}</AppLink>
              {" · "}
              <AppLink to="/tilbud/mine?arkivert=1">{t("offers.mine.title")}</AppLink>
            </Paragraph>
          </div>
        </Alert>
      ) : organizationArchived ? (
        <Alert data-color="warning" data-testid="offer-organization-archived">
          <Paragraph>{t("offers.archived.organization")}</Paragraph>
          {offer.organization?.id ? (
            <Paragraph>
              <AppLink to={`/tilbud/organisasjoner/${offer.organization.id}`}>{t("offers.archived.organization_link")}</AppLink>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {canEdit && !archivedAt ? (
        <div className="kp-actions" data-testid="offer-tools">
          <AppLink to={`/tilbud/${offer.id}/rediger`}>{t("offers.edit.link")}</AppLink>
          <AppLink to={`/tilbud/${offer.id}/steder`}>{t("offers.place.title")}</AppLink>
          <AppLink to={`/tilbud/${offer.id}/tider`}>{t("offers.schedule.title")}</AppLink>
          <AppLink to={`/tilbud/${offer.id}/kontakt`}>{t("offers.contact.title")}</AppLink>
          <AppLink to={`/tilbud/${offer.id}/historikk`}>{t("offers.history.title")}</AppLink>
          <Form method="post" className="kp-inline-form">
            <CsrfField />
            <Button type="submit" variant="secondary" data-size="sm">
              {t("offers.edit.mark_checked")}
            </Button>
          </Form>
        </div>
      ) : null}
      {offer.alternate_name ? (
        <Paragraph data-size="lg" lang="nb">
          {offer.alternate_name}
        </Paragraph>
      ) : null}
      <div className="kp-actions">
        {offer.tilbudstype ? <Tag data-color="neutral">{t(`offers.kind.${offer.tilbudstype}` as MessageKey)}</Tag> : null}
        {offer.ingen_henvisning ? <Tag data-color="success">{t("offers.no_referral")}</Tag> : null}
        {offer.gratis ? <Tag data-color="success">{t("offers.detail.free")}</Tag> : null}
      </div>
      {/* The offer's own text stays as written (bokmål for now): marked so screen readers switch language. */}
      {offer.description ? <Paragraph lang="nb">{offer.description}</Paragraph> : null}

      <Heading level={2} data-size="sm">
        {t("offers.detail.when")}
      </Heading>
      {hasSchedules ? (
        <>
          <Schedules list={offer.schedules} />
          {sals.map((s) =>
            s.schedules?.length || s.location.schedules?.length ? (
              <div key={s.id}>
                {sals.length > 1 ? <Paragraph data-size="sm">{s.location.name ?? s.location.place?.kommune}</Paragraph> : null}
                <Schedules list={[...(s.schedules ?? []), ...(s.location.schedules ?? [])]} />
              </div>
            ) : null,
          )}
        </>
      ) : (
        <Paragraph>{t("offers.detail.no_schedule")}</Paragraph>
      )}

      <Heading level={2} data-size="sm">
        {t("offers.detail.who")}
      </Heading>
      {offer.malgruppe.length ? <Paragraph>{offer.malgruppe.map((g) => t(`offers.target.${g}` as MessageKey)).join(", ")}</Paragraph> : null}
      {offer.eligibility_description ? <Paragraph lang="nb">{offer.eligibility_description}</Paragraph> : null}
      {!offer.malgruppe.length && !offer.eligibility_description ? <Paragraph>{t("offers.unknown")}</Paragraph> : null}
      {places.length ? (
        <Paragraph>
          {t("offers.detail.area")}{" "}
          {places.map((a) => (a.place ? [a.place.kommune, a.place.kommune.endsWith(`(${a.place.fylke})`) ? "" : a.place.fylke].filter(Boolean).join(", ") : a.name)).join("; ")}
        </Paragraph>
      ) : null}
      {offer.languages?.length ? (
        <Paragraph>
          {t("offers.detail.languages")} <span lang="nb">{offer.languages.map((l) => [l.name ?? l.code, l.note].filter(Boolean).join(" – ")).join(", ")}</span>
        </Paragraph>
      ) : null}

      <Heading level={2} data-size="sm">
        {t("offers.detail.where")}
      </Heading>
      {sals.length ? (
        <div className="kp-stack">
          {sals.map((sal) => {
            const l = sal.location;
            const placeLine = l.place ? (l.place.kommune.endsWith(`(${l.place.fylke})`) ? l.place.kommune : `${l.place.kommune} (${l.place.fylke})`) : "";
            return (
              <section key={sal.id} aria-label={l.name || placeLine || t("offers.detail.online")} className="kp-place">
                <Paragraph>
                  <strong lang="nb">{l.name && l.name !== l.place?.kommune ? l.name : placeLine}</strong>
                  {l.name && l.name !== l.place?.kommune && placeLine ? `, ${placeLine}` : null}
                  {l.location_type === "virtual" ? ` – ${t("offers.detail.online")}` : null}
                </Paragraph>
                {l.addresses?.map((a) => (
                  <Paragraph key={a.id} data-size="sm">
                    {[a.attention, a.address_1, a.address_2, `${a.postal_code} ${a.city}`].filter(Boolean).join(", ")}
                    {a.address_type === "postal" ? ` (${t("offers.detail.postal")})` : null}
                  </Paragraph>
                ))}
                {sal.description ? (
                  <Paragraph data-size="sm" lang="nb">
                    {sal.description}
                  </Paragraph>
                ) : null}
                {l.transportation ? (
                  <Paragraph data-size="sm">
                    {t("offers.detail.transport")} <span lang="nb">{l.transportation}</span>
                  </Paragraph>
                ) : null}
                {l.accessibility?.length ? (
                  <Paragraph data-size="sm">
                    {t("offers.detail.accessibility")}{" "}
                    <span lang="nb">{l.accessibility.map((a) => [a.description, a.details].filter(Boolean).join(" ")).join(" ")}</span>
                    {l.accessibility.map((a) =>
                      a.url ? (
                        <span key={a.id}>
                          {" "}
                          <Link href={a.url}>{t("offers.detail.more")}</Link>
                        </span>
                      ) : null,
                    )}
                  </Paragraph>
                ) : null}
                {l.languages?.length ? (
                  <Paragraph data-size="sm">
                    {t("offers.detail.languages")} <span lang="nb">{l.languages.map((x) => x.name ?? x.code).join(", ")}</span>
                  </Paragraph>
                ) : null}
                <Phones list={[...(sal.phones ?? []), ...(l.phones ?? [])]} />
                <Contacts list={[...(sal.contacts ?? []), ...(l.contacts ?? [])]} />
                {l.url ? (
                  <Paragraph data-size="sm">
                    <Link href={l.url}>{l.url}</Link>
                  </Paragraph>
                ) : null}
              </section>
            );
          })}
        </div>
      ) : (
        <Paragraph>{t("offers.no_place")}</Paragraph>
      )}

      <Heading level={2} data-size="sm">
        {t("offers.detail.contact")}
      </Heading>
      {offer.application_process ? <Paragraph lang="nb">{offer.application_process}</Paragraph> : null}
      <dl>
        <dt>{t("offers.detail.referral")}</dt>
        <dd>{yesUnknown(offer.ingen_henvisning, "offers.detail.referral_no", "offers.detail.referral_yes")}</dd>
        <dt>{t("offers.detail.price")}</dt>
        <dd>
          {offer.fees_description ? <span lang="nb">{offer.fees_description}</span> : yesUnknown(offer.gratis, "offers.detail.free", "offers.detail.paid")}
          {offer.cost_options?.map((c) => (
            <span key={c.id} className="kp-block">
              <span lang="nb">{c.option}</span>
              {c.amount !== undefined ? `${c.option ? ": " : ""}${t.number(c.amount)} ${c.currency ?? "NOK"}` : null}
              {c.amount_description ? (
                <>
                  {" "}
                  <span lang="nb">{c.amount_description}</span>
                </>
              ) : null}
            </span>
          ))}
        </dd>
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
      {offer.phones?.length ? (
        <>
          <Paragraph>{t("offers.detail.phone")}</Paragraph>
          <Phones list={offer.phones} />
        </>
      ) : null}
      <Contacts list={offer.contacts} />
      {!offer.url && !offer.email && !offer.application_process && !offer.phones?.length && !offer.contacts?.length ? <Paragraph>{t("offers.detail.no_contact")}</Paragraph> : null}

      <Heading level={2} data-size="sm">
        {t("offers.detail.organization")}
      </Heading>
      <Paragraph>
        <strong>{offer.organization?.name}</strong>
        {offer.organization?.organisasjonsnummer ? ` (${t("offers.detail.orgnr")} ${offer.organization.organisasjonsnummer})` : null}
      </Paragraph>
      {offer.organization?.description ? <Paragraph lang="nb">{offer.organization.description}</Paragraph> : null}
      {offer.organization?.website ? (
        <Paragraph>
          <Link href={offer.organization.website}>{offer.organization.website}</Link>
        </Paragraph>
      ) : null}
      <Phones list={offer.organization?.phones} />
      <Contacts list={offer.organization?.contacts} />

      <Paragraph data-size="sm" className="kp-muted">
        {offer.assured_date ? t("offers.checked", { date: t.date(offer.assured_date) }) : t("offers.not_checked")}
      </Paragraph>
    </article>
  );
}
