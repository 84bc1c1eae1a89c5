import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/session";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm } from "~/lib/forms";
import { guard, notFound, uuidParams, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, SelectField, TextField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { noteMaxLength, projectCan, quoteMaxLength } from "../evaluations";
import {
  addQuote,
  deleteQuote,
  getSession,
  projectHeader,
  saveNotes,
  sessionFormOptions,
  textDigest,
  updateSession,
  type Finding,
  type NoteOutcome,
} from "../sessions.server";
import { confirmedKinds, quoteSchema, revisionField, sessionSchema } from "../sessions.forms";
import { ProjectNav } from "../components/project-nav";
import { ScreeningFindings } from "../components/screening-findings";
import { SessionFields, sessionFieldLabels } from "../components/session-fields";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.session.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { projectId, sessionId } = uuidParams(params, "projectId", "sessionId");
  const { db } = getServices();
  const { access, session, themes } = await guard(() => getSession(db, user.actor, projectId, sessionId, { requestId: getRequestState(context).requestId }));
  const canWrite = projectCan(access.roles, "session.write");
  const options = canWrite ? await guard(() => sessionFormOptions(db, user.actor, projectId)) : null;
  return {
    project: projectHeader(access),
    canWrite,
    session: { ...session, updatedAt: session.updatedAt.toISOString() },
    sites: options?.sites ?? [],
    interviewers: options?.interviewers ?? [],
    themes: themes.map((th) => ({
      id: th.id,
      title: th.title,
      questions: th.questions,
      note: th.note ? { text: th.note.text, revision: th.note.revision, updatedAt: th.note.updatedAt.toISOString(), digest: textDigest(th.note.text), confirmed: th.note.screeningConfirmed } : null,
      quotes: th.quotes.map((q) => ({ id: q.id, text: q.text })),
    })),
  };
}

/** A refused form (facts, quote): the errors, what was typed, and what the screening found. */
type FieldsResult = { ok: false; intent?: undefined; errors: Record<string, MessageKey>; values: Record<string, string>; formError?: MessageKey; findings?: Finding[] };

