import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/session-analysis";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, notFound, uuidParams, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { polarities, type Polarity } from "../evaluations";
import { addStatement, deleteStatement, saveCodings, sessionStatements, splitSessionNotes } from "../analysis.server";
import { projectHeader } from "../sessions.server";
import { statementMaxLength } from "../sessions.forms";
import { ProjectNav } from "../components/project-nav";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.coding.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { projectId, sessionId } = uuidParams(params, "projectId", "sessionId");
  const { db } = getServices();
  const page = pageParam(request);
  const { access, session, notes, statements, paging, codes } = await guard(() => sessionStatements(db, user.actor, projectId, sessionId, { page }));
  return { project: projectHeader(access), session, notes, statements, paging, codes };
}

/** `?side=N`, the page of statements (1 when absent or not a whole number; past the last, the last). */
function pageParam(request: Request): number {
  const n = Math.trunc(Number(new URL(request.url).searchParams.get("side") ?? "1"));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

type Draft = { text: string; polarity: string; codeIds: string[] };

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { projectId, sessionId } = uuidParams(params, "projectId", "sessionId");
  const { db } = getServices();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const page = pageParam(request);
  const here = `/evalueringer/${projectId}/analyse/${sessionId}`;
  const onPage = page > 1 ? `side=${page}&` : "";
  if (intent === "split") {
    const { added } = await guard(() => splitSessionNotes(db, user.actor, projectId, sessionId));
    return redirect(`${here}?delt=${added}`);
  }
  const deleting = intent.startsWith("delete:") ? intent.slice("delete:".length) : null;
  if (intent !== "save" && !deleting) return data({ ok: false as const, errors: {} as Record<string, MessageKey>, drafts: {} as Record<string, Draft>, added: "" }, { status: 400 });
  if (deleting && !uuidPattern.test(deleting)) notFound();
  const statementIds = [...new Set(formData.getAll("statement").filter((v): v is string => typeof v === "string" && uuidPattern.test(v)))];
  const drafts: Record<string, Draft> = {};
  const errors: Record<string, MessageKey> = {};
  for (const id of statementIds) {
    const text = String(formData.get(`text-${id}`) ?? "").trim();
    const polarity = String(formData.get(`polarity-${id}`) ?? "");
    const codeIds = formData.getAll(`codes-${id}`).filter((v): v is string => typeof v === "string" && uuidPattern.test(v));
    drafts[id] = { text: text.slice(0, 100_000), polarity, codeIds };
    if (id === deleting) continue;
    if (text.length === 0) errors[`text-${id}`] = "evaluations.statement.error.empty";
    else if (text.length > statementMaxLength) errors[`text-${id}`] = "evaluations.statement.error.too_long";
  }
  const added = String(formData.get("new-statement") ?? "").trim();
  if (added.length > statementMaxLength) errors["new-statement"] = "evaluations.statement.error.too_long";
  if (Object.keys(errors).length) return data({ ok: false as const, errors, drafts, added: added.slice(0, 100_000) }, { status: 400 });
  const items = statementIds
    .filter((id) => id !== deleting)
    .map((id) => ({
      statementId: id,
      text: drafts[id]!.text,
      polarity: (polarities as readonly string[]).includes(drafts[id]!.polarity) ? (drafts[id]!.polarity as Polarity) : null,
      codeIds: drafts[id]!.codeIds,
    }));
  await guard(async () => {
    await saveCodings(db, user.actor, projectId, sessionId, items);
    if (deleting) await deleteStatement(db, user.actor, projectId, sessionId, deleting);
    if (added) await addStatement(db, user.actor, projectId, sessionId, added);
  });
  // A new statement goes last: show the last page, where it is (a page past the last is the last).
  return redirect(`${here}?${added ? "side=100000&" : onPage}${deleting ? "slettet=1" : "lagret=1"}`);
}

