import { Link, useLoaderData } from "react-router";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/organizations";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { listEditableOrganizations } from "../organizations.server";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.org.list_title");

/** The organisations of my centres (all for administrators), active ones first. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const organizations = await guard(() => listEditableOrganizations(getServices().db, user.actor));
  // The centre is shown when the list can hold more than one centre's organisations.
  const manyCentres = user.actor.isAdmin || new Set(user.actor.memberships.map((m) => m.centreId)).size > 1;
  return { organizations, manyCentres };
}

export default function Organizations() {
  const t = useT();
  const { organizations, manyCentres } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.org.list_title")}
      </Heading>
      <Paragraph>{t("offers.org.list_intro")}</Paragraph>
      <div className="kp-actions">
        <Button asChild variant="secondary">
          <Link to="/tilbud/organisasjoner/ny">{t("offers.org.new_title")}</Link>
        </Button>
      </div>
      {organizations.length === 0 ? (
        <Paragraph>{t("offers.org.none")}</Paragraph>
      ) : (
        <div>
          <ul className="kp-list" data-testid="organizations">
            {organizations.map((o) => (
              <li key={o.id} className="kp-member" data-testid="organization">
                <div className="kp-actions">
                  <AppLink to={`/tilbud/organisasjoner/${o.id}`}>
                    <span lang="nb">{o.name}</span>
                  </AppLink>
                  {o.archived ? <Tag data-color="warning">{t("offers.org.archived_tag")}</Tag> : null}
                </div>
                {o.alternateName ? (
                  <Paragraph data-size="sm" lang="nb">
                    {o.alternateName}
                  </Paragraph>
                ) : null}
                <Paragraph data-size="sm" className="kp-muted">
                  {manyCentres ? `${o.centre ?? t("offers.org.network")} · ` : null}
                  {t("offers.org.offers", { count: o.activeOffers })}
                </Paragraph>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
