/** Account rules shared by server and pages (no database, no React Router). */
export const sessionAbsoluteHours = 12;
export const resetLinkMinutes = 60;
/** How long a link that confirms an e-mail address works. */
export const verifyLinkHours = 48;

/** A person's memberships (one row per role) grouped by centre, in the order given. */
export function groupByCentre<R extends string>(memberships: readonly { centreId: string; centreName: string; role: R }[]) {
  const centres = new Map<string, { id: string; name: string; roles: R[] }>();
  for (const m of memberships) {
    const centre = centres.get(m.centreId) ?? { id: m.centreId, name: m.centreName, roles: [] };
    centre.roles.push(m.role);
    centres.set(m.centreId, centre);
  }
  return [...centres.values()];
}
