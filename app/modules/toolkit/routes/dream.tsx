import { redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { Flash , ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/dream";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, parseForm, type FormErrors } from "~/lib/forms";
import { guard, invalid } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { dreamTextForm, goalForm, maxAnswer, maxGoals, maxSteps, stepForm, type Dream } from "../toolkit.forms";
import { saveEntry } from "../toolkit.server";
import { decideSuggestion, getDream, newLocalId, suggestions, updateDream } from "../dream.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.dream.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  getRequestState(context);
  const store = toolkitStore();
  const dream = await getDream(store, user.actor);
  const open = (await suggestions(store, user.actor)).filter((s) => s.body.status === "open");
  return {
    dream: dream?.body ?? null,
    revision: dream?.revision ?? null,
    updatedAt: dream?.updatedAt.toISOString() ?? null,
    suggestions: open.map((s) => ({
      ref: s.ref,
      text: s.body.text,
      author: s.body.authorName,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

type Failed = FormErrors & { form: string };

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore();
  const intent = String(formData.get("intent") ?? "text");
  const fail = (parsed: FormErrors, form: string) => invalid({ ...parsed, form } as Failed);
  switch (intent) {
    case "text": {
      const parsed = parseForm(dreamTextForm, formData);
      if (!parsed.ok) return fail(parsed, "text");
      const current = await getDream(store, user.actor);
      const { dream, helps, hinders, baseRevision, force } = parsed.data;
      const saved = await saveEntry(store, user.actor, {
        tool: "dream",
        ref: "dream",
        body: {
          ...(current?.body ?? { goals: [] }),
          dream,
          helps,
          hinders,
        } satisfies Dream,
        baseRevision,
        force: Boolean(force),
      });
      if (!saved.ok) {
        const theirs = saved.conflict?.body as Dream | undefined;
        return {
          conflict: true as const,
          mine: { dream, helps, hinders },
          theirs: theirs
            ? {
                dream: theirs.dream,
                helps: theirs.helps,
                hinders: theirs.hinders,
              }
            : null,
          revision: saved.conflict?.revision ?? null,
        };
      }
      return redirect("/verktoy/drommen?lagret=1");
    }
    case "goal": {
      const parsed = parseForm(goalForm, formData);
      if (!parsed.ok) return fail(parsed, "goal");
      const current = await getDream(store, user.actor);
      if ((current?.body.goals.length ?? 0) >= maxGoals) return fail(formError("toolkit.dream.error_too_many", formData, { text: "toolkit.dream.error_too_many" }), "goal");
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: [...d.goals, { id: newLocalId(), text: parsed.data.text, steps: [] }],
      }));
      return redirect("/verktoy/drommen#goals");
    }
    case "step": {
      const parsed = parseForm(stepForm, formData);
      if (!parsed.ok) return fail(parsed, `step-${String(formData.get("goalId") ?? "")}`);
      const { goalId, text, due } = parsed.data;
      // The goal may have been deleted in another tab: say so, and keep the step in the field.
      const goal = (await getDream(store, user.actor))?.body.goals.find((g) => g.id === goalId);
      if (!goal) return fail(formError("toolkit.dream.error_goal_gone", formData, { text: "toolkit.dream.error_goal_gone" }), "goal");
      if (goal.steps.length >= maxSteps) return fail(formError("toolkit.dream.error_too_many", formData, { text: "toolkit.dream.error_too_many" }), `step-${goalId}`);
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: d.goals.map((g) =>
          g.id === goalId
            ? {
                ...g,
                steps: [...g.steps, { id: newLocalId(), text, due, done: false }],
              }
            : g,
        ),
      }));
      return redirect(`/verktoy/drommen#goal-${goalId}`);
    }
    case "toggle":
    case "delete-step": {
      const stepId = String(formData.get("stepId") ?? "");
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: d.goals.map((g) => ({
          ...g,
          steps: intent === "toggle" ? g.steps.map((s) => (s.id === stepId ? { ...s, done: !s.done } : s)) : g.steps.filter((s) => s.id !== stepId),
        })),
      }));
      return redirect(`/verktoy/drommen#goals`);
    }
    case "delete-goal": {
      const goalId = String(formData.get("goalId") ?? "");
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: d.goals.filter((g) => g.id !== goalId),
      }));
      return redirect("/verktoy/drommen#goals");
    }
    case "accept":
    case "decline": {
      const decided = await guard(() => decideSuggestion(store, user.actor, String(formData.get("ref") ?? ""), intent === "accept"));
      if (decided === "full") return redirect("/verktoy/drommen?fullt=1#suggestions");
      return redirect("/verktoy/drommen#goals");
    }
  }
  return redirect("/verktoy/drommen");
}