type NotesResult = {
  ok: false;
  intent: "notes";
  drafts: Record<string, string>;
  revs: Record<string, string>;
  outcomes: { themeId: string; status: NoteOutcome["status"]; theirs?: { text: string; revision: number; updatedAt: string }; findings?: Finding[] }[];
};

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { projectId, sessionId } = uuidParams(params, "projectId", "sessionId");
  const { db } = getServices();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/evalueringer/${projectId}/intervju/${sessionId}`;

  if (intent === "facts") {
    const values = { ...formValues(formData), interviewers: formData.getAll("interviewers").join(","), intent: "facts" };
    const parsed = parseForm(sessionSchema, formData, ["interviewers"]);
    if (!parsed.ok) return data<FieldsResult>({ ok: false, errors: parsed.errors, values }, { status: 400 });
    const revision = revisionField.parse(formData.get("revision") ?? undefined);
    const result = await guard(() => updateSession(db, user.actor, projectId, sessionId, { ...parsed.data, revision }, { requestId: getRequestState(context).requestId }));
    if (!result.ok && "errors" in result) return data<FieldsResult>({ ok: false, errors: result.errors as Record<string, MessageKey>, values }, { status: 400 });
    if (!result.ok) {
      return data<FieldsResult>({ ok: false, errors: {}, values: { ...values, revision: String(result.conflict.revision) }, formError: "evaluations.session.conflict_facts" }, { status: 409 });
    }
    return redirect(`${here}?lagret=fakta`);
  }

  if (intent === "notes") {
    const themeIds = formData.getAll("theme").filter((v): v is string => typeof v === "string" && uuidPattern.test(v));
    const text = (id: string) => {
      const v = formData.get(`note-${id}`);
      return typeof v === "string" ? v.replace(/\r\n/g, "\n") : "";
    };
    const drafts = themeIds.map((id) => ({
      themeId: id,
      text: text(id),
      revision: revisionField.parse(formData.get(`rev-${id}`) ?? undefined),
      confirmed: confirmedKinds(formData.get(`confirm-${id}`)),
      started: typeof formData.get(`was-${id}`) === "string" ? (formData.get(`was-${id}`) as string) : null,
    }));
    const result = await guard(() => saveNotes(db, user.actor, projectId, sessionId, drafts));
    if (result.ok) return redirect(`${here}?lagret=notater#notater`);
    const conflict = result.outcomes.some((o) => o.status === "conflict");
    const body: NotesResult = {
      ok: false,
      intent: "notes",
      drafts: Object.fromEntries(drafts.map((d) => [d.themeId, d.text.slice(0, 100_000)])),
      revs: Object.fromEntries(drafts.map((d) => [d.themeId, d.revision === null ? "" : String(d.revision)])),
      outcomes: result.outcomes.map((o) => (o.status === "conflict" ? { ...o, theirs: { ...o.theirs, updatedAt: o.theirs.updatedAt.toISOString() } } : o)),
    };
    return data<NotesResult | FieldsResult>(body, { status: conflict && !result.outcomes.some((o) => o.status === "screening" || o.status === "too_long") ? 409 : 400 });
  }

  if (intent === "quote") {
    const values = { ...formValues(formData), intent: "quote" };
    const parsed = parseForm(quoteSchema, formData);
    if (!parsed.ok) return data<FieldsResult>({ ok: false, errors: parsed.errors, values }, { status: 400 });
    const result = await guard(() => addQuote(db, user.actor, projectId, sessionId, { ...parsed.data, confirmed: confirmedKinds(formData.get("confirm-quote")) }));
    if (result.ok) return redirect(`${here}?lagret=sitat#sitater`);
    if ("findings" in result) return data<FieldsResult>({ ok: false, errors: {}, values, findings: result.findings }, { status: 400 });
    return data<FieldsResult>({ ok: false, errors: { themeId: result.error }, values }, { status: 400 });
  }

  if (intent === "delete-quote") {
    const quoteId = formData.get("quoteId");
    if (typeof quoteId !== "string" || !uuidPattern.test(quoteId)) notFound();
    await guard(() => deleteQuote(db, user.actor, projectId, sessionId, quoteId));
    return redirect(`${here}?slettet=sitat#sitater`);
  }
  return data<FieldsResult>({ ok: false, errors: {}, values: {}, formError: "error.invalid" }, { status: 400 });
}