export default function SessionAnalysis() {
  const t = useT();
  const { project, session, notes, statements, paging, codes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const drafts = result?.drafts ?? {};
  const errors = result?.errors ?? {};
  const unsplit = notes.filter((n) => !n.split && n.lines > 0);
  const labels = Object.fromEntries(statements.map((s, i) => [`text-${s.id}`, t("evaluations.coding.statement_n", { n: paging.offset + i + 1 })]));
  labels["new-statement"] = t("evaluations.coding.new_statement");
  const base = `/evalueringer/${project.id}`;
  const pageHref = (n: number) => `${base}/analyse/${session.id}${n > 1 ? `?side=${n}` : ""}`;
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.coding.heading", { date: t.date(session.heldOn), site: session.siteName })}
      </Heading>
      <Paragraph>
        {t(`evaluations.session.kind.${session.kind}`)} · {t("evaluations.session.participants_n", { count: session.participants })}
      </Paragraph>
      <Paragraph data-size="sm">
        <AppLink to={`${base}/analyse`}>{t("evaluations.coding.back")}</AppLink> · <AppLink to={`${base}/intervju/${session.id}`}>{t("evaluations.coding.to_notes")}</AppLink> ·{" "}
        <AppLink to={`${base}/koder`}>{t("evaluations.analysis.to_codes")}</AppLink>
      </Paragraph>
      {params.get("lagret") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.coding.saved")}</Paragraph>
        </Alert>
      ) : null}
      {params.get("slettet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.coding.deleted")}</Paragraph>
        </Alert>
      ) : null}
      {params.get("delt") !== null ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.coding.split_done", { count: Number(params.get("delt")) || 0 })}</Paragraph>
        </Alert>
      ) : null}

      <section className="kp-stack" aria-labelledby="notater">
        <Heading level={2} data-size="md" id="notater">
          {t("evaluations.coding.notes_heading")}
        </Heading>
        <Paragraph>{t("evaluations.coding.split_intro")}</Paragraph>
        {notes.length === 0 ? <Paragraph>{t("evaluations.coding.no_notes")}</Paragraph> : null}
        <ul>
          {notes.map((n) => (
            <li key={n.id}>
              {n.themeTitle}: {n.split ? t("evaluations.coding.note_split") : t("evaluations.coding.note_lines", { count: n.lines })}
            </li>
          ))}
        </ul>
        {unsplit.length > 0 ? (
          <Form method="post">
            <CsrfField />
            <Button type="submit" name="intent" value="split" variant="secondary">
              {t("evaluations.coding.split", { count: unsplit.length })}
            </Button>
          </Form>
        ) : null}
      </section>

      <section className="kp-stack" aria-labelledby="utsagn">
        <Heading level={2} data-size="md" id="utsagn">
          {t("evaluations.coding.statements_heading", { count: paging.total })}
        </Heading>
        {paging.pages > 1 ? <Paragraph>{t("evaluations.coding.range", { from: paging.offset + 1, to: paging.offset + statements.length, total: paging.total })}</Paragraph> : null}
        {codes.length === 0 ? (
          <Alert data-color="warning">
            <Paragraph>
              {t("evaluations.coding.no_codes")} <AppLink to={`${base}/koder`}>{t("evaluations.analysis.to_codes")}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors} labels={labels} idPrefix="statement" />
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          {/* The form's default button: Enter in a field saves, never deletes the first statement. */}
          <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
          {statements.map((s, i) => {
            const draft = drafts[s.id];
            const polarity = draft ? draft.polarity : (s.polarity ?? "");
            const chosen = draft ? draft.codeIds : s.codeIds;
            return (
              <Fieldset key={s.id} className="kp-question" id={`utsagn-${s.id}`}>
                <Fieldset.Legend>{t("evaluations.coding.statement_n", { n: paging.offset + i + 1 })}</Fieldset.Legend>
                <input type="hidden" name="statement" value={s.id} />
                <TextField
                  name={`text-${s.id}`}
                  idPrefix="statement"
                  multiline
                  label={t("evaluations.coding.text")}
                  defaultValue={draft ? draft.text : s.text}
                  error={errors[`text-${s.id}`]}
                  markOptional={false}
                />
                <Fieldset>
                  <Fieldset.Legend>{t("evaluations.coding.polarity")}</Fieldset.Legend>
                  <div className="kp-actions">
                    {["positive", "negative", "suggestion", ""].map((p) => (
                      <Field key={p || "none"} position="start">
                        <Input type="radio" id={`polarity-${s.id}-${p || "none"}`} name={`polarity-${s.id}`} value={p} defaultChecked={polarity === p} />
                        <Label htmlFor={`polarity-${s.id}-${p || "none"}`}>{t(`evaluations.polarity.${p || "unrated"}` as MessageKey)}</Label>
                      </Field>
                    ))}
                  </div>
                </Fieldset>
                <Fieldset>
                  <Fieldset.Legend>{t("evaluations.coding.codes")}</Fieldset.Legend>
                  <div className="kp-actions">
                    {codes.map((c) => (
                      <Field key={c.id} position="start">
                        <Input type="checkbox" id={`codes-${s.id}-${c.id}`} name={`codes-${s.id}`} value={c.id} defaultChecked={chosen.includes(c.id)} />
                        <Label htmlFor={`codes-${s.id}-${c.id}`}>{c.name}</Label>
                      </Field>
                    ))}
                    {/* A code archived after this statement was coded stays on it (archived codes are not offered for new coding). */}
                    {chosen
                      .filter((id) => !codes.some((c) => c.id === id))
                      .map((id) => (
                        <input key={id} type="hidden" name={`codes-${s.id}`} value={id} />
                      ))}
                  </div>
                </Fieldset>
                <div>
                  <Button type="submit" name="intent" value={`delete:${s.id}`} variant="tertiary" data-color="danger" data-size="sm">
                    {t("evaluations.coding.delete", { n: paging.offset + i + 1 })}
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <TextField
            name="new-statement"
            idPrefix="statement"
            multiline
            label={t("evaluations.coding.new_statement")}
            description={t("evaluations.coding.new_statement_hint")}
            defaultValue={result?.added}
            error={errors["new-statement"]}
          />
          <div className="kp-actions">
            <Button type="submit" name="intent" value="save">
              {t("evaluations.coding.save")}
            </Button>
          </div>
        </Form>
        {paging.pages > 1 ? (
          <nav aria-label={t("evaluations.coding.pages")} className="kp-actions">
            {paging.page > 1 ? <AppLink to={pageHref(paging.page - 1)}>{t("evaluations.coding.previous")}</AppLink> : null}
            <span>{t("evaluations.coding.page_of", { page: paging.page, pages: paging.pages })}</span>
            {paging.page < paging.pages ? <AppLink to={pageHref(paging.page + 1)}>{t("evaluations.coding.next")}</AppLink> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
