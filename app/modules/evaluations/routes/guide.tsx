import { Form, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/guide";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, formValues, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { questionMax, questionSchema, themeSchema, themeTitleMax } from "../evaluations.forms";
import { editGuide, getGuide, type GuideEdit } from "../guide.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.guide.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  let number: number | undefined;
  if (params.version !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(params.version)) notFound();
    number = Number(params.version);
  }
  const guide = await guard(() => getGuide(getServices().db, user.actor, params.projectId, number));
  return {
    header: projectHeader(guide.access),
    versions: guide.versions.map((v) => ({
      number: v.number,
      inUseAt: v.inUseAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    })),
    version: {
      number: guide.version.number,
      inUseAt: guide.version.inUseAt?.toISOString() ?? null,
    },
    newest: guide.newest,
    themes: guide.themes,
  };
}

const moves = {
  move_theme_up: "up",
  move_theme_down: "down",
  move_question_up: "up",
  move_question_down: "down",
} as const;

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const state = getRequestState(context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = { ...formValues(formData), intent };
  const id = (name: string) => {
    const value = String(formData.get(name) ?? "");
    if (!uuidPattern.test(value)) notFound();
    return value;
  };
  let edit: GuideEdit;
  switch (intent) {
    case "template":
      edit = { kind: "template", lang: state.lang };
      break;
    case "add_theme":
    case "rename_theme": {
      const parsed = parseForm(themeSchema, formData);
      if (!parsed.ok) return invalid({ ...parsed, values });
      edit =
        intent === "add_theme"
          ? { kind: "add_theme", title: parsed.data.title }
          : {
              kind: "rename_theme",
              themeId: id("themeId"),
              title: parsed.data.title,
            };
      break;
    }
    case "add_question":
    case "edit_question": {
      const parsed = parseForm(questionSchema, formData);
      if (!parsed.ok) return invalid({ ...parsed, values });
      edit =
        intent === "add_question"
          ? {
              kind: "add_question",
              themeId: id("themeId"),
              text: parsed.data.text,
            }
          : {
              kind: "edit_question",
              questionId: id("questionId"),
              text: parsed.data.text,
            };
      break;
    }
    case "remove_theme":
      edit = { kind: "remove_theme", themeId: id("themeId") };
      break;
    case "remove_question":
      edit = { kind: "remove_question", questionId: id("questionId") };
      break;
    case "move_theme_up":
    case "move_theme_down":
      edit = {
        kind: "move_theme",
        themeId: id("themeId"),
        direction: moves[intent],
      };
      break;
    case "move_question_up":
    case "move_question_down":
      edit = {
        kind: "move_question",
        questionId: id("questionId"),
        direction: moves[intent],
      };
      break;
    default:
      return invalid(formError("error.invalid", formData));
  }
  const result = await guard(() => editGuide(getServices().db, user.actor, params.projectId, edit));
  if (!result.ok) return invalid({ ...formError(result.error, formData), values });
  return { ok: true as const, version: result.version, copied: result.copied, themeIndex: String(formData.get("themeIndex") ?? "") };
}

