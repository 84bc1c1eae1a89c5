import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/**
 * A table that may scroll sideways on a phone: focusable and named, so keyboard users can scroll it too.
 * Named "Table: …" so it never repeats the name of the section around it (two landmarks, one name).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="kp-table-wrap" role="region" aria-label={t("table.region", { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
