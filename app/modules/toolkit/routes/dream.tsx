import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/dream";
import { requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { emptyDream, goalForm, maxAnswer, maxGoals, maxSteps, stepForm, type Dream } from "../toolkit.forms";
import { bodyDigest, saveIfChanged } from "../toolkit.server";
import { blankAsEmpty, parseIntent } from "../toolkit";
import { decideSuggestion, getDream, newLocalId, suggestions, updateDream } from "../dream.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.dream.title");

type Texts = Pick<Dream, "dream" | "helps" | "hinders">;
/** The dream's own texts as compared for "changed?" (the goals change through their own buttons). */
const textsKey = (d: Texts) => JSON.stringify([blankAsEmpty(d.dream), blankAsEmpty(d.helps), blankAsEmpty(d.hinders)]);

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const store = toolkitStore(context);
  const dream = await getDream(store, user.actor);
  const open = (await suggestions(store, user.actor)).filter((s) => s.body.status === "open");
  return {
    dream: dream?.body ?? null,
    revision: dream?.revision ?? null,
    shown: bodyDigest(textsKey(dream?.body ?? emptyDream)),
    updatedAt: dream?.updatedAt.toISOString() ?? null,
    suggestions: open.map((s) => ({
      ref: s.ref,
      text: s.body.text,
      author: s.body.authorName,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

/** Everything the page's one form held, to show again when the page stays on it. */
type Drafts = Record<string, string>;
type Confirm = { kind: "goal" | "step"; id: string } | null;

/**
 * One form for the whole page (issue 11, item 2): the dream's texts, the new goal and every goal's new step
 * travel with every button. Each button saves the dream's texts if the person changed them, then does its
 * own thing; what was typed elsewhere (a step under another goal, a new goal) comes back in its field.
 * Deleting a goal or a step asks first, in the same form (issue 11, item 3).
 * Field names: `dream`, `helps`, `hinders`, `rev`, `was`, `force`; `goal` (the new goal; `text` is read too);
 * `step-<goal>`, `due-<goal>`. Buttons: `intent` = text, goal, step:<goal>, toggle:<step>,
 * ask-delete-step:<step>, delete-step:<step>, ask-delete-goal:<goal>, delete-goal:<goal>, cancel,
 * accept:<ref>, decline:<ref>.
 */
export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore(context);
  const parsed = parseIntent(formData.get("intent") ?? "text");
  const kind = parsed.kind;
  const target = parsed.target || String(formData.get("goalId") ?? formData.get("stepId") ?? formData.get("ref") ?? "");
  const drafts: Drafts = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name === "csrf" || name === "intent") continue;
    drafts[name] = value.slice(0, 100_000);
  }
  if (drafts.goal === undefined && drafts.text !== undefined) drafts.goal = drafts.text;
  const errors: Record<string, MessageKey> = {};
  for (const name of ["dream", "helps", "hinders"] as const) if ((drafts[name]?.length ?? 0) > maxAnswer) errors[name] = "error.too_long";

  // The pressed button's own field is checked; the other drafts are only kept.
  let newGoal: string | null = null;
  let newStep: { text: string; due: string | null } | null = null;
  if (kind === "goal") {
    const checked = goalForm.safeParse({ text: drafts.goal ?? "" });
    if (checked.success) newGoal = checked.data.text;
    else errors.goal = checked.error.issues[0]!.message as MessageKey;
  }
  if (kind === "step") {
    const checked = stepForm.safeParse({ goalId: target, text: drafts[`step-${target}`] ?? "", due: drafts[`due-${target}`] ?? "" });
    if (checked.success) newStep = { text: checked.data.text, due: checked.data.due };
    else for (const issue of checked.error.issues) errors[`${issue.path[0] === "due" ? "due" : "step"}-${target}`] ??= issue.message as MessageKey;
  }
  const current = await getDream(store, user.actor);
  if (newGoal !== null && (current?.body.goals.length ?? 0) >= maxGoals) errors.goal = "toolkit.dream.error_too_many";
  if (newStep) {
    const goal = current?.body.goals.find((g) => g.id === target);
    // The goal may have been deleted in another tab: say so, and keep the step in the field.
    if (!goal) errors.goal = "toolkit.dream.error_goal_gone";
    else if (goal.steps.length >= maxSteps) errors[`step-${target}`] = "toolkit.dream.error_too_many";
    if (!goal) drafts.goal = drafts[`step-${target}`] ?? "";
  }
  if (Object.keys(errors).length) return data({ ok: false as const, errors, drafts }, { status: 400 });

  // The dream's texts, when the person changed them.
  let conflict: { mine: Texts; theirs: Texts | null; revision: number | null } | null = null;
  let textsSaved = false;
  let textsUnchanged = false;
  if (drafts.dream !== undefined || drafts.helps !== undefined || drafts.hinders !== undefined) {
    const texts: Texts = { dream: blankAsEmpty(drafts.dream ?? ""), helps: blankAsEmpty(drafts.helps ?? ""), hinders: blankAsEmpty(drafts.hinders ?? "") };
    const rev = Number(drafts.rev ?? "");
    const result = await saveIfChanged(store, user.actor, {
      tool: "dream",
      ref: "dream",
      body: { ...(current?.body ?? emptyDream), ...texts } satisfies Dream,
      baseRevision: Number.isInteger(rev) && rev >= 1 ? rev : null,
      force: drafts.force === "1",
      started: drafts.was ?? null,
      key: textsKey,
      empty: (d) => textsKey(d) === textsKey(emptyDream),
    });
    textsSaved = result.status === "saved";
    textsUnchanged = result.status === "unchanged";
    if (result.status === "conflict") {
      const theirs = result.conflict?.body as Dream | undefined;
      conflict = {
        mine: { dream: drafts.dream ?? "", helps: drafts.helps ?? "", hinders: drafts.hinders ?? "" },
        theirs: theirs ? { dream: theirs.dream, helps: theirs.helps, hinders: theirs.hinders } : null,
        revision: result.conflict?.revision ?? null,
      };
    }
  }

  let confirm: Confirm = null;
  // "Lagre" with nothing changed says so, rather than reloading the page without a word.
  let flash: string | null = textsSaved ? "lagret" : kind === "text" && textsUnchanged ? "uendret" : null;
  let anchor = kind === "text" ? "" : "goals";
  switch (kind) {
    case "goal":
      await updateDream(store, user.actor, (d) => ({ ...d, goals: [...d.goals, { id: newLocalId(), text: newGoal!, steps: [] }] }));
      delete drafts.goal;
      delete drafts.text;
      break;
    case "step":
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: d.goals.map((g) => (g.id === target ? { ...g, steps: [...g.steps, { id: newLocalId(), text: newStep!.text, due: newStep!.due, done: false }] } : g)),
      }));
      delete drafts[`step-${target}`];
      delete drafts[`due-${target}`];
      anchor = `goal-${target}`;
      break;
    case "toggle":
      await updateDream(store, user.actor, (d) => ({
        ...d,
        goals: d.goals.map((g) => ({ ...g, steps: g.steps.map((s) => (s.id === target ? { ...s, done: !s.done } : s)) })),
      }));
      break;
    case "ask-delete-step":
      confirm = { kind: "step", id: target };
      break;
    case "ask-delete-goal":
      confirm = { kind: "goal", id: target };
      break;
    case "delete-step":
      await updateDream(store, user.actor, (d) => ({ ...d, goals: d.goals.map((g) => ({ ...g, steps: g.steps.filter((s) => s.id !== target) })) }));
      flash = "steg-slettet";
      break;
    case "delete-goal":
      await updateDream(store, user.actor, (d) => ({ ...d, goals: d.goals.filter((g) => g.id !== target) }));
      for (const name of Object.keys(drafts)) if (name === `step-${target}` || name === `due-${target}`) delete drafts[name];
      flash = "maal-slettet";
      break;
    case "accept":
    case "decline": {
      const decided = await guard(() => decideSuggestion(store, user.actor, target, kind === "accept"));
      if (decided === "full") {
        flash = "fullt";
        anchor = "suggestions";
      }
      break;
    }
  }
  // Something typed elsewhere on the page that was not saved (a step under another goal, a new goal)?
  const waiting = Object.entries(drafts).some(([name, value]) => (name === "goal" || name.startsWith("step-") || name.startsWith("due-")) && value.trim() !== "");
  if (conflict || confirm || waiting) return { ok: true as const, drafts, conflict, confirm, flash };
  return redirect(`/verktoy/drommen${flash ? `?${flash === "lagret" ? "lagret=1" : flash === "uendret" ? "uendret=1" : flash === "fullt" ? "fullt=1" : `slettet=${flash}`}` : ""}${anchor ? `#${anchor}` : ""}`);
}

