import { redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/conversation";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { invalid, notFound } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { findCard } from "../content/content";
import { cardAnswerForm, maxAnswer } from "../toolkit.forms";
import { myEntry, saveIfChanged } from "../toolkit.server";
import { blankAsEmpty, cardAnswerKey } from "../toolkit";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

/**
 * Samtalemodus: participant and peer worker at one screen. Large text, one question at a time; what the
 * participant chooses to write is saved to the participant's own toolkit (the logged-in person's).
 */
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.conversation.title");

function questionIndex(request: Request, count: number) {
  const n = Number(new URL(request.url).searchParams.get("sporsmal") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= count ? n : 1;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const card = findCard(params.cardId) ?? notFound();
  const n = questionIndex(request, card.questions.length);
  const q = card.questions[n - 1]!;
  const entry = await myEntry<{ text: string; chime: string[] }>(toolkitStore(context), user.actor, "cards", `${card.id}:${q.id}`);
  return {
    cardId: card.id,
    cardTitle: card.content[lang].title,
    n,
    count: card.questions.length,
    question: { id: q.id, text: q.text[lang] },
    answer: entry
      ? {
          text: entry.body.text,
          chime: entry.body.chime,
          revision: entry.revision,
        }
      : null,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const card = findCard(params.cardId) ?? notFound();
  const n = questionIndex(request, card.questions.length);
  const next = n < card.questions.length ? `/verktoy/kort/${card.id}/samtale?sporsmal=${n + 1}` : `/verktoy/kort/${card.id}?samtale=ferdig`;
  if (formData.get("go") === "skip") return redirect(next);
  if (formData.get("go") === "back") return redirect(`/verktoy/kort/${card.id}/samtale?sporsmal=${Math.max(1, n - 1)}`);
  const parsed = parseForm(cardAnswerForm, formData, ["chime"]);
  if (!parsed.ok) return invalid(parsed);
  const q = card.questions.find((x) => x.id === parsed.data.question) ?? notFound();
  // An answer of only spaces is no answer, and an unchanged one gets no new version (issue 11, item 14).
  const saved = await saveIfChanged(toolkitStore(context), user.actor, {
    tool: "cards",
    ref: `${card.id}:${q.id}`,
    body: { text: blankAsEmpty(parsed.data.text), chime: parsed.data.chime },
    baseRevision: parsed.data.baseRevision,
    force: Boolean(parsed.data.force),
    started: null,
    key: cardAnswerKey,
    empty: (b) => b.text === "",
  });
  if (saved.status === "conflict")
    return {
      conflict: true as const,
      mine: parsed.data.text,
      revision: saved.conflict?.revision ?? null,
      theirs: saved.conflict ? (saved.conflict.body as { text: string }).text : null,
    };
  return redirect(next);
}

export default function Conversation() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values } = useFormState(result);
  const conflict = result && "conflict" in result ? result : undefined;
  return (
    <div className="kp-stack kp-conversation">
      <Paragraph data-size="lg">
        {d.cardTitle} · {t("toolkit.conversation.progress", { n: d.n, count: d.count })}
      </Paragraph>
      <Heading level={1} data-size="xl" id="question">
        {d.question.text}
      </Heading>
      {conflict ? (
        <ConflictNotice theirs={conflict.theirs} />
      ) : null}
      <FormErrorSummary errors={errors} labels={{ text: t("toolkit.card.answer") }} />
      <form method="post" action={`?sporsmal=${d.n}`} className="kp-stack" noValidate>
        <CsrfField />
        <input type="hidden" name="question" value={d.question.id} />
        <input type="hidden" name="baseRevision" value={conflict ? (conflict.revision ?? "") : (d.answer?.revision ?? "")} />
        {conflict ? <input type="hidden" name="force" value="1" /> : null}
        {(d.answer?.chime ?? []).map((c) => (
          <input key={c} type="hidden" name="chime" value={c} />
        ))}
        <TextField
          name="text"
          multiline
          label={t("toolkit.conversation.answer")}
          description={t("toolkit.conversation.answer_help")}
          defaultValue={conflict?.mine ?? values.text ?? d.answer?.text ?? ""}
          maxLength={maxAnswer}
          error={errors.text}
          markOptional={false}
        />
        <div className="kp-actions">
          <Button type="submit" name="go" value="save" data-size="lg">
            {d.n < d.count ? t("toolkit.conversation.save_next") : t("toolkit.conversation.save_finish")}
          </Button>
          <Button type="submit" name="go" value="skip" variant="secondary" data-size="lg">
            {t("toolkit.conversation.skip")}
          </Button>
          {d.n > 1 ? (
            <Button type="submit" name="go" value="back" variant="tertiary" data-size="lg">
              {t("toolkit.conversation.back")}
            </Button>
          ) : null}
        </div>
      </form>
      <Paragraph>
        <Link href={`/verktoy/kort/${d.cardId}`}>{t("toolkit.conversation.end")}</Link>
      </Paragraph>
    </div>
  );
}
