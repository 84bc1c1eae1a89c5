import "~/modules/evaluations/i18n/register";
import { data, Form, redirect, useActionData, useLoaderData, useLocation } from "react-router";
import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph, Select, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/report";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { translate, type MessageKey } from "~/i18n/i18n";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { findProjectAccess } from "../access.server";
import { projectCan } from "../evaluations";
import {
  chooseQuote,
  loadPublishedReport,
  loadReportForTeam,
  publishReport,
  publishSchema,
  quoteSchema,
  removeQuote,
  removeQuoteSchema,
  saveSection,
  sectionSchema,
  withdrawReport,
} from "../reports.server";
import { sectionKeys, sectionMaxLength, type ReportKind, type SectionKey } from "../reports";
import { ProjectNav } from "../components/project-nav";
import { chartRows, ReportView, sectionTitle, type ViewT } from "../components/report-view";
import { StatementChart } from "../components/statement-chart";

/*
 * /evalueringer/:projectId/prosessrapport and /sluttrapport (one file, two route ids). For the analysis team
 * (report.edit): the sections to write, the quotes to choose, publishing (lead) and a preview of what the
 * service will read. For service contacts and the centre's coordinators (report.read_published): the
 * published report, its figures and quotes through the k rule only (figures.server.ts).
 */

export const handle = { hydrate: false };

const kindOf = (pathname: string): ReportKind => (pathname.replace(/\/+$/, "").endsWith("/sluttrapport") ? "final" : "process");
const titleKey = (kind: ReportKind): MessageKey => (kind === "final" ? "evaluations.report.title.final" : "evaluations.report.title.process");

export const meta: Route.MetaFunction = (args) => title(args, titleKey(kindOf(args.location.pathname)));

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { lang } = getRequestState(context);
  const kind = kindOf(new URL(request.url).pathname);
  const access = await findProjectAccess(db, user.actor, params.projectId);
  if (!access) notFound();
  const header = { id: access.project.id, title: access.project.title, serviceName: access.project.serviceName, phase: access.project.phase, roles: access.roles };
  if (projectCan(access.roles, "report.edit")) {
    const titles = Object.fromEntries(sectionKeys.map((k) => [k, translate(lang, `evaluations.report.section.${k}` as MessageKey)])) as Record<SectionKey, string>;
    const team = await guard(() => loadReportForTeam(db, user.actor, params.projectId, kind, titles));
    return {
      mode: "team" as const,
      kind,
      header,
      canPublish: projectCan(access.roles, "report.publish"),
      report: team.report,
      preview: team.preview,
      availableQuotes: team.availableQuotes,
      codes: team.codes,
    };
  }
  const { report } = await guard(() => loadPublishedReport(db, user.actor, params.projectId, kind));
  return { mode: "reader" as const, kind, header, report };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const url = new URL(request.url);
  const kind = kindOf(url.pathname);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = (flag: string, anchor = "") => redirect(`${url.pathname}?${flag}=1${anchor ? `#${anchor}` : ""}`);
  if (intent === "section") {
    const parsed = parseForm(sectionSchema, formData);
    if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, intent: "section" } });
    const result = await guard(() => saveSection(db, user.actor, params.projectId, kind, { ...parsed.data, force: parsed.data.force === "1" }));
    if (!result.ok) {
      // Someone else saved since this form was opened: nothing saved; this person's text comes back in the field.
      return data(
        {
          ok: false as const,
          errors: {},
          values: { intent: "section", sectionId: parsed.data.sectionId, body: parsed.data.body },
          conflict: { sectionId: parsed.data.sectionId, theirs: result.conflict.body, revision: result.conflict.revision },
        },
        { status: 409 },
      );
    }
    return back("lagret", `section-${parsed.data.sectionId}`);
  }
  if (intent === "choose_quote") {
    const parsed = parseForm(quoteSchema, formData);
    if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, intent: "choose_quote" } });
    const result = await guard(() => chooseQuote(db, user.actor, params.projectId, kind, parsed.data));
    if (!result.ok) return invalid({ ok: false as const, errors: { codeId: result.error }, values: { intent: "choose_quote", quoteId: parsed.data.quoteId, codeId: "" } });
    return back("sitat", `quote-${parsed.data.quoteId}`);
  }
  if (intent === "remove_quote") {
    const parsed = parseForm(removeQuoteSchema, formData);
    if (!parsed.ok) return invalid(formError("error.invalid", formData));
    await guard(() => removeQuote(db, user.actor, params.projectId, kind, parsed.data));
    return back("sitat", `quote-${parsed.data.quoteId}`);
  }
  if (intent === "publish") {
    const parsed = parseForm(publishSchema, formData);
    if (!parsed.ok) return invalid(formError("error.invalid", formData));
    await guard(() => publishReport(db, user.actor, params.projectId, kind, { public: parsed.data.public === "1" }));
    return back("publisert", "publish");
  }
  if (intent === "withdraw") {
    await guard(() => withdrawReport(db, user.actor, params.projectId, kind));
    return back("trukket", "publish");
  }
  return invalid(formError("error.invalid", formData));
}