export default function DreamPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, MessageKey> = result && !result.ok ? result.errors : {};
  const stay = result?.ok ? result : undefined;
  const drafts: Drafts = result?.drafts ?? {};
  const conflict = stay?.conflict ?? null;
  const confirm = stay?.confirm ?? null;
  const flash = stay?.flash ?? (params.get("lagret") ? "lagret" : params.get("uendret") ? "uendret" : params.get("fullt") ? "fullt" : params.get("slettet"));
  // The dream's texts: as typed after an error or a conflict, else as kept (saved just now, or unchanged).
  const ownTexts = result && (!result.ok || conflict) ? drafts : null;
  const dream = d.dream;
  const labels: Record<string, string> = {
    dream: t("toolkit.dream.dream"),
    helps: t("toolkit.dream.helps"),
    hinders: t("toolkit.dream.hinders"),
    goal: t("toolkit.dream.goal"),
  };
  for (const g of dream?.goals ?? []) {
    labels[`step-${g.id}`] = `${g.text}: ${t("toolkit.dream.step")}`;
    labels[`due-${g.id}`] = `${g.text}: ${t("toolkit.dream.due")}`;
  }
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.dream.title")}
      </Heading>
      <Paragraph>{t("toolkit.dream.intro")}</Paragraph>
      {flash === "fullt" ? (
        <Alert data-color="warning" role="status">
          <Paragraph>{t("toolkit.dream.full")}</Paragraph>
        </Alert>
      ) : null}
      {flash === "lagret" ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("toolkit.dream.saved")}</Paragraph>
        </Alert>
      ) : null}
      {flash === "uendret" ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t("toolkit.dream.unchanged")}</Paragraph>
        </Alert>
      ) : null}
      {flash === "steg-slettet" || flash === "maal-slettet" ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(flash === "steg-slettet" ? "toolkit.dream.step_deleted" : "toolkit.dream.goal_deleted")}</Paragraph>
        </Alert>
      ) : null}
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <FormErrorSummary errors={errors} labels={labels} idPrefix="dream" />
        {conflict ? <ConflictNotice theirs={conflict.theirs?.dream} /> : null}
        <input type="hidden" name="rev" value={conflict ? (conflict.revision ?? "") : ownTexts ? (drafts.rev ?? "") : (d.revision ?? "")} />
        <input type="hidden" name="was" value={ownTexts ? (drafts.was ?? d.shown) : d.shown} />
        {conflict ? <input type="hidden" name="force" value="1" /> : null}
        <TextField
          name="dream"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.dream")}
          description={t("toolkit.dream.dream_help")}
          defaultValue={ownTexts?.dream ?? dream?.dream ?? ""}
          maxLength={maxAnswer}
          error={errors.dream}
          markOptional={false}
        />
        <TextField
          name="helps"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.helps")}
          defaultValue={ownTexts?.helps ?? dream?.helps ?? ""}
          maxLength={maxAnswer}
          error={errors.helps}
          markOptional={false}
        />
        <TextField
          name="hinders"
          multiline
          idPrefix="dream"
          label={t("toolkit.dream.hinders")}
          defaultValue={ownTexts?.hinders ?? dream?.hinders ?? ""}
          maxLength={maxAnswer}
          error={errors.hinders}
          markOptional={false}
        />
        <div className="kp-actions">
          <Button type="submit" name="intent" value="text">
            {conflict ? t("toolkit.conflict.keep_mine") : t("toolkit.dream.save")}
          </Button>
        </div>
        <Paragraph data-size="sm" className="kp-muted">
          {t("toolkit.dream.saves_all")}
        </Paragraph>

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
                  <div className="kp-actions">
                    <Button type="submit" name="intent" value={`accept:${s.ref}`} data-size="sm">
                      {t("toolkit.dream.accept")}
                    </Button>
                    <Button type="submit" name="intent" value={`decline:${s.ref}`} variant="secondary" data-size="sm">
                      {t("toolkit.dream.decline")}
                    </Button>
                  </div>
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
              {dream.goals.map((g) => (
                <li key={g.id} id={`goal-${g.id}`} className="kp-goal kp-stack">
                  <Heading level={3} data-size="sm">
                    {g.text}
                  </Heading>
                  {g.steps.length ? (
                    <ul className="kp-stack">
                      {g.steps.map((s) =>
                        confirm?.kind === "step" && confirm.id === s.id ? (
                          <li key={s.id} className="kp-stack" data-testid="confirm-delete">
                            <Alert data-color="warning">
                              <Heading level={4} data-size="xs" tabIndex={-1} autoFocus>
                                {t("toolkit.dream.confirm_delete_step", { step: s.text })}
                              </Heading>
                              <Paragraph>{t("toolkit.confirm.cannot_undo")}</Paragraph>
                            </Alert>
                            <div className="kp-actions">
                              <Button type="submit" name="intent" value={`delete-step:${s.id}`} data-color="danger" data-size="sm">
                                {t("toolkit.dream.delete_step_confirm")}
                              </Button>
                              <Button type="submit" name="intent" value="cancel" variant="secondary" data-size="sm">
                                {t("toolkit.confirm.cancel")}
                              </Button>
                            </div>
                          </li>
                        ) : (
                          <li key={s.id}>
                            <div className="kp-actions">
                              <span className={s.done ? "kp-done" : undefined}>
                                {s.text}
                                {s.due ? <span className="kp-muted"> ({t.date(s.due)})</span> : null}
                              </span>
                              {s.done ? <Tag data-color="success">{t("toolkit.dream.done")}</Tag> : null}
                              <Button
                                type="submit"
                                name="intent"
                                value={`toggle:${s.id}`}
                                variant="secondary"
                                data-size="sm"
                                aria-label={`${s.done ? t("toolkit.dream.mark_not_done") : t("toolkit.dream.mark_done")}: ${s.text}`}
                              >
                                {s.done ? t("toolkit.dream.mark_not_done") : t("toolkit.dream.mark_done")}
                              </Button>
                              <Button
                                type="submit"
                                name="intent"
                                value={`ask-delete-step:${s.id}`}
                                variant="tertiary"
                                data-size="sm"
                                data-color="danger"
                                aria-label={`${t("toolkit.dream.delete_step")}: ${s.text}`}
                              >
                                {t("toolkit.dream.delete_step")}
                              </Button>
                            </div>
                          </li>
                        ),
                      )}
                    </ul>
                  ) : (
                    <Paragraph data-size="sm" className="kp-muted">
                      {t("toolkit.dream.no_steps")}
                    </Paragraph>
                  )}
                  <div className="kp-row">
                    <TextField
                      name={`step-${g.id}`}
                      idPrefix="dream"
                      label={t("toolkit.dream.step")}
                      maxLength={2000}
                      defaultValue={drafts[`step-${g.id}`]}
                      error={errors[`step-${g.id}`]}
                      markOptional={false}
                    />
                    <TextField name={`due-${g.id}`} type="date" idPrefix="dream" label={t("toolkit.dream.due")} defaultValue={drafts[`due-${g.id}`]} error={errors[`due-${g.id}`]} />
                  </div>
                  <div className="kp-actions">
                    <Button type="submit" name="intent" value={`step:${g.id}`} variant="secondary" data-size="sm">
                      {t("toolkit.dream.add_step")}
                    </Button>
                  </div>
                  {confirm?.kind === "goal" && confirm.id === g.id ? (
                    <div className="kp-delete-zone kp-stack" data-testid="confirm-delete">
                      <Alert data-color="warning">
                        <Heading level={4} data-size="xs" tabIndex={-1} autoFocus>
                          {g.steps.length
                            ? t("toolkit.dream.confirm_delete_goal", { goal: g.text, count: g.steps.length })
                            : t("toolkit.dream.confirm_delete_goal_only", { goal: g.text })}
                        </Heading>
                        <Paragraph>{t("toolkit.confirm.cannot_undo")}</Paragraph>
                      </Alert>
                      <div className="kp-actions">
                        <Button type="submit" name="intent" value={`delete-goal:${g.id}`} data-color="danger" data-size="sm">
                          {t("toolkit.dream.delete_goal_confirm")}
                        </Button>
                        <Button type="submit" name="intent" value="cancel" variant="secondary" data-size="sm">
                          {t("toolkit.confirm.cancel")}
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <div className="kp-delete-zone">
                      <Button
                        type="submit"
                        name="intent"
                        value={`ask-delete-goal:${g.id}`}
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={`${t("toolkit.dream.delete_goal")}: ${g.text}`}
                      >
                        {t("toolkit.dream.delete_goal")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          ) : null}
          <div className="kp-stack kp-narrow">
            <TextField name="goal" idPrefix="dream" label={t("toolkit.dream.goal")} maxLength={2000} defaultValue={drafts.goal} error={errors.goal} markOptional={false} />
            <div className="kp-actions">
              <Button type="submit" name="intent" value="goal" variant="secondary">
                {t("toolkit.dream.add_goal")}
              </Button>
            </div>
          </div>
        </section>
      </form>
    </div>
  );
}
