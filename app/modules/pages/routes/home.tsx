import { Link, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/home";
import { getRequestState } from "~/lib/request.server";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import type { MessageKey } from "~/i18n/i18n";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "home.title");

export function loader({ context }: Route.LoaderArgs) {
  return { loggedIn: Boolean(getRequestState(context).user) };
}

/**
 * What exists now (with a link) and what is coming (said plainly, without one). The toolkit's pages run
 * without React on the client, so its link loads the whole page.
 */
const available: { key: string; title: MessageKey; body: MessageKey; to: string; reload?: boolean }[] = [
  { key: "toolkit", title: "home.module.toolkit.title", body: "home.module.toolkit.body", to: "/verktoy", reload: true },
  { key: "offers", title: "home.module.offers.title", body: "home.module.offers.body", to: "/tilbud" },
];

const coming: { key: string; title: MessageKey; body: MessageKey }[] = [
  { key: "evaluation", title: "home.module.evaluation.title", body: "home.module.evaluation.body" },
  { key: "activities", title: "home.module.activities.title", body: "home.module.activities.body" },
  { key: "knowledge", title: "home.module.knowledge.title", body: "home.module.knowledge.body" },
];

export default function Home() {
  const t = useT();
  const { loggedIn } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="kp-stack">
      {params.get("utlogget") ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t("home.logged_out")}</Paragraph>
        </Alert>
      ) : null}
      {params.get("slettet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("home.deleted")}</Paragraph>
        </Alert>
      ) : null}
      <Heading level={1} data-size="xl">
        {t("home.heading")}
      </Heading>
      <Paragraph data-size="lg">{t("home.lead")}</Paragraph>
      <Paragraph>{t("home.recovery")}</Paragraph>
      <Paragraph>{t("home.owner")}</Paragraph>
      {!loggedIn ? (
        <div className="kp-actions">
          <Button asChild>
            <Link to="/registrer">{t("home.create_account")}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link to="/logg-inn">{t("shell.log_in")}</Link>
          </Button>
        </div>
      ) : (
        <Paragraph>
          <AppLink to="/min-side">{t("home.to_my_page")}</AppLink>
        </Paragraph>
      )}
      <Heading level={2} data-size="md">
        {t("home.modules_title")}
      </Heading>
      <ul className="kp-grid" data-testid="modules-available">
        {available.map((m) => (
          <li key={m.key}>
            <Card>
              <Heading level={3} data-size="xs">
                {m.reload ? <DsLink href={m.to}>{t(m.title)}</DsLink> : <AppLink to={m.to}>{t(m.title)}</AppLink>}
              </Heading>
              <Paragraph data-size="sm">{t(m.body)}</Paragraph>
              {m.key === "toolkit" && !loggedIn ? <Paragraph data-size="sm">{t("home.module.toolkit.login")}</Paragraph> : null}
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={2} data-size="md">
        {t("home.coming_title")}
      </Heading>
      <Paragraph>{t("home.coming_intro")}</Paragraph>
      <ul className="kp-grid" data-testid="modules-coming">
        {coming.map((m) => (
          <li key={m.key}>
            <Card data-color="neutral">
              <Heading level={3} data-size="xs">
                {t(m.title)}
              </Heading>
              <Paragraph data-size="sm">{t(m.body)}</Paragraph>
              <div>
                <Tag data-color="neutral" data-size="sm">
                  {t("home.coming")}
                </Tag>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={2} data-size="md">
        {t("home.centres_title")}
      </Heading>
      <Paragraph>
        {t("home.centres_body")} <AppLink to="/sentre">{t("home.centres_link")}</AppLink>
      </Paragraph>
    </div>
  );
}