type Conflict = { sectionId: string; theirs: string; revision: number };

function FlashNote({ param, children }: { param: string; children: string }) {
  const shown = new URLSearchParams(useLocation().search).get(param);
  if (shown === null) return null;
  return (
    <Alert data-color="success" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

export default function Report() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values, formError: topError } = useFormState(result);
  const conflict = result && typeof result === "object" && "conflict" in result ? (result.conflict as Conflict) : undefined;
  const location = useLocation();
  const heading = t(titleKey(d.kind));
  if (d.mode === "reader") {
    return (
      <div className="kp-stack">
        <ProjectNav project={d.header} />
        <Heading level={1} data-size="lg">
          {heading}
        </Heading>
        {d.report ? (
          <>
            <Paragraph>
              <Link href={`${location.pathname.replace(/\/+$/, "")}/pdf`}>{t("evaluations.report.pdf")}</Link>
            </Paragraph>
            <ReportView content={d.report} />
          </>
        ) : (
          <Paragraph>{t("evaluations.report.not_published_yet")}</Paragraph>
        )}
      </div>
    );
  }
  const { report, preview } = d;
  const k = preview.figures.k;
  const codeName = (id: string) => d.codes.find((c) => c.id === id)?.name ?? "";
  const chosen = new Map(report.quotes.map((q) => [q.quoteId, q.codeId]));
  return (
    <div className="kp-stack">
      <ProjectNav project={d.header} />
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>
        {report.publishedAt ? t("evaluations.report.published", { date: t.date(report.publishedAt) }) : t("evaluations.report.not_published")}
        {report.publishedAt && report.public ? ` · ${t("evaluations.report.is_public")}` : ""}
      </Paragraph>
      <FlashNote param="lagret">{t("evaluations.report.saved")}</FlashNote>
      <FlashNote param="sitat">{t("evaluations.report.quote_done")}</FlashNote>
      <FlashNote param="publisert">{t("evaluations.report.published_done")}</FlashNote>
      <FlashNote param="trukket">{t("evaluations.report.withdrawn_done")}</FlashNote>
      {topError || Object.keys(errors).length > 0 ? (
        <FormErrorSummary
          errors={errors}
          formError={topError}
          idPrefix={values.intent === "section" ? `section-${values.sectionId}` : `quote-${values.quoteId}`}
          labels={{ body: t("evaluations.report.edit_heading"), codeId: t("evaluations.report.quote_code") }}
        />
      ) : null}

      <section className="kp-stack" aria-labelledby="edit-heading">
        <Heading level={2} data-size="md" id="edit-heading">
          {t("evaluations.report.edit_heading")}
        </Heading>
        <Paragraph>{t("evaluations.report.edit_intro")}</Paragraph>
        {report.sections.map((s) => {
          const mine = values.intent === "section" && values.sectionId === s.id;
          const clash = conflict && conflict.sectionId === s.id ? conflict : undefined;
          const id = `section-${s.id}-body`;
          const hintId = `${id}-hint`;
          const errId = mine && errors.body ? `${id}-error` : undefined;
          const name = sectionTitle(s, t as unknown as ViewT);
          return (
            <Form key={s.id} method="post" action={location.pathname} className="kp-stack" id={`section-${s.id}`} noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="section" />
              <input type="hidden" name="sectionId" value={s.id} />
              <input type="hidden" name="revision" value={clash ? clash.revision : s.revision} />
              {clash ? (
                <Alert data-color="warning" role="alert">
                  <Paragraph>{t("evaluations.report.conflict")}</Paragraph>
                  <Heading level={3} data-size="2xs">
                    {t("evaluations.report.conflict_other")}
                  </Heading>
                  <Paragraph className="kp-answer" data-testid="conflict-theirs">
                    {clash.theirs}
                  </Paragraph>
                </Alert>
              ) : null}
              <Field>
                <Label htmlFor={id}>{name}</Label>
                <Field.Description id={hintId}>
                  {s.key === "method" ? `${t("evaluations.report.method_hint")} ` : ""}
                  {t("evaluations.report.section_hint")}
                </Field.Description>
                <Textarea
                  id={id}
                  name="body"
                  rows={s.key === "findings" || s.key === "suggestions" ? 10 : 6}
                  defaultValue={mine ? values.body : s.body}
                  aria-describedby={[hintId, errId].filter(Boolean).join(" ")}
                  aria-invalid={errId ? true : undefined}
                  maxLength={sectionMaxLength}
                />
                {errId ? <ValidationMessage id={errId}>{t(errors.body!)}</ValidationMessage> : null}
              </Field>
              <div className="kp-actions">
                <Button type="submit" variant="secondary" data-size="sm">
                  {clash ? t("evaluations.report.save_anyway") : t("evaluations.report.save_section", { section: name })}
                </Button>
              </div>
            </Form>
          );
        })}
      </section>

      <section className="kp-stack" aria-labelledby="quotes-heading">
        <Heading level={2} data-size="md" id="quotes-heading">
          {t("evaluations.report.quotes_heading")}
        </Heading>
        <Paragraph>{t("evaluations.report.quotes_intro", { k })}</Paragraph>
        {d.availableQuotes.length === 0 ? <Paragraph>{t("evaluations.report.no_quotes")}</Paragraph> : null}
        {d.availableQuotes.length > 0 && d.codes.length === 0 ? <Paragraph>{t("evaluations.report.no_codes")}</Paragraph> : null}
        {d.codes.length > 0 ? (
          <ul className="kp-stack" style={{ listStyle: "none", padding: 0 }}>
            {d.availableQuotes.map((q) => {
              const current = chosen.get(q.id);
              const failed = values.intent === "choose_quote" && values.quoteId === q.id;
              const selectId = `quote-${q.id}-codeId`;
              const errId = failed && errors.codeId ? `${selectId}-error` : undefined;
              return (
                <li key={q.id} id={`quote-${q.id}`} className="kp-stack">
                  <blockquote style={{ borderInlineStart: "4px solid var(--ds-color-neutral-border-default)", paddingInlineStart: "var(--ds-size-4)", margin: 0 }}>
                    <Paragraph className="kp-answer">{q.text}</Paragraph>
                  </blockquote>
                  <Paragraph data-size="sm">
                    {t("evaluations.report.quote_from", { theme: q.theme })}
                    {current ? ` · ${t("evaluations.report.quote_chosen", { code: codeName(current) })}` : ""}
                  </Paragraph>
                  <Form method="post" action={location.pathname} className="kp-actions" noValidate>
                    <CsrfField />
                    <input type="hidden" name="quoteId" value={q.id} />
                    <Field>
                      <Label htmlFor={selectId}>{t("evaluations.report.quote_code")}</Label>
                      <Select id={selectId} name="codeId" defaultValue={failed ? (values.codeId ?? "") : (current ?? "")} aria-describedby={errId} aria-invalid={errId ? true : undefined}>
                        <Select.Option value="">–</Select.Option>
                        {d.codes.map((c) => (
                          <Select.Option key={c.id} value={c.id}>
                            {c.name}
                          </Select.Option>
                        ))}
                      </Select>
                      {errId ? <ValidationMessage id={errId}>{t(errors.codeId!)}</ValidationMessage> : null}
                    </Field>
                    <Button type="submit" name="intent" value="choose_quote" variant="secondary" data-size="sm">
                      {current ? t("evaluations.report.move_quote") : t("evaluations.report.add_quote")}
                    </Button>
                    {current ? (
                      <Button type="submit" name="intent" value="remove_quote" variant="tertiary" data-size="sm" data-color="danger">
                        {t("evaluations.report.remove_quote")}
                      </Button>
                    ) : null}
                  </Form>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      {d.canPublish ? (
        <section className="kp-stack" aria-labelledby="publish-heading" id="publish">
          <Heading level={2} data-size="md" id="publish-heading">
            {t("evaluations.report.publish_heading")}
          </Heading>
          <Paragraph>{t("evaluations.report.publish_intro", { k })}</Paragraph>
          <Form method="post" action={location.pathname} className="kp-stack">
            <CsrfField />
            <Field position="start">
              <Input type="checkbox" id="publish-public" name="public" value="1" defaultChecked={report.public} />
              <Label htmlFor="publish-public">{t("evaluations.report.public_label")}</Label>
            </Field>
            <div className="kp-actions">
              <Button type="submit" name="intent" value="publish">
                {report.publishedAt ? t("evaluations.report.save_publishing") : t("evaluations.report.publish")}
              </Button>
              {report.publishedAt ? (
                <Button type="submit" name="intent" value="withdraw" variant="tertiary" data-color="danger">
                  {t("evaluations.report.withdraw")}
                </Button>
              ) : null}
            </div>
          </Form>
        </section>
      ) : null}

      <section className="kp-stack" aria-labelledby="team-figures-heading">
        <Heading level={2} data-size="md" id="team-figures-heading">
          {t("evaluations.report.team_figures_heading")}
        </Heading>
        <Paragraph>{t("evaluations.report.participants_total", { participants: report.figures.totals.participants ?? 0, sessions: report.figures.totals.sessions ?? 0 })}</Paragraph>
        {report.figures.codes.length === 0 ? (
          <Paragraph>{t("evaluations.report.no_findings")}</Paragraph>
        ) : (
          <StatementChart rows={chartRows(report.figures.codes)} caption={t("evaluations.report.chart_caption")} />
        )}
      </section>

      <section className="kp-stack" aria-labelledby="preview-heading">
        <Heading level={2} data-size="md" id="preview-heading">
          {t("evaluations.report.preview_heading")}
        </Heading>
        <Paragraph>
          <Link href={`${location.pathname.replace(/\/+$/, "")}/pdf`}>{t("evaluations.report.pdf")}</Link>
        </Paragraph>
        <ReportView content={preview} headingLevel={3} idPrefix="preview" />
      </section>
    </div>
  );
}