export default function Guide() {
  const t = useT();
  const { header, versions, version, newest, themes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values, formError: problem } = useFormState(result);
  const base = `/evalueringer/${header.id}/temaguide`;
  const target = (intent: string, idName?: "themeId" | "questionId", idValue?: string) => values.intent === intent && (!idName || values[idName] === idValue);
  const editable = newest;
  // The theme whose edit forms were used last stays open (its error, or the next edit there).
  const openTheme = result && result.ok ? result.themeIndex : values.themeIndex;
  return (
    <div className="kp-stack">
      <ProjectNav project={header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.guide.heading", { number: version.number })}
      </Heading>
      <Paragraph>{t("evaluations.guide.intro")}</Paragraph>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{result.copied ? t("evaluations.guide.copied", { number: result.version }) : t("evaluations.guide.saved")}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary
        errors={errors}
        formError={problem}
        idPrefix={
          values.intent === "add_theme"
            ? "new-theme"
            : values.intent === "rename_theme"
              ? `theme-title-${values.themeId}`
              : values.intent === "edit_question"
                ? `q-${values.questionId}`
                : `new-q-${values.themeId}`
        }
        labels={{
          title: t("evaluations.guide.theme_title"),
          text: t("evaluations.guide.question"),
        }}
      />
      {!newest ? (
        <Alert data-color="info">
          <Paragraph>
            {t("evaluations.guide.old_version")} <AppLink to={base}>{t("evaluations.guide.to_newest")}</AppLink>
          </Paragraph>
        </Alert>
      ) : version.inUseAt ? (
        <Alert data-color="info">
          <Paragraph>
            {t("evaluations.guide.in_use", {
              date: t.date(version.inUseAt),
              next: version.number + 1,
            })}
          </Paragraph>
        </Alert>
      ) : null}

      {themes.length === 0 ? (
        <section className="kp-stack kp-narrow" aria-labelledby="guide-empty">
          <Heading level={2} data-size="md" id="guide-empty">
            {t("evaluations.guide.empty")}
          </Heading>
          <Paragraph>{t("evaluations.guide.template_intro")}</Paragraph>
          {editable ? (
            <Form method="post" action={base}>
              <CsrfField />
              <Button type="submit" name="intent" value="template">
                {t("evaluations.guide.use_template")}
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <ol className="kp-stack">
        {themes.map((theme, i) => (
          <li key={theme.id}>
            <section className="kp-stack" aria-labelledby={`theme-${theme.id}`}>
              <Heading level={2} data-size="sm" id={`theme-${theme.id}`}>
                {theme.title}
              </Heading>
              {theme.questions.length === 0 ? <Paragraph data-size="sm">{t("evaluations.guide.no_questions")}</Paragraph> : null}
              {theme.questions.length > 0 ? (
                <ol>
                  {theme.questions.map((q) => (
                    <li key={q.id}>{q.text}</li>
                  ))}
                </ol>
              ) : null}
              {editable ? (
                <details open={openTheme === String(i) || undefined}>
                  <summary>{t("evaluations.guide.theme_actions", { theme: theme.title })}</summary>
                  <div className="kp-stack">
                    <ol className="kp-stack">
                      {theme.questions.map((q, qi) => (
                        <li key={q.id}>
                          <Form method="post" action={base} className="kp-stack" noValidate>
                            <CsrfField />
                            <input type="hidden" name="themeIndex" value={i} />
                            <input type="hidden" name="questionId" value={q.id} />
                            <TextField
                              name="text"
                              idPrefix={`q-${q.id}`}
                              label={t("evaluations.guide.question_label", {
                                number: qi + 1,
                              })}
                              multiline
                              required
                              maxLength={questionMax}
                              defaultValue={target("edit_question", "questionId", q.id) ? values.text : q.text}
                              error={target("edit_question", "questionId", q.id) ? errors.text : undefined}
                            />
                            <ItemActions item="question" index={qi} count={theme.questions.length} save={t("evaluations.guide.save_question")} remove={t("evaluations.guide.remove_question")} />
                          </Form>
                        </li>
                      ))}
                    </ol>
                    <Form method="post" action={base} className="kp-stack kp-narrow" noValidate>
                      <CsrfField />
                      <input type="hidden" name="themeIndex" value={i} />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <TextField
                        name="text"
                        idPrefix={`new-q-${theme.id}`}
                        label={t("evaluations.guide.new_question", {
                          theme: theme.title,
                        })}
                        multiline
                        required
                        maxLength={questionMax}
                        defaultValue={target("add_question", "themeId", theme.id) ? values.text : undefined}
                        error={target("add_question", "themeId", theme.id) ? errors.text : undefined}
                      />
                      <div>
                        <Button type="submit" name="intent" value="add_question" variant="secondary" data-size="sm">
                          {t("evaluations.guide.add_question")}
                        </Button>
                      </div>
                    </Form>
                    <Form method="post" action={base} className="kp-stack kp-narrow" noValidate>
                      <CsrfField />
                      <input type="hidden" name="themeIndex" value={i} />
                      <input type="hidden" name="themeId" value={theme.id} />
                      <TextField
                        name="title"
                        idPrefix={`theme-title-${theme.id}`}
                        label={t("evaluations.guide.theme_title")}
                        required
                        maxLength={themeTitleMax}
                        defaultValue={target("rename_theme", "themeId", theme.id) ? values.title : theme.title}
                        error={target("rename_theme", "themeId", theme.id) ? errors.title : undefined}
                      />
                      <ItemActions item="theme" index={i} count={themes.length} save={t("evaluations.guide.rename_theme")} remove={t("evaluations.guide.remove_theme")} />
                    </Form>
                  </div>
                </details>
              ) : null}
            </section>
          </li>
        ))}
      </ol>

      {editable ? (
        <section className="kp-stack kp-narrow" aria-labelledby="guide-new-theme">
          <Heading level={2} data-size="md" id="guide-new-theme">
            {t("evaluations.guide.new_theme")}
          </Heading>
          <Form method="post" action={base} className="kp-stack" noValidate>
            <CsrfField />
            <TextField
              name="title"
              idPrefix="new-theme"
              label={t("evaluations.guide.theme_title")}
              required
              maxLength={themeTitleMax}
              defaultValue={target("add_theme") ? values.title : undefined}
              error={target("add_theme") ? errors.title : undefined}
            />
            <div>
              <Button type="submit" name="intent" value="add_theme" variant="secondary">
                {t("evaluations.guide.add_theme")}
              </Button>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="kp-stack" aria-labelledby="guide-versions">
        <Heading level={2} data-size="md" id="guide-versions">
          {t("evaluations.guide.versions")}
        </Heading>
        <ul>
          {versions.map((v) => (
            <li key={v.number}>
              {v.number === version.number ? (
                <strong>{t("evaluations.guide.version", { number: v.number })}</strong>
              ) : (
                <AppLink to={`${base}/${v.number}`}>{t("evaluations.guide.version", { number: v.number })}</AppLink>
              )}{" "}
              –{" "}
              {v.inUseAt
                ? t("evaluations.guide.version_in_use", {
                    date: t.date(v.inUseAt),
                  })
                : t("evaluations.guide.version_open")}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * The buttons under a theme's or a question's form: save (rename_theme / edit_question), move up and down
 * where it can move, and remove — each an `intent` of the same form.
 */
function ItemActions({ item, index, count, save, remove }: { item: "theme" | "question"; index: number; count: number; save: string; remove: string }) {
  const t = useT();
  return (
    <div className="kp-actions">
      <Button type="submit" name="intent" value={item === "theme" ? "rename_theme" : "edit_question"} variant="secondary" data-size="sm">
        {save}
      </Button>
      {index > 0 ? (
        <Button type="submit" name="intent" value={`move_${item}_up`} variant="tertiary" data-size="sm">
          {t("evaluations.guide.move_up")}
        </Button>
      ) : null}
      {index < count - 1 ? (
        <Button type="submit" name="intent" value={`move_${item}_down`} variant="tertiary" data-size="sm">
          {t("evaluations.guide.move_down")}
        </Button>
      ) : null}
      <Button type="submit" name="intent" value={`remove_${item}`} variant="tertiary" data-color="danger" data-size="sm">
        {remove}
      </Button>
    </div>
  );
}
