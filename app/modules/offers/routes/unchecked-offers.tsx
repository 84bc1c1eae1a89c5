import { listedName } from "../offers";
import { useLoaderData, useSearchParams } from "react-router";
import { Alert, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/unchecked-offers";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { countEditableOffers, uncheckedOffers } from "../manage.server";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.unchecked.title");

/** Offers of my centres not checked in the last 12 months. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const offers = await guard(() => uncheckedOffers(db, user.actor));
  // "All checked" only when there is something to check: a centre with no offers is told so.
  return { offers, total: offers.length ? null : await countEditableOffers(db, user.actor) };
}

export default function UncheckedOffers() {
  const t = useT();
  const { offers, total } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.unchecked.title")}
      </Heading>
      {params.get("arkivert") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("offers.unchecked.archived")}</Paragraph>
        </Alert>
      ) : null}
      <div className="kp-actions" data-testid="coordinator-tools">
        <AppLink to="/tilbud/mine">{t("offers.mine.title")}</AppLink>
        <AppLink to="/tilbud/ny">{t("offers.new.link")}</AppLink>
        <AppLink to="/tilbud/import">{t("offers.import.link")}</AppLink>
      </div>
      <Paragraph>{t("offers.unchecked.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/tilbud/organisasjoner">{t("offers.org.list_title")}</AppLink>
      </Paragraph>
      {offers.length === 0 ? <Paragraph data-testid="unchecked-none">{total === 0 ? t("offers.unchecked.no_offers") : t("offers.unchecked.none")}</Paragraph> : null}
      {offers.length > 0 ? (
      <List.Unordered>
        {offers.map((o) => (
          <List.Item key={o.id}>
            <AppLink to={`/tilbud/${o.id}`}>{listedName(o.name, o.alternateName)}</AppLink> ({o.organization}) –{" "}
            {o.assuredDate ? t("offers.checked", { date: t.date(o.assuredDate) }) : t("offers.not_checked")}
          </List.Item>
        ))}
      </List.Unordered>
      ) : null}
    </div>
  );
}
