import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Details, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Flash, ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/card";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues } from "~/lib/forms";
import { notFound } from "~/lib/route-helpers.server";
import { CheckboxGroup, CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { chimeAreas, type ChimeArea } from "../content/types";
import { findCard } from "../content/content";
import { maxAnswer } from "../toolkit.forms";
import { bodyDigest, deleteEntry, entryHistory, myEntries, myEntriesWithHistory, saveIfChanged } from "../toolkit.server";
import { blankAsEmpty, cardAnswerKey, parseIntent } from "../toolkit";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.card.title");

/** How many earlier versions of each answer the page shows; the rest behind a link (the page does not grow with every save). */
const recentVersions = 3;

type Answer = { text: string; chime: ChimeArea[] };

/**
 * One form for the whole card (issue 11, item 2): every question's answer travels with every button, and
 * "Lagre svarene" saves each answer the person changed — an unchanged one gets no new version. Deleting an
 * answer asks first, in the same form, so nothing typed elsewhere on the page is lost on the way.
 * Field names per question: `<q>` (the text), `chime-<q>`, `rev-<q>` (the revision shown), `was-<q>` (a
 * digest of the answer shown) and `force-<q>` (keep mine after a conflict).
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const card = findCard(params.cardId) ?? notFound();
  const store = toolkitStore(context);
  // Each answer with its latest earlier versions, in one statement; `?historikk=<question>` shows all of one.
  const whole = new URL(request.url).searchParams.get("historikk");
  const entries = await myEntriesWithHistory(
    store,
    user.actor,
    "cards",
    card.questions.map((q) => `${card.id}:${q.id}`),
    recentVersions,
  );
  const questions = [];
  for (const q of card.questions) {
    const entry = entries.find((e) => e.ref === `${card.id}:${q.id}`);
    const history = entry && whole === q.id && entry.versions > entry.history.length ? await entryHistory(store, user.actor, entry.id) : (entry?.history ?? []);
    const body = entry ? (entry.body as Answer) : null;
    questions.push({
      id: q.id,
      text: q.text[lang],
      answer:
        entry && body
          ? {
              revision: entry.revision,
              updatedAt: entry.updatedAt.toISOString(),
              ...body,
            }
          : null,
      shown: bodyDigest(cardAnswerKey(body ?? { text: "", chime: [] })),
      history: history.map((h) => ({
        savedAt: h.savedAt.toISOString(),
        text: (h.body as Answer).text,
      })),
      versions: entry?.versions ?? 0,
      wholeHistory: whole === q.id,
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

type Theirs = { text: string; revision: number; updatedAt: string } | null;
type Draft = { text: string; chime: ChimeArea[]; rev: number | null; was: string | null };

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const card = findCard(params.cardId) ?? notFound();
  const store = toolkitStore(context);
  const { kind, target } = parseIntent(formData.get("intent"));
  const named = card.questions.some((q) => q.id === target) ? target : null;
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : null;
  };
  // Every answer as typed; too long is refused for the whole page, with everything typed kept.
  const typed = card.questions.map((q) => {
    const raw = field(q.id);
    const chime = formData.getAll(`chime-${q.id}`).filter((c): c is ChimeArea => typeof c === "string" && (chimeAreas as readonly string[]).includes(c));
    const rev = Number(field(`rev-${q.id}`) ?? "");
    return {
      id: q.id,
      present: raw !== null,
      body: { text: blankAsEmpty(raw ?? ""), chime: [...new Set(chime)].slice(0, 5) } satisfies Answer,
      baseRevision: Number.isInteger(rev) && rev >= 1 ? rev : null,
      started: field(`was-${q.id}`),
      force: field(`force-${q.id}`) === "1",
    };
  });
  const errors: Record<string, MessageKey> = {};
  for (const a of typed) if (a.body.text.length > maxAnswer) errors[a.id] = "error.too_long";
  // What the form held per question, to show it again when the page stays (never for a saved answer).
  const drafts: Record<string, Draft> = Object.fromEntries(
    typed.map((a) => [a.id, { text: (field(a.id) ?? "").slice(0, 100_000), chime: a.body.chime, rev: a.baseRevision, was: a.started }]),
  );
  if (Object.keys(errors).length) return data({ ok: false as const, errors, values: formValues(formData), drafts }, { status: 400 });

  const asking = kind === "ask-delete" && named ? named : null;
  let deleted: string | null = null;
  if (kind === "delete" && named) {
    const entry = (await myEntries(store, user.actor, ["cards"])).find((e) => e.ref === `${card.id}:${named}`);
    if (entry) await deleteEntry(store, user.actor, entry.id);
    deleted = named;
  }
  // Save every answer the person changed, except the one being deleted (or asked about).
  const saved: string[] = [];
  const conflicts: Record<string, { mine: Answer; theirs: Theirs }> = {};
  let empty = false;
  for (const a of typed) {
    if (!a.present || a.id === asking || a.id === deleted) continue;
    const result = await saveIfChanged(store, user.actor, {
      tool: "cards",
      ref: `${card.id}:${a.id}`,
      body: a.body,
      baseRevision: a.baseRevision,
      force: a.force,
      started: a.started,
      key: cardAnswerKey,
      empty: (b) => b.text === "",
    });
    if (result.status === "saved") saved.push(a.id);
    if (result.status === "conflict") {
      const theirs = result.conflict;
      conflicts[a.id] = {
        mine: a.body,
        theirs: theirs ? { text: (theirs.body as Answer).text, revision: theirs.revision, updatedAt: theirs.updatedAt.toISOString() } : null,
      };
    }
    // "Lagre" under a question with only spaces in it, and nothing saved: say why (issue 11, item 14).
    if (a.id === named && kind === "save" && result.status === "unchanged" && a.body.text === "" && (field(a.id) ?? "") !== "") empty = true;
  }
  const conflicted = Object.keys(conflicts);
  if (asking || conflicted.length || (empty && saved.length === 0)) {
    // Stay on the page with what was typed: the question to confirm, the answers to resolve.
    return {
      ok: true as const,
      drafts,
      confirm: asking,
      conflicts,
      saved,
      deleted,
      empty: empty && saved.length === 0 ? named : null,
    };
  }
  const query = new URLSearchParams();
  if (saved.length) query.set("lagret", saved.join("."));
  if (deleted) query.set("slettet", deleted);
  if (!saved.length && !deleted && kind === "save") query.set("uendret", named ?? "1");
  const anchor = named && (saved.includes(named) || !saved.length) ? named : saved[0];
  return redirect(`/verktoy/kort/${card.id}${query.size ? `?${query}` : ""}${anchor ? `#${anchor}` : ""}`);
}

export default function CardPage() {
  const t = useT();
  const card = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : {};
  const stay = result?.ok ? result : undefined;
  const savedNow = new Set(stay?.saved ?? params.get("lagret")?.split(".") ?? []);
  const deletedNow = stay?.deleted ?? params.get("slettet");
  const unchanged = params.get("uendret");
  const chimeOptions = chimeAreas.map((a) => ({
    value: a,
    label: t(`toolkit.chime.${a}` as MessageKey),
  }));
  const labels = Object.fromEntries(card.questions.map((q, i) => [q.id, t("toolkit.card.answer_n", { n: i + 1 })]));
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
      <Paragraph className="kp-muted">{t("toolkit.card.skip_any")}</Paragraph>
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <FormErrorSummary errors={errors} labels={labels} idPrefix="answer" />
        {card.questions.map((q) => {
          const conflict = stay?.conflicts[q.id];
          // What the person typed comes back when the page stays on it: after an error (nothing was saved), for an
          // answer in conflict, and for the answer they are asked about deleting. With it, what the form started
          // from (revision, digest), so the next save treats it exactly as the first would have.
          const own = result && (!result.ok || conflict !== undefined || stay?.confirm === q.id) ? result.drafts[q.id] : undefined;
          const text = own ? own.text : (q.answer?.text ?? "");
          const chime = own ? own.chime : (q.answer?.chime ?? []);
          const rev = conflict ? (conflict.theirs?.revision ?? "") : own ? (own.rev ?? "") : (q.answer?.revision ?? "");
          const was = own?.was ?? q.shown;
          const confirming = stay?.confirm === q.id && q.answer;
          return (
            <section key={q.id} id={q.id} className="kp-stack kp-question" aria-labelledby={`${q.id}-heading`}>
              <Heading level={2} data-size="sm" id={`${q.id}-heading`}>
                {q.text}
              </Heading>
              {savedNow.has(q.id) && !conflict ? (
                <Alert data-color="success" role="status">
                  <Paragraph>{t("toolkit.card.saved")}</Paragraph>
                </Alert>
              ) : null}
              {deletedNow === q.id && !q.answer ? (
                <Alert data-color="success" role="status">
                  <Paragraph>{t("toolkit.card.deleted")}</Paragraph>
                </Alert>
              ) : null}
              {unchanged === q.id ? (
                <Alert data-color="info" role="status">
                  <Paragraph>{t("toolkit.card.unchanged")}</Paragraph>
                </Alert>
              ) : null}
              {stay?.empty === q.id ? (
                <Alert data-color="warning" role="status">
                  <Paragraph>{t("toolkit.card.empty_not_saved")}</Paragraph>
                </Alert>
              ) : null}
              {conflict ? <ConflictNotice headingLevel={3} theirs={conflict.theirs?.text} savedAt={conflict.theirs?.updatedAt} /> : null}
              <input type="hidden" name={`rev-${q.id}`} value={rev} />
              <input type="hidden" name={`was-${q.id}`} value={was} />
              {conflict ? <input type="hidden" name={`force-${q.id}`} value="1" /> : null}
              <TextField
                name={q.id}
                multiline
                idPrefix="answer"
                label={t("toolkit.card.answer")}
                description={
                  q.answer
                    ? t("toolkit.card.last_saved", {
                        when: t.date(q.answer.updatedAt, "datetime"),
                      })
                    : undefined
                }
                defaultValue={text}
                maxLength={maxAnswer}
                error={errors[q.id]}
                markOptional={false}
              />
              <Details>
                <Details.Summary>{t("toolkit.card.chime")}</Details.Summary>
                <Details.Content>
                  <CheckboxGroup name={`chime-${q.id}`} idPrefix="answer" legend={t("toolkit.card.chime_legend")} options={chimeOptions} selected={chime} />
                </Details.Content>
              </Details>
              <div className="kp-actions">
                <Button type="submit" name="intent" value={`save:${q.id}`}>
                  {conflict ? t("toolkit.conflict.keep_mine") : t("toolkit.card.save_all")}
                </Button>
              </div>
              {q.versions > 0 ? (
                <Details id={`${q.id}-historikk`} defaultOpen={q.wholeHistory}>
                  <Details.Summary>{t("toolkit.card.history", { count: q.versions })}</Details.Summary>
                  <Details.Content>
                    {q.versions > q.history.length ? <Paragraph data-size="sm">{t("toolkit.card.history_recent", { n: q.history.length })}</Paragraph> : null}
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
                    {q.versions > q.history.length ? (
                      <Paragraph data-size="sm">
                        <Link href={`/verktoy/kort/${card.id}?historikk=${q.id}#${q.id}-historikk`}>{t("toolkit.card.history_all", { n: q.versions })}</Link>
                      </Paragraph>
                    ) : null}
                  </Details.Content>
                </Details>
              ) : null}
              {confirming ? (
                <div className="kp-delete-zone kp-stack" role="group" aria-labelledby={`${q.id}-confirm`} tabIndex={-1} autoFocus data-testid="confirm-delete">
                  <Alert data-color="warning">
                    <Heading level={3} data-size="xs" id={`${q.id}-confirm`}>
                      {q.versions ? t("toolkit.card.confirm_delete", { count: q.versions }) : t("toolkit.card.confirm_delete_only")}
                    </Heading>
                    <Paragraph>{t("toolkit.confirm.cannot_undo")}</Paragraph>
                  </Alert>
                  <div className="kp-actions">
                    <Button type="submit" name="intent" value={`delete:${q.id}`} data-color="danger">
                      {t("toolkit.card.delete_confirm")}
                    </Button>
                    <Button type="submit" name="intent" value={`cancel:${q.id}`} variant="secondary">
                      {t("toolkit.confirm.cancel")}
                    </Button>
                  </div>
                </div>
              ) : q.answer ? (
                <div className="kp-delete-zone">
                  <Button type="submit" name="intent" value={`ask-delete:${q.id}`} variant="tertiary" data-size="sm" data-color="danger">
                    {t("toolkit.card.delete")}
                  </Button>
                </div>
              ) : null}
            </section>
          );
        })}
      </form>
    </div>
  );
}
