import { listedName } from "../offers";
import { Form, Link, useLoaderData } from "react-router";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/centre-offers";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { centreOffers } from "../manage.server";
import { TextField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.mine.title");

/**
 * GET /tilbud/mine: the offers of my centres (administrators: all) for their editors. The archived ones are a
 * view of their own (?arkivert=1), where they can be opened and restored; ?q= finds an offer by name.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const url = new URL(request.url);
  const side = Number(url.searchParams.get("side") ?? "1");
  const page = Number.isInteger(side) && side >= 1 && side <= 10_000 ? side : 1;
  const archived = url.searchParams.get("arkivert") === "1";
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const result = await guard(() => centreOffers(getServices().db, user.actor, { page, archived, q }));
  return { ...result, archivedView: archived, q, offers: result.offers.map((o) => ({ ...o, archivedAt: o.archivedAt ? o.archivedAt.toISOString() : null })) };
}

function href(params: { archived: boolean; q: string; page?: number }) {
  const search = new URLSearchParams();
  if (params.archived) search.set("arkivert", "1");
  if (params.q) search.set("q", params.q);
  if (params.page && params.page > 1) search.set("side", String(params.page));
  const s = search.toString();
  return s ? `/tilbud/mine?${s}` : "/tilbud/mine";
}

export default function CentreOffers() {
  const t = useT();
  const { offers, total, active, archived, page, pages, manyCentres, archivedView, q } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.mine.title")}
      </Heading>
      <Paragraph>{t("offers.mine.intro")}</Paragraph>
      <div className="kp-actions">
        <Button asChild variant="secondary">
          <Link to="/tilbud/ny">{t("offers.new.link")}</Link>
        </Button>
        <AppLink to="/tilbud/kontroll">{t("offers.unchecked.title")}</AppLink>
        <AppLink to="/tilbud/organisasjoner">{t("offers.org.list_title")}</AppLink>
        <AppLink to="/tilbud/import">{t("offers.import.link")}</AppLink>
      </div>
      <Form method="get" action="/tilbud/mine" className="kp-stack kp-narrow" role="search" aria-label={t("offers.mine.search")}>
        {archivedView ? <input type="hidden" name="arkivert" value="1" /> : null}
        <TextField name="q" label={t("offers.mine.search")} markOptional={false} defaultValue={q} maxLength={200} />
        <div>
          <Button type="submit" variant="secondary">
            {t("offers.search")}
          </Button>
        </div>
      </Form>
      <nav aria-label={t("offers.mine.views")} className="kp-actions" data-testid="centre-offers-views">
        {archivedView ? <AppLink to={href({ archived: false, q })}>{t("offers.mine.active", { count: active })}</AppLink> : <span className="kp-current" aria-current="page">{t("offers.mine.active", { count: active })}</span>}
        {archivedView ? <span className="kp-current" aria-current="page">{t("offers.mine.archived", { count: archived })}</span> : <AppLink to={href({ archived: true, q })}>{t("offers.mine.archived", { count: archived })}</AppLink>}
      </nav>
      {total === 0 ? (
        <Paragraph>{q ? t("offers.mine.none_found") : archivedView ? t("offers.mine.none_archived") : t("offers.mine.none")}</Paragraph>
      ) : (
        <>
          <ul className="kp-list" data-testid="centre-offers">
            {offers.map((o) => (
              <li key={o.id} className="kp-member" data-testid="centre-offer">
                <div className="kp-actions">
                  <AppLink to={`/tilbud/${o.id}`}>
                    <span lang="nb">{listedName(o.name, o.alternateName)}</span>
                  </AppLink>
                  {o.archivedAt ? <Tag data-color="warning">{t("offers.archived.tag")}</Tag> : null}
                  {!o.archivedAt && o.organizationArchived ? <Tag data-color="warning">{t("offers.mine.hidden")}</Tag> : null}
                </div>
                <Paragraph data-size="sm">
                  <span lang="nb">{o.organization}</span>
                  {manyCentres ? ` · ${o.centre ?? t("offers.org.network")}` : null}
                </Paragraph>
                <Paragraph data-size="sm" className="kp-muted">
                  {o.archivedAt
                    ? t("offers.mine.archived_on", { date: t.date(o.archivedAt) })
                    : o.assuredDate
                      ? t("offers.checked", { date: t.date(o.assuredDate) })
                      : t("offers.not_checked")}
                </Paragraph>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t("offers.pages")} className="kp-actions">
              {page > 1 ? <AppLink to={href({ archived: archivedView, q, page: page - 1 })}>{t("offers.previous")}</AppLink> : null}
              <span>{t("offers.page_of", { page, pages })}</span>
              {page < pages ? <AppLink to={href({ archived: archivedView, q, page: page + 1 })}>{t("offers.next")}</AppLink> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
