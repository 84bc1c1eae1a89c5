import { listedName } from "../offers";
import { Form, redirect, useLoaderData, useNavigation } from "react-router";
import { findKommune } from "~/modules/centres/kommuner";
import { Button, Card, Heading, Link, Paragraph, Tag } from "@digdir/designsystemet-react";
import { data } from "react-router";
import type { Route } from "./+types/offer-search";
import { getServices } from "~/lib/services.server";
import { parseForm, queryAsForm } from "~/lib/forms";
import { searchOffers } from "../offers.server";
import { suggestSearch } from "../suggest.server";
import { searchSchema } from "../offers.forms";
import { FormErrorSummary } from "~/components/form";
import { OfferFilterFields, useFilterLabels } from "../components/offer-filters";
import { ShowOnMapLink } from "../components/map-link";
import { mapEnabled } from "../map.server";
import { AppLink, useServerOnlyPage } from "~/components/app-link";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import type { MessageKey } from "~/i18n/i18n";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "offers.title");

/** Public search. Filters live in the URL (a GET form), so a search can be shared and works without JavaScript. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = new URLSearchParams(url.searchParams);
  query.delete("lang");
  const parsed = parseForm(searchSchema, queryAsForm(url));
  if (!parsed.ok) {
    return data({ errors: parsed.errors, values: parsed.values, result: null, suggestion: null, map: mapEnabled() }, { status: 400 });
  }
  // Without JavaScript a fylke can be changed while a kommune in another fylke stays chosen: together they find
  // nothing, so the newer, wider choice (the fylke) is kept and the kommune let go.
  const { fylke, kommune } = parsed.data;
  if (fylke && kommune && findKommune(kommune)?.fylkesnummer !== fylke) {
    const kept = new URLSearchParams(url.searchParams);
    kept.delete("kommune");
    throw redirect(`/tilbud?${kept.toString()}`);
  }
  const { db } = getServices();
  const result = await searchOffers(db, parsed.data);
  // Nothing found for some words: "Mente du …?" from the offers' own words (only a suggestion that finds something).
  const suggestion = result.total === 0 && parsed.data.q ? ((await suggestSearch(db, parsed.data)) ?? null) : null;
  const values = Object.fromEntries(query) as Record<string, string>;
  return {
    suggestion,
    map: mapEnabled(),
    errors: {} as Record<string, MessageKey>,
    values,
    result: {
      ...result,
      // Only what a card shows of its places (ADR 0023): less loader data to serialise on every request.
      offers: result.offers.map(({ places, ...o }) => ({ ...o, assuredDate: o.assuredDate ?? null, ...placesShown(places, values) })),
    },
  };
}

function matchesPlace(place: { kommunenummer: string; fylkesnummer: string }, values: Record<string, string>) {
  return place.kommunenummer === values.kommune || place.fylkesnummer === values.fylke;
}

const maxPlaces = 4;

/** A card's places: the first few names, those in the chosen fylke or kommune first, and how many more there are. */
function placesShown(places: { name: string | null; kommune: string; kommunenummer: string; fylkesnummer: string }[], values: Record<string, string>) {
  return {
    places: [...places]
      .sort((a, b) => Number(matchesPlace(b, values)) - Number(matchesPlace(a, values)))
      .slice(0, maxPlaces)
      .map((p) => (p.name && p.name !== p.kommune ? `${p.name} (${p.kommune})` : p.kommune)),
    morePlaces: Math.max(0, places.length - maxPlaces),
  };
}

/**
 * The search's query without its page number, once per page: the links below add one parameter each, as
 * `URLSearchParams.set` would (in place when the query has it, else last), without parsing the query again.
 */
function searchLinks(values: Record<string, string>) {
  const base = new URLSearchParams(values);
  base.delete("side");
  const query = base.toString();
  const withParam = (name: string, value: string) => {
    if (base.has(name) || !/^[\w.-]*$/.test(value)) {
      const params = new URLSearchParams(base);
      params.set(name, value);
      return params.toString();
    }
    return query ? `${query}&${name}=${value}` : `${name}=${value}`;
  };
  return {
    exportHref: (format: string) => `/tilbud/eksport?${withParam("format", format)}`,
    pageHref: (page: number) => {
      const s = page > 1 ? withParam("side", String(page)) : query;
      return s ? `/tilbud?${s}#${resultsId}` : "/tilbud";
    },
    /** The same search with other words, landing at the results. */
    queryHref: (q: string) => `/tilbud?${withParam("q", q)}#${resultsId}`,
  };
}

