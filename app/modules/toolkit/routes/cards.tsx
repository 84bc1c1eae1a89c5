import { useLoaderData } from "react-router";
import { Card, Heading, Link, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/cards";
import { getRequestState, requireUser } from "~/lib/request.server";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { myEntries } from "../toolkit.server";
import { toolkitStore } from "../toolkit-route.server";
import { cards } from "../content/content";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.cards.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const answers = await myEntries(toolkitStore(context), user.actor, ["cards"]);
  return {
    cards: cards.map((c) => ({
      id: c.id,
      title: c.content[lang].title,
      optional: Boolean(c.optional),
      explainer: c.kind === "explainer",
      questions: c.questions.length,
      answered: answers.filter((a) => a.ref.startsWith(`${c.id}:`) && (a.body as { text: string }).text.trim() !== "").length,
    })),
  };
}

export default function Cards() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.cards.title")}
      </Heading>
      <Paragraph>{t("toolkit.cards.intro")}</Paragraph>
      <ul className="kp-grid">
        {data.cards.map((c) => (
          <li key={c.id}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <Link href={`/verktoy/kort/${c.id}`}>{c.title}</Link>
              </Heading>
              <Paragraph data-size="sm">
                {t("toolkit.cards.answered", {
                  answered: c.answered,
                  count: c.questions,
                })}
              </Paragraph>
              <div className="kp-actions">
                {c.explainer ? <Tag data-color="info">{t("toolkit.cards.explainer")}</Tag> : null}
                {c.optional ? <Tag data-color="neutral">{t("toolkit.cards.optional")}</Tag> : null}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
