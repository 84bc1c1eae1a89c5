import { useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Details, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Flash , ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/card";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { invalid, notFound } from "~/lib/route-helpers.server";
import { CheckboxGroup, CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { chimeAreas, type ChimeArea } from "../content/types";
import { findCard } from "../content/content";
import { cardAnswerForm, maxAnswer } from "../toolkit.forms";
import { deleteEntry, entryHistory, myEntries, saveEntry } from "../toolkit.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";
import { redirect } from "react-router";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.card.title");

type Answer = { text: string; chime: ChimeArea[] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const card = findCard(params.cardId) ?? notFound();
  const store = toolkitStore();
  const entries = (await myEntries(store, user.actor, ["cards"])).filter((e) => e.ref.startsWith(`${card.id}:`));
  const questions = [];
  for (const q of card.questions) {
    const entry = entries.find((e) => e.ref === `${card.id}:${q.id}`);
    const history = entry ? await entryHistory(store, user.actor, entry.id) : [];
    questions.push({
      id: q.id,
      text: q.text[lang],
      answer: entry
        ? {
            entryId: entry.id,
            revision: entry.revision,
            updatedAt: entry.updatedAt.toISOString(),
            ...(entry.body as Answer),
          }
        : null,
      history: history.map((h) => ({
        savedAt: h.savedAt.toISOString(),
        text: (h.body as Answer).text,
      })),
    });
  }
  return {
    id: card.id,
    title: card.content[lang].title,
    text: card.content[lang].text,
    suggested: card.chime,
    questions,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const card = findCard(params.cardId) ?? notFound();
  const store = toolkitStore();
  if (formData.get("intent") === "delete") {
    await deleteEntry(store, user.actor, String(formData.get("entryId") ?? ""));
    return redirect(`/verktoy/kort/${card.id}?slettet=1`);
  }
  const parsed = parseForm(cardAnswerForm, formData, ["chime"]);
  if (!parsed.ok)
    return invalid({
      ...parsed,
      question: String(formData.get("question") ?? ""),
    } as typeof parsed);
  const question = card.questions.find((q) => q.id === parsed.data.question) ?? notFound();
  const saved = await saveEntry(store, user.actor, {
    tool: "cards",
    ref: `${card.id}:${question.id}`,
    body: { text: parsed.data.text, chime: parsed.data.chime },
    baseRevision: parsed.data.baseRevision,
    force: Boolean(parsed.data.force),
  });
  if (!saved.ok) {
    // Someone saved this answer in another tab meanwhile: keep what this person typed, show both.
    const theirs = saved.conflict;
    return {
      ok: false as const,
      conflict: true as const,
      question: question.id,
      mine: parsed.data.text,
      mineChime: parsed.data.chime,
      theirs: theirs
        ? {
            text: (theirs.body as Answer).text,
            revision: theirs.revision,
            updatedAt: theirs.updatedAt.toISOString(),
          }
        : null,
    };
  }
  return redirect(`/verktoy/kort/${card.id}?lagret=${question.id}#${question.id}`);
}

export default function CardPage() {
  const t = useT();
  const card = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = result && "errors" in result ? (result as unknown as { question: string }) : undefined;
  const { errors, values } = useFormState(result);
  const conflict = result && "conflict" in result ? result : undefined;
  const chimeOptions = chimeAreas.map((a) => ({
    value: a,
    label: t(`toolkit.chime.${a}` as MessageKey),
  }));
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {card.title}
      </Heading>
      <Paragraph>{card.text}</Paragraph>
      <Paragraph data-size="sm">
        <Link href={`/verktoy/kort/${card.id}/samtale`}>{t("toolkit.conversation.start")}</Link>
      </Paragraph>
      <Flash param="samtale">{t("toolkit.conversation.done")}</Flash>
      <Flash param="slettet">{t("toolkit.card.deleted")}</Flash>
      <Paragraph className="kp-muted">{t("toolkit.card.skip_any")}</Paragraph>
      {card.questions.map((q) => {
        const prefix = q.id;
        const mine = failed?.question === q.id ? values : conflict?.question === q.id ? { text: conflict.mine } : undefined;
        const justSaved = params.get("lagret") === q.id;
        return (
          <section key={q.id} id={q.id} className="kp-stack kp-question" aria-labelledby={`${prefix}-heading`}>
            <Heading level={2} data-size="sm" id={`${prefix}-heading`}>
              {q.text}
            </Heading>
            {justSaved ? (
              <Alert data-color="success" role="status">
                <Paragraph>{t("toolkit.card.saved")}</Paragraph>
              </Alert>
            ) : null}
            {conflict?.question === q.id ? (
              <ConflictNotice headingLevel={3} theirs={conflict.theirs?.text} savedAt={conflict.theirs?.updatedAt} />
            ) : null}
            {failed?.question === q.id ? <FormErrorSummary errors={errors} labels={{ text: t("toolkit.card.answer") }} idPrefix={prefix} /> : null}
            <form method="post" className="kp-stack" noValidate>
              <CsrfField />
              <input type="hidden" name="question" value={q.id} />
              <input type="hidden" name="baseRevision" value={conflict?.question === q.id && conflict.theirs ? conflict.theirs.revision : (q.answer?.revision ?? "")} />
              {conflict?.question === q.id ? <input type="hidden" name="force" value="1" /> : null}
              <TextField
                name="text"
                multiline
                idPrefix={prefix}
                label={t("toolkit.card.answer")}
                description={
                  q.answer
                    ? t("toolkit.card.last_saved", {
                        when: t.date(q.answer.updatedAt, "datetime"),
                      })
                    : undefined
                }
                defaultValue={mine?.text ?? q.answer?.text ?? ""}
                maxLength={maxAnswer}
                error={failed?.question === q.id ? errors.text : undefined}
                markOptional={false}
              />
              <Details>
                <Details.Summary>{t("toolkit.card.chime")}</Details.Summary>
                <Details.Content>
                  <CheckboxGroup
                    name="chime"
                    idPrefix={prefix}
                    legend={t("toolkit.card.chime_legend")}
                    options={chimeOptions}
                    selected={conflict?.question === q.id ? conflict.mineChime : (q.answer?.chime ?? [])}
                  />
                </Details.Content>
              </Details>
              <div className="kp-actions">
                <Button type="submit">{conflict?.question === q.id ? t("toolkit.conflict.keep_mine") : t("toolkit.card.save")}</Button>
              </div>
            </form>
            {q.answer ? (
              <form method="post" className="kp-inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="entryId" value={q.answer.entryId} />
                <Button type="submit" variant="tertiary" data-size="sm" data-color="danger">
                  {t("toolkit.card.delete")}
                </Button>
              </form>
            ) : null}
            {q.history.length > 0 ? (
              <Details>
                <Details.Summary>{t("toolkit.card.history", { count: q.history.length })}</Details.Summary>
                <Details.Content>
                  <ol className="kp-stack">
                    {q.history.map((h) => (
                      <li key={h.savedAt}>
                        <Paragraph data-size="sm" className="kp-muted">
                          {t.date(h.savedAt, "datetime")}
                        </Paragraph>
                        <Paragraph className="kp-answer">{h.text || t("toolkit.card.empty")}</Paragraph>
                      </li>
                    ))}
                  </ol>
                </Details.Content>
              </Details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
