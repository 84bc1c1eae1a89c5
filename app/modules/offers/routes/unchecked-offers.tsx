import { useLoaderData, useSearchParams } from "react-router";
import { Alert, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/unchecked-offers";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { uncheckedOffers } from "../manage.server";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.unchecked.title");

/** Offers of my centres not checked in the last 12 months. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  return { offers: await guard(() => uncheckedOffers(getServices().db, user.actor)) };
}

export default function UncheckedOffers() {
  const t = useT();
  const { offers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("offers.unchecked.title")}
      </Heading>
      {params.get("arkivert") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("offers.unchecked.archived")}</Paragraph>
        </Alert>
      ) : null}
      <div className="kp-actions" data-testid="coordinator-tools">
        <AppLink to="/tilbud/ny">{t("offers.new.link")}</AppLink>
        <AppLink to="/tilbud/import">{t("offers.import.link")}</AppLink>
      </div>
      <Paragraph>{t("offers.unchecked.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/tilbud/organisasjoner">{t("offers.org.list_title")}</AppLink>
      </Paragraph>
      {offers.length === 0 ? <Paragraph>{t("offers.unchecked.none")}</Paragraph> : null}
      <List.Unordered>
        {offers.map((o) => (
          <List.Item key={o.id}>
            <AppLink to={`/tilbud/${o.id}`}>{o.alternateName && o.name === "Fontenehus" ? o.alternateName : o.name}</AppLink> ({o.organization}) –{" "}
            {o.assuredDate ? t("offers.checked", { date: t.date(o.assuredDate) }) : t("offers.not_checked")}
          </List.Item>
        ))}
      </List.Unordered>
    </div>
  );
}
