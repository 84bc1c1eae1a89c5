import type { ReactNode } from "react";
import { Paragraph, Table } from "@digdir/designsystemet-react";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { isMessageKey, type MessageKey } from "~/i18n/i18n";

type T = ReturnType<typeof useT>;

export type ChangeLogRow = { id: string | number; at: string; by: string | null; action: string; field: string; before: string | null; after: string | null };

/** The log's field names (HSDS and profile names, as stored) as people read them, in the page's language. */
const fieldLabels: Record<string, MessageKey> = {
  name: "offers.history.f.name",
  alternate_name: "offers.edit.alternate_name",
  description: "offers.edit.description",
  tilbudstype: "offers.field.type",
  malgruppe: "offers.field.target",
  ingen_henvisning: "offers.history.f.no_referral",
  gratis: "offers.edit.free",
  url: "centre.field.website",
  website: "centre.field.website",
  email: "field.email",
  application_process: "offers.edit.application",
  eligibility_description: "offers.edit.eligibility",
  fees_description: "offers.edit.fees",
  assured_date: "offers.history.f.assured_date",
  status: "offers.import.preview.col_status",
  service_at_locations: "offers.place.title",
  schedules: "offers.schedule.title",
  phones: "offers.contact.phones",
  contacts: "offers.contact.contacts",
  organisasjonsnummer: "offers.org.field.orgnr",
  import: "offers.import.history",
};

export function fieldLabel(t: T, field: string): ReactNode {
  const key = fieldLabels[field];
  return key ? t(key) : <code>{field}</code>;
}

/** A before/after value: codes (kinds, target groups, yes/no, status, dates) in the page's language; the record's own text as written. */
function Value({ field, value }: { field: string; value: string | null }) {
  const t = useT();
  if (!value) return <>–</>;
  const known = (key: string) => (isMessageKey(key) ? t(key) : undefined);
  let shown: string | undefined;
  if (field === "ingen_henvisning" || field === "gratis") shown = value === "true" ? t("offers.edit.yes") : value === "false" ? t("offers.edit.no") : undefined;
  else if (field === "status") shown = value === "active" ? t("offers.history.status_active") : value === "inactive" ? t("offers.org.archived_tag") : undefined;
  else if (field === "tilbudstype") shown = known(`offers.kind.${value}`);
  else if (field === "malgruppe") {
    const groups = value.split(/,\s*/).map((g) => known(`offers.target.${g}`));
    shown = groups.every(Boolean) ? groups.join(", ") : undefined;
  } else if (field === "assured_date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) shown = t.date(value);
  return shown === undefined ? <span lang="nb">{value}</span> : <>{shown}</>;
}

/**
 * The change log of an offer or an organisation (HSDS metadata): when, who, which field, before and after.
 * `what` adds a column naming the kind of change; `field` decides how the field cell reads.
 * Field names are shown as labels in the page's language; before/after are the record's own text (bokmål as
 * written, hence lang="nb"), except codes, which are translated.
 */
export function ChangeLogTable({
  rows,
  testId,
  what,
  field,
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
              <Table.Cell>{field ? field(h) : fieldLabel(t, h.field)}</Table.Cell>
              <Table.Cell className="kp-cell-text">
                <Value field={h.field} value={h.before} />
              </Table.Cell>
              <Table.Cell className="kp-cell-text">
                <Value field={h.field} value={h.after} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}