/**
 * The results heading's id. The search form's action carries it as a fragment (a GET submission keeps the
 * action's fragment, with or without JavaScript), so a search lands at its results instead of at the top of the
 * form again — on a phone the form fills the first screen.
 */
const resultsId = "treff";

/**
 * The search form: React Router's `<Form>` when the page runs in the browser (after a client-side navigation from a
 * hydrated page), else the same `<form>` without it — this page never hydrates (ADR 0022, 0023).
 */
function SearchForm({ serverOnly, label, children }: { serverOnly: boolean; label: string; children: ReactNode }) {
  const props = { action: `/tilbud#${resultsId}`, className: "kp-stack kp-narrow", role: "search", "aria-label": label } as const;
  return serverOnly ? (
    <form method="get" {...props} data-discover="true">
      {children}
    </form>
  ) : (
    <Form method="get" {...props}>
      {children}
    </Form>
  );
}

export default function OfferSearch() {
  const t = useT();
  const { errors, values, result, map, suggestion } = useLoaderData<typeof loader>();
  const filterLabels = useFilterLabels();
  const searching = useNavigation().state === "loading";
  const serverOnly = useServerOnlyPage();
  const { exportHref, pageHref, queryHref } = searchLinks(values);
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.title")}
      </Heading>
      <Paragraph>{t("offers.intro")}</Paragraph>
      <FormErrorSummary errors={errors} labels={{ ...filterLabels, side: t("offers.page") }} />
      <SearchForm serverOnly={serverOnly} label={t("offers.search_label")}>
        <OfferFilterFields values={values} errors={errors} />
        <div className="kp-actions">
          <Button type="submit" aria-disabled={searching || undefined}>
            {t("offers.search")}
          </Button>
          <AppLink to="/tilbud">{t("offers.clear")}</AppLink>
        </div>
      </SearchForm>
      {map ? <ShowOnMapLink values={values} /> : null}

      {result ? (
        <section className="kp-stack" aria-labelledby={resultsId}>
          <Heading level={2} data-size="md" id={resultsId} aria-live="polite">
            {t("offers.count", { count: result.total })}
          </Heading>
          {suggestion ? (
            <Paragraph data-testid="did-you-mean">
              {t("offers.did_you_mean")}{" "}
              <AppLink to={queryHref(suggestion)}>
                <span lang="nb">{suggestion}</span>
              </AppLink>
              ?
            </Paragraph>
          ) : null}
          {result.total === 0 ? <Paragraph>{t("offers.none")}</Paragraph> : null}
          <ul className="kp-list">
            {result.offers.map((o) => (
              <li key={o.id}>
                <Card data-testid="offer">
                  <Heading level={3} data-size="xs">
                    <AppLink to={`/tilbud/${o.id}`}>{listedName(o.name, o.alternateName)}</AppLink>
                  </Heading>
                  <Paragraph data-size="sm">{o.organization}</Paragraph>
                  {o.places.length > 0 ? (
                    <Paragraph data-size="sm">
                      {t("offers.where")} {o.places.join(", ")}
                      {o.morePlaces > 0 ? ` ${t("offers.and_more", { count: o.morePlaces })}` : ""}
                    </Paragraph>
                  ) : null}
                  <div className="kp-actions">
                    {o.kind ? (
                      <Tag data-color="neutral" data-size="sm">
                        {t(`offers.kind.${o.kind}` as MessageKey)}
                      </Tag>
                    ) : null}
                    {o.noReferral ? (
                      <Tag data-color="success" data-size="sm">
                        {t("offers.no_referral")}
                      </Tag>
                    ) : null}
                  </div>
                  <Paragraph data-size="xs" className="kp-muted">
                    {o.assuredDate ? t("offers.checked", { date: t.date(o.assuredDate) }) : t("offers.not_checked")}
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
          {result.total > 0 ? (
            <Paragraph data-size="sm">
              {t("offers.download")}{" "}
              {(["csv", "json", "ndjson"] as const).map((format, i) => (
                <span key={format}>
                  {i > 0 ? " · " : ""}
                  <Link href={exportHref(format)} download>
                    {format.toUpperCase()}
                  </Link>
                </span>
              ))}
            </Paragraph>
          ) : null}
          {result.pages > 1 ? (
            <nav aria-label={t("offers.pages")} className="kp-actions">
              {result.page > 1 ? <AppLink to={pageHref(result.page - 1)}>{t("offers.previous")}</AppLink> : null}
              <span>{t("offers.page_of", { page: result.page, pages: result.pages })}</span>
              {result.page < result.pages ? <AppLink to={pageHref(result.page + 1)}>{t("offers.next")}</AppLink> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