export default function DreamPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && "errors" in result ? (result as unknown as Failed) : undefined;
  const { errors, values } = useFormState(result);
  const conflict = result && "conflict" in result ? result : undefined;
  const textValues = conflict?.mine ?? (failed?.form === "text" ? values : undefined);
  const dream = d.dream;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.dream.title")}
      </Heading>
      <Paragraph>{t("toolkit.dream.intro")}</Paragraph>
      <Flash param="fullt" color="warning">{t("toolkit.dream.full")}</Flash>
      <Flash param="lagret">{t("toolkit.dream.saved")}</Flash>
      {conflict ? (
        <ConflictNotice theirs={conflict.theirs?.dream} />
      ) : null}
      {failed?.form === "text" ? (
        <FormErrorSummary
          errors={errors}
          labels={{
            dream: t("toolkit.dream.dream"),
            helps: t("toolkit.dream.helps"),
            hinders: t("toolkit.dream.hinders"),
          }}
          idPrefix="dream"
        />
      ) : null}
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="text" />
        <input type="hidden" name="baseRevision" value={conflict ? (conflict.revision ?? "") : (d.revision ?? "")} />
        {conflict ? <input type="hidden" name="force" value="1" /> : null}
        <TextField
          name="dream"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.dream")}
          description={t("toolkit.dream.dream_help")}
          defaultValue={textValues?.dream ?? dream?.dream ?? ""}
          maxLength={maxAnswer}
          error={failed?.form === "text" ? errors.dream : undefined}
          markOptional={false}
        />
        <TextField
          name="helps"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.helps")}
          defaultValue={textValues?.helps ?? dream?.helps ?? ""}
          maxLength={maxAnswer}
          error={failed?.form === "text" ? errors.helps : undefined}
          markOptional={false}
        />
        <TextField
          name="hinders"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.hinders")}
          defaultValue={textValues?.hinders ?? dream?.hinders ?? ""}
          maxLength={maxAnswer}
          error={failed?.form === "text" ? errors.hinders : undefined}
          markOptional={false}
        />
        <div className="kp-actions">
          <Button type="submit">{conflict ? t("toolkit.conflict.keep_mine") : t("toolkit.dream.save")}</Button>
        </div>
      </form>

      {d.suggestions.length > 0 ? (
        <section className="kp-stack" aria-labelledby="suggestions">
          <Heading level={2} data-size="md" id="suggestions">
            {t("toolkit.dream.suggestions")}
          </Heading>
          <ul className="kp-stack">
            {d.suggestions.map((s) => (
              <li key={s.ref} className="kp-goal kp-stack">
                <Paragraph className="kp-answer">{s.text}</Paragraph>
                <Paragraph data-size="sm" className="kp-muted">
                  {t("toolkit.dream.suggested_by", {
                    name: s.author,
                    when: t.date(s.createdAt, "datetime"),
                  })}
                </Paragraph>
                <form method="post" className="kp-actions">
                  <CsrfField />
                  <input type="hidden" name="ref" value={s.ref} />
                  <Button type="submit" name="intent" value="accept" data-size="sm">
                    {t("toolkit.dream.accept")}
                  </Button>
                  <Button type="submit" name="intent" value="decline" variant="secondary" data-size="sm">
                    {t("toolkit.dream.decline")}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="kp-stack" aria-labelledby="goals-heading" id="goals">
        <Heading level={2} data-size="md" id="goals-heading">
          {t("toolkit.dream.goals")}
        </Heading>
        <Paragraph data-size="sm">{t("toolkit.dream.goals_intro")}</Paragraph>
        {dream?.goals.length ? (
          <ol className="kp-stack kp-plain-list">
            {dream.goals.map((g) => {
              const stepFailed = failed?.form === `step-${g.id}`;
              return (
                <li key={g.id} id={`goal-${g.id}`} className="kp-goal kp-stack">
                  <Heading level={3} data-size="sm">
                    {g.text}
                  </Heading>
                  {g.steps.length ? (
                    <ul className="kp-stack">
                      {g.steps.map((s) => (
                        <li key={s.id}>
                          <form method="post" className="kp-actions">
                            <CsrfField />
                            <input type="hidden" name="stepId" value={s.id} />
                            <span className={s.done ? "kp-done" : undefined}>
                              {s.text}
                              {s.due ? <span className="kp-muted"> ({t.date(s.due)})</span> : null}
                            </span>
                            {s.done ? <Tag data-color="success">{t("toolkit.dream.done")}</Tag> : null}
                            <Button
                              type="submit"
                              name="intent"
                              value="toggle"
                              variant="secondary"
                              data-size="sm"
                              aria-label={`${s.done ? t("toolkit.dream.mark_not_done") : t("toolkit.dream.mark_done")}: ${s.text}`}
                            >
                              {s.done ? t("toolkit.dream.mark_not_done") : t("toolkit.dream.mark_done")}
                            </Button>
                            <Button
                              type="submit"
                              name="intent"
                              value="delete-step"
                              variant="tertiary"
                              data-size="sm"
                              data-color="danger"
                              aria-label={`${t("toolkit.dream.delete_step")}: ${s.text}`}
                            >
                              {t("toolkit.dream.delete_step")}
                            </Button>
                          </form>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Paragraph data-size="sm" className="kp-muted">
                      {t("toolkit.dream.no_steps")}
                    </Paragraph>
                  )}
                  {stepFailed ? (
                    <FormErrorSummary
                      errors={errors}
                      labels={{
                        text: t("toolkit.dream.step"),
                        due: t("toolkit.dream.due"),
                      }}
                      idPrefix={`step-${g.id}`}
                    />
                  ) : null}
                  <form method="post" className="kp-stack" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="step" />
                    <input type="hidden" name="goalId" value={g.id} />
                    <div className="kp-row">
                      <TextField
                        name="text"
                        idPrefix={`step-${g.id}`}
                        label={t("toolkit.dream.step")}
                        required
                        maxLength={2000}
                        defaultValue={stepFailed ? values.text : undefined}
                        error={stepFailed ? errors.text : undefined}
                      />
                      <TextField
                        name="due"
                        type="date"
                        idPrefix={`step-${g.id}`}
                        label={t("toolkit.dream.due")}
                        defaultValue={stepFailed ? values.due : undefined}
                        error={stepFailed ? errors.due : undefined}
                      />
                    </div>
                    <div className="kp-actions">
                      <Button type="submit" variant="secondary" data-size="sm">
                        {t("toolkit.dream.add_step")}
                      </Button>
                    </div>
                  </form>
                  <form method="post" className="kp-inline-form">
                    <CsrfField />
                    <input type="hidden" name="goalId" value={g.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="delete-goal"
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      aria-label={`${t("toolkit.dream.delete_goal")}: ${g.text}`}
                    >
                      {t("toolkit.dream.delete_goal")}
                    </Button>
                  </form>
                </li>
              );
            })}
          </ol>
        ) : null}
        {failed?.form === "goal" ? <FormErrorSummary errors={errors} labels={{ text: t("toolkit.dream.goal") }} idPrefix="goal" /> : null}
        <form method="post" className="kp-stack kp-narrow" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="goal" />
          <TextField
            name="text"
            idPrefix="goal"
            label={t("toolkit.dream.goal")}
            required
            maxLength={2000}
            defaultValue={failed?.form === "goal" ? values.text : undefined}
            error={failed?.form === "goal" ? errors.text : undefined}
          />
          <Button type="submit" variant="secondary">
            {t("toolkit.dream.add_goal")}
          </Button>
        </form>
      </section>
    </div>
  );
}
