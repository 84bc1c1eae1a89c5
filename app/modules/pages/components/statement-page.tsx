import type { ReactNode } from "react";
import { Heading, List, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import type { Statement } from "../content/privacy";

/** A written statement page (privacy, accessibility) in the user's language. */
export function StatementPage({ statement, children }: { statement: Statement; children?: ReactNode }) {
  const t = useT();
  return (
    <article className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {statement.title}
      </Heading>
      <Paragraph data-size="lg">{statement.intro}</Paragraph>
      {statement.sections.map((section) => (
        <section key={section.heading} className="kp-stack">
          <Heading level={2} data-size="sm">
            {section.heading}
          </Heading>
          {section.paragraphs.map((p) => (
            <Paragraph key={p}>{p}</Paragraph>
          ))}
          {section.list ? (
            <List.Unordered>
              {section.list.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List.Unordered>
          ) : null}
        </section>
      ))}
      {children}
      <Paragraph data-size="sm" className="kp-muted">
        {t("statement.updated", { date: t.date(statement.updated) })}
      </Paragraph>
    </article>
  );
}
