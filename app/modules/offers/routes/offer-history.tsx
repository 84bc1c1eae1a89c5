import { useLoaderData } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer-history";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { offerHistory } from "../manage.server";
import { getOfferPage } from "../offer-page.server";
import { AppLink } from "~/components/app-link";
import { ChangeLogTable, fieldLabel } from "../components/change-log-table";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.history.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const history = await guard(() => offerHistory(db, user.actor, params.offerId));
  const offer = await getOfferPage(db, params.offerId, undefined, { includeArchived: true });
  return { id: params.offerId, name: offer?.service.name ?? "", history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
}

export default function OfferHistory() {
  const t = useT();
  const { id, name, history } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.history.title")}
      </Heading>
      <Paragraph>
        {name ? <AppLink to={`/tilbud/${id}`}>{name}</AppLink> : null}
      </Paragraph>
      {/* An import writes one row per offer: which file it came from. */}
      <ChangeLogTable rows={history} testId="offer-history" field={(h) => (h.action === "import" ? t("offers.import.history") : fieldLabel(t, h.field))} />
    </div>
  );
}
