import type { ReactNode } from "react";
import { Paragraph, Table } from "@digdir/designsystemet-react";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";

export type ChangeLogRow = { id: string | number; at: string; by: string | null; action: string; field: string; before: string | null; after: string | null };

/**
 * The change log of an offer or an organisation (HSDS metadata): when, who, which field, before and after.
 * `what` adds a column naming the kind of change; `field` decides how the field cell reads.
 * Before/after are the record's own text (bokmål as written), hence lang="nb".
 */
export function ChangeLogTable({
  rows,
  testId,
  what,
  field = (row) => <code>{row.field}</code>,
}: {
  rows: readonly ChangeLogRow[];
  testId: string;
  what?: (row: ChangeLogRow) => ReactNode;
  field?: (row: ChangeLogRow) => ReactNode;
}) {
  const t = useT();
  if (rows.length === 0) return <Paragraph>{t("offers.history.empty")}</Paragraph>;
  return (
    <TableWrap label={t("offers.history.title")}>
      <Table zebra data-testid={testId}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("access.when")}</Table.HeaderCell>
            <Table.HeaderCell>{t("access.who")}</Table.HeaderCell>
            {what ? <Table.HeaderCell>{t("access.what")}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t("offers.history.field")}</Table.HeaderCell>
            <Table.HeaderCell>{t("offers.history.before")}</Table.HeaderCell>
            <Table.HeaderCell>{t("offers.history.after")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((h) => (
            <Table.Row key={h.id}>
              <Table.Cell>{t.date(h.at, "datetime")}</Table.Cell>
              <Table.Cell>{h.by ?? t("access.deleted_account")}</Table.Cell>
              {what ? <Table.Cell>{what(h)}</Table.Cell> : null}
              <Table.Cell>{field(h)}</Table.Cell>
              <Table.Cell lang="nb">{h.before || "–"}</Table.Cell>
              <Table.Cell lang="nb">{h.after || "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}
