import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import { CheckInList } from "./check-in-list";

/** What a shared item shows, already resolved to the reader's language on the server. */
export type ItemView =
  | {
      kind: "card";
      title: string;
      questions: {
        question: string;
        answer: string | null;
        updatedAt: string | null;
      }[];
    }
  | {
      kind: "values";
      sortedAt: string | null;
      top: { name: string; meaning: string }[];
      reflections: {
        name: string;
        meaning: string;
        livingBy: number | null;
        obstacles: string;
        step: string;
      }[];
    }
  | {
      kind: "check_in";
      packs: {
        name: string;
        items: string[];
        rows: { at: string; values: (number | null)[]; why: string[] }[];
      }[];
    }
  | {
      kind: "stages";
      timeline: {
        id: string;
        at: string;
        area: string | null;
        stage: string;
        changedFrom: string | null;
        note: string;
      }[];
    }
  | {
      kind: "dream";
      dream: string;
      helps: string;
      hinders: string;
      goals: {
        text: string;
        steps: { text: string; due: string | null; done: boolean }[];
      }[];
      updatedAt: string | null;
    };

/** A read-only view of one toolkit item (for the peer worker it is shared with, and for "Min mappe"). */
export function ItemViewer({ view, headingLevel = 2 }: { view: ItemView; headingLevel?: 2 | 3 }) {
  const t = useT();
  const sub = (headingLevel + 1) as 3 | 4;
  if (view.kind === "card") {
    return (
      <div className="kp-stack">
        {view.questions.map((q) => (
          <section key={q.question} className="kp-question kp-stack">
            <Heading level={headingLevel} data-size="xs">
              {q.question}
            </Heading>
            <Paragraph className="kp-answer">{q.answer?.trim() ? q.answer : t("toolkit.view.not_answered")}</Paragraph>
          </section>
        ))}
      </div>
    );
  }
  if (view.kind === "values") {
    if (!view.top.length) return <Paragraph>{t("toolkit.view.no_values")}</Paragraph>;
    return (
      <div className="kp-stack">
        <ol className="kp-stack">
          {view.top.map((v) => (
            <li key={v.name}>
              <strong>{v.name}</strong>
              {v.meaning ? ` – ${v.meaning}` : ""}
            </li>
          ))}
        </ol>
        {view.reflections.map((r) => (
          <section key={r.name} className="kp-question kp-stack">
            <Heading level={headingLevel} data-size="xs">
              {r.name}
            </Heading>
            {r.meaning ? <Paragraph className="kp-answer">{`${t("toolkit.reflection.meaning")} ${r.meaning}`}</Paragraph> : null}
            {r.livingBy !== null ? <Paragraph>{`${t("toolkit.reflection.living_by")} ${t("toolkit.reflection.of_ten", { n: r.livingBy })}`}</Paragraph> : null}
            {r.obstacles ? <Paragraph className="kp-answer">{`${t("toolkit.reflection.obstacles")} ${r.obstacles}`}</Paragraph> : null}
            {r.step ? <Paragraph className="kp-answer">{`${t("toolkit.reflection.step")}: ${r.step}`}</Paragraph> : null}
          </section>
        ))}
      </div>
    );
  }
  if (view.kind === "check_in") {
    if (!view.packs.length) return <Paragraph>{t("toolkit.view.no_check_ins")}</Paragraph>;
    return (
      <div className="kp-stack">
        {view.packs.map((p) => (
          <section key={p.name} className="kp-stack">
            <Heading level={headingLevel} data-size="xs">
              {p.name}
            </Heading>
            <CheckInList items={p.items} rows={[...p.rows].reverse()} level={sub} />
          </section>
        ))}
      </div>
    );
  }
  if (view.kind === "stages") {
    if (!view.timeline.length) return <Paragraph>{t("toolkit.view.no_stages")}</Paragraph>;
    return (
      <ol className="kp-stack kp-plain-list">
        {view.timeline.map((p) => (
          <li key={p.id} className="kp-place">
            <StageChange entry={p} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="kp-stack">
      <Heading level={headingLevel} data-size="xs">
        {t("toolkit.dream.dream")}
      </Heading>
      <Paragraph className="kp-answer" data-testid="view-dream">
        {view.dream || t("toolkit.view.not_answered")}
      </Paragraph>
      {view.helps ? (
        <>
          <Heading level={headingLevel} data-size="xs">
            {t("toolkit.dream.helps")}
          </Heading>
          <Paragraph className="kp-answer">{view.helps}</Paragraph>
        </>
      ) : null}
      {view.hinders ? (
        <>
          <Heading level={headingLevel} data-size="xs">
            {t("toolkit.dream.hinders")}
          </Heading>
          <Paragraph className="kp-answer">{view.hinders}</Paragraph>
        </>
      ) : null}
      <Heading level={headingLevel} data-size="xs">
        {t("toolkit.dream.goals")}
      </Heading>
      {view.goals.length ? (
        <ol className="kp-stack">
          {view.goals.map((g) => (
            <li key={g.text}>
              <Heading level={sub} data-size="2xs">
                {g.text}
              </Heading>
              <ul>
                {g.steps.map((s) => (
                  <li key={s.text} className={s.done ? "kp-done" : undefined}>
                    {s.text}
                    {s.due ? ` (${t.date(s.due)})` : ""}
                    {s.done ? ` – ${t("toolkit.dream.done")}` : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <Paragraph>{t("toolkit.view.no_goals")}</Paragraph>
      )}
    </div>
  );
}

type StageEntry = Extract<ItemView, { kind: "stages" }>["timeline"][number];

/** One line of the stages timeline: when, which area, and the stage — "changed from … to …", never "back". */
export function StageChange({ entry }: { entry: StageEntry }) {
  const t = useT();
  return (
    <>
      <Paragraph>
        <strong>{t.date(entry.at)}</strong> · {entry.area ?? t("toolkit.stages.overall")}:{" "}
        {entry.changedFrom ? t("toolkit.stages.changed", { from: entry.changedFrom, to: entry.stage }) : entry.stage}
      </Paragraph>
      {entry.note ? <Paragraph className="kp-answer">{entry.note}</Paragraph> : null}
    </>
  );
}