export default function SessionPage() {
  const t = useT();
  const { project, canWrite, session, sites, interviewers, themes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as NotesResult | FieldsResult | undefined;
  const [params] = useSearchParams();
  const saved = params.get("lagret");
  const notes = result?.intent === "notes" ? result : undefined;
  const fields = result && result.intent === undefined ? result : undefined;
  const facts = fields?.values.intent === "facts" ? fields : undefined;
  const quote = fields?.values.intent === "quote" ? fields : undefined;
  const quoteFindings = quote?.findings;
  const outcome = (themeId: string) => notes?.outcomes.find((o) => o.themeId === themeId);
  const base = `/evalueringer/${project.id}`;
  const noteErrors: Record<string, MessageKey> = {};
  for (const o of notes?.outcomes ?? []) {
    if (o.status === "too_long") noteErrors[o.themeId] = "evaluations.session.error.note_too_long";
    if (o.status === "screening") noteErrors[o.themeId] = "evaluations.screening.found_short";
    if (o.status === "conflict") noteErrors[o.themeId] = "evaluations.session.conflict_note";
  }
  const themeLabels = Object.fromEntries(themes.map((th) => [th.id, th.title]));
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.session.heading", { date: t.date(session.heldOn), site: session.siteName })}
      </Heading>
      <Paragraph>
        {t(`evaluations.session.kind.${session.kind}`)} · {t("evaluations.session.participants_n", { count: session.participants })} ·{" "}
        {session.interviewers.map((i) => i.name).join(", ")} · {t("evaluations.session.guide_version", { number: session.guideNumber })}
      </Paragraph>
      <Paragraph data-size="sm">
        <AppLink to={`${base}/intervju`}>{t("evaluations.session.back")}</AppLink> · <AppLink to={`${base}/analyse/${session.id}`}>{t("evaluations.session.to_analysis")}</AppLink>
      </Paragraph>
      {params.get("ny") && !result ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.session.created")}</Paragraph>
        </Alert>
      ) : null}
      {saved === "fakta" || saved === "notater" || saved === "sitat" ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(`evaluations.session.saved_${saved === "fakta" ? "facts" : saved === "notater" ? "notes" : "quote"}`)}</Paragraph>
        </Alert>
      ) : null}
      {params.get("slettet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.session.quote_deleted")}</Paragraph>
        </Alert>
      ) : null}

      <section className="kp-stack" aria-labelledby="notater" id="notater-seksjon">
        <Heading level={2} data-size="md" id="notater">
          {t("evaluations.session.notes_heading")}
        </Heading>
        <Paragraph>{t("evaluations.session.notes_intro", { max: t.number(noteMaxLength) })}</Paragraph>
        {/* Each note's field is named note-<theme id> and given the prefix "note", so its id is note-note-<theme id>. */}
        {notes ? <FormErrorSummary errors={noteErrors} labels={themeLabels} idPrefix="note-note" /> : null}
        {themes.length === 0 ? <Paragraph>{t("evaluations.session.no_themes")}</Paragraph> : null}
        {canWrite && themes.length > 0 ? (
          <Form method="post" className="kp-stack" noValidate>
            <CsrfField />
            {themes.map((th) => {
              const o = outcome(th.id);
              const typed = notes ? notes.drafts[th.id] : undefined;
              const text = typed ?? th.note?.text ?? "";
              const rev = o?.status === "conflict" && o.theirs ? String(o.theirs.revision) : notes ? (notes.revs[th.id] ?? "") : String(th.note?.revision ?? "");
              // The digest of what the form shows, when it shows the stored note: a note left untouched is not saved.
              const was = typed === undefined || o?.status === "unchanged" ? (th.note?.digest ?? "") : "";
              return (
                <section key={th.id} className="kp-stack kp-question" aria-labelledby={`theme-${th.id}`}>
                  <Heading level={3} data-size="sm" id={`theme-${th.id}`}>
                    {th.title}
                  </Heading>
                  {th.questions.length ? (
                    <ul className="kp-muted">
                      {th.questions.map((q, i) => (
                        <li key={i}>{q}</li>
                      ))}
                    </ul>
                  ) : null}
                  <input type="hidden" name="theme" value={th.id} />
                  <input type="hidden" name={`rev-${th.id}`} value={rev} />
                  <input type="hidden" name={`was-${th.id}`} value={was} />
                  {o?.status === "conflict" && o.theirs ? (
                    <Alert data-color="warning" role="alert">
                      <Heading level={4} data-size="xs">
                        {t("evaluations.session.conflict_title")}
                      </Heading>
                      <Paragraph>{t("evaluations.session.conflict_body", { when: t.date(o.theirs.updatedAt, "datetime") })}</Paragraph>
                      <Paragraph className="kp-answer" data-testid="conflict-theirs">
                        {o.theirs.text}
                      </Paragraph>
                    </Alert>
                  ) : null}
                  {o?.status === "screening" && o.findings ? (
                    <ScreeningFindings text={text} findings={o.findings} confirmName={`confirm-${th.id}`} id={`screening-${th.id}`} headingLevel={4} />
                  ) : null}
                  <TextField
                    name={`note-${th.id}`}
                    idPrefix="note"
                    multiline
                    label={t("evaluations.session.note_label", { theme: th.title })}
                    description={
                      th.note
                        ? t("evaluations.session.note_saved_at", { when: t.date(th.note.updatedAt, "datetime"), max: t.number(noteMaxLength) })
                        : t("evaluations.session.note_limit", { max: t.number(noteMaxLength) })
                    }
                    defaultValue={text}
                    error={noteErrors[th.id]}
                    markOptional={false}
                  />
                </section>
              );
            })}
            <div className="kp-actions">
              <Button type="submit" name="intent" value="notes">
                {t("evaluations.session.save_notes")}
              </Button>
            </div>
          </Form>
        ) : null}
      </section>

      <section className="kp-stack" aria-labelledby="sitater">
        <Heading level={2} data-size="md" id="sitater">
          {t("evaluations.session.quotes_heading")}
        </Heading>
        <Paragraph>{t("evaluations.session.quotes_intro")}</Paragraph>
        {themes.some((th) => th.quotes.length) ? (
          themes
            .filter((th) => th.quotes.length)
            .map((th) => (
              <div key={th.id} className="kp-stack">
                <Heading level={3} data-size="xs">
                  {th.title}
                </Heading>
                <ul className="kp-stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                  {th.quotes.map((q) => (
                    <li key={q.id}>
                      <blockquote className="kp-answer">«{q.text}»</blockquote>
                      {canWrite ? (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="quoteId" value={q.id} />
                          <Button type="submit" name="intent" value="delete-quote" variant="tertiary" data-color="danger" data-size="sm">
                            {t("evaluations.session.delete_quote")}
                          </Button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))
        ) : (
          <Paragraph>{t("evaluations.session.no_quotes")}</Paragraph>
        )}
        {canWrite && themes.length > 0 ? (
          <Form method="post" className="kp-stack kp-narrow" noValidate>
            <CsrfField />
            <Heading level={3} data-size="xs">
              {t("evaluations.session.add_quote")}
            </Heading>
            {quote && !quoteFindings ? (
              <FormErrorSummary errors={quote.errors} labels={{ themeId: t("evaluations.session.field.theme"), text: t("evaluations.session.field.quote") }} idPrefix="quote" />
            ) : null}
            <SelectField
              name="themeId"
              idPrefix="quote"
              label={t("evaluations.session.field.theme")}
              options={themes.map((th) => ({ value: th.id, label: th.title }))}
              placeholder={t("evaluations.session.choose_theme")}
              defaultValue={quote?.values.themeId}
              error={quote?.errors.themeId}
            />
            {quoteFindings ? <ScreeningFindings text={quote?.values.text ?? ""} findings={quoteFindings} confirmName="confirm-quote" id="screening-quote" headingLevel={4} /> : null}
            <TextField
              name="text"
              idPrefix="quote"
              multiline
              label={t("evaluations.session.field.quote")}
              description={t("evaluations.session.quote_limit", { max: t.number(quoteMaxLength) })}
              defaultValue={quote?.values.text}
              error={quote?.errors.text}
              required
            />
            <div className="kp-actions">
              <Button type="submit" name="intent" value="quote" variant="secondary">
                {t("evaluations.session.save_quote")}
              </Button>
            </div>
          </Form>
        ) : null}
      </section>

      {canWrite ? (
        <section className="kp-stack" aria-labelledby="fakta">
          <Heading level={2} data-size="md" id="fakta">
            {t("evaluations.session.facts_heading")}
          </Heading>
          {facts ? <FormErrorSummary errors={facts.errors} formError={facts.formError} labels={sessionFieldLabels(t)} /> : null}
          <Form method="post" className="kp-stack kp-narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="revision" value={facts?.values.revision ?? String(session.revision)} />
            <SessionFields
              values={
                facts
                  ? { ...facts.values, interviewers: facts.values.interviewers ? facts.values.interviewers.split(",") : [] }
                  : {
                      kind: session.kind,
                      heldOn: session.heldOn,
                      siteId: session.siteId,
                      participants: String(session.participants),
                      interviewers: session.interviewers.map((i) => i.id),
                    }
              }
              errors={facts?.errors ?? {}}
              sites={sites}
              interviewers={interviewers}
            />
            <div className="kp-actions">
              <Button type="submit" name="intent" value="facts" variant="secondary">
                {t("evaluations.session.save_facts")}
              </Button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
