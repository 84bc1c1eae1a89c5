import { Alert, Field, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { useT } from "~/i18n/use-t";
import type { Finding } from "../sessions.server";

/**
 * What the quote screening found in a note or quote, before it was saved: each finding's kind and words,
 * the text with the findings marked, and a box to tick "I have checked this, save anyway". The box's value
 * is the kinds shown: only those are confirmed (a new kind found after a rewrite asks again), and only the
 * kinds are stored, never the words.
 */
export function ScreeningFindings({ text, findings, confirmName, id, headingLevel = 3 }: { text: string; findings: Finding[]; confirmName: string; id: string; headingLevel?: 2 | 3 | 4 }) {
  const t = useT();
  const kinds = [...new Set(findings.map((f) => f.kind))];
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    if (f.start > at) parts.push({ text: text.slice(at, f.start), marked: false });
    parts.push({ text: text.slice(f.start, f.end), marked: true });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    // Focused and scrolled to when the page comes back with it (autofocus in the server's HTML, so also without
    // JavaScript): the writer must see what was found before anything else.
    <Alert data-color="warning" id={id} data-testid="screening-findings" tabIndex={-1} autoFocus>
      <Heading level={headingLevel} data-size="xs">
        {t("evaluations.screening.title")}
      </Heading>
      <Paragraph>{t("evaluations.screening.intro")}</Paragraph>
      <ul>
        {findings.map((f, i) => (
          <li key={i}>
            {t(`evaluations.screening.kind.${f.kind}`)}: «{f.text}»
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("evaluations.screening.show_marked")}</summary>
        <p className="kp-answer">
          {parts.map((p, i) => (
            <Fragment key={i}>{p.marked ? <mark>{p.text}</mark> : p.text}</Fragment>
          ))}
        </p>
      </details>
      <Paragraph>{t("evaluations.screening.what_now")}</Paragraph>
      <Field position="start">
        <Input type="checkbox" id={`${id}-confirm`} name={confirmName} value={kinds.join(",")} />
        <Label htmlFor={`${id}-confirm`}>{t("evaluations.screening.confirm")}</Label>
      </Field>
    </Alert>
  );
}
