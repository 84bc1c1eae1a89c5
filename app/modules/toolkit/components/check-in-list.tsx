import { Heading } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";

export type CheckInRow = {
  id?: string;
  at: string;
  values: (number | null)[];
  why: string[];
  score?: number | null;
};

/**
 * The check-ins of one pack, newest first as given: one block per check-in, each statement with its
 * answer under it. A list rather than a table with a column per statement: a phone is too narrow for five
 * statements side by side, and a table squeezed to fit broke the words letter by letter.
 */
export function CheckInList({
  items,
  rows,
  max,
  level = 3,
  testId,
  deleteHref,
}: {
  items: string[];
  rows: CheckInRow[];
  max?: number;
  level?: 3 | 4;
  testId?: string;
  /** Where "Delete …" leads for a row (a confirmation first); none for a read-only view. */
  deleteHref?: (row: CheckInRow) => string;
}) {
  const t = useT();
  return (
    <ol className="kp-checkins" data-testid={testId}>
      {rows.map((row) => {
        const when = t.date(row.at, "datetime");
        return (
          <li key={row.id ?? row.at} className="kp-checkin">
            <Heading level={level} data-size="2xs">
              {when}
            </Heading>
            <dl className="kp-checkin__answers">
              {items.map((item, i) => {
                const value = row.values[i] ?? null;
                return (
                  <div key={item} className="kp-checkin__answer">
                    <dt>{item}</dt>
                    <dd>
                      {value === null ? (
                        <span className="kp-muted">{t("toolkit.checkin.skipped")}</span>
                      ) : (
                        <strong>{max === undefined ? value : t("toolkit.checkin.value", { value, max })}</strong>
                      )}
                      {row.why[i] ? <span className="kp-block kp-answer">{row.why[i]}</span> : null}
                    </dd>
                  </div>
                );
              })}
              {row.score !== undefined && row.score !== null ? (
                <div className="kp-checkin__answer">
                  <dt>{t("toolkit.checkin.score")}</dt>
                  <dd>
                    <strong>{row.score}</strong>
                  </dd>
                </div>
              ) : null}
            </dl>
            {deleteHref ? (
              <p className="kp-checkin__delete">
                <a className="ds-link" href={deleteHref(row)} aria-label={t("toolkit.checkin.delete_named", { when })}>
                  {t("toolkit.checkin.delete")}
                </a>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
