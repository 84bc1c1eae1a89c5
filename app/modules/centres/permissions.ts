/**
 * Who may do what: one pure function over one role table. No database, no React Router.
 * Roles are held per centre; administrator is installation-wide.
 */
export const centreRoles = ["participant", "peer_worker", "coordinator", "interviewer", "service_contact"] as const;
export type CentreRole = (typeof centreRoles)[number];
export type Role = CentreRole | "administrator";

export function isCentreRole(value: unknown): value is CentreRole {
  return typeof value === "string" && (centreRoles as readonly string[]).includes(value);
}

export type Membership = { centreId: string; role: CentreRole };

export type Actor = {
  userId: string;
  isAdmin: boolean;
  memberships: readonly Membership[];
};

/**
 * Actions. "centre.*" and "member.*" are checked against the roles the actor holds in the centre
 * the record belongs to; "installation.*" only administrators may do.
 */
export const roleTable = {
  "centre.view_members": ["coordinator"],
  "member.invite": ["coordinator"],
  "member.change_roles": ["coordinator"],
  "member.remove": ["coordinator"],
  "centre.edit": ["coordinator"],
  "centre.view_internal": ["participant", "peer_worker", "coordinator", "interviewer", "service_contact"],
  "offer.edit": ["coordinator"],
  /** Install or remove check-in instrument packs (e.g. a licensed instrument) for the centre. */
  "centre.manage_instruments": ["coordinator"],
  /** Bruker Spør Bruker (issue 13): create an evaluation project and name its lead. */
  "evaluation.create": ["coordinator"],
  /** The centre's evaluation projects: the list and each overview (phase, team; never sessions or notes). */
  "evaluation.view_centre_projects": ["coordinator"],
  /** Read in a project archive (the importer becomes the project's lead). */
  "evaluation.import": ["coordinator"],
  "installation.create_centre": [],
  "installation.view_outbox": [],
  "installation.view_users": [],
} as const satisfies Record<string, readonly CentreRole[]>;

export type Action = keyof typeof roleTable;
export const actions = Object.keys(roleTable) as Action[];

/**
 * Actions an administrator may do in every centre (running the installation). Not creating or importing an
 * evaluation: whoever does becomes part of it (its lead), and administrators never read an evaluation's raw data.
 */
const notForAdministrators: ReadonlySet<Action> = new Set<Action>(["evaluation.create", "evaluation.import"]);
const adminActions: ReadonlySet<Action> = new Set(actions.filter((a) => !notForAdministrators.has(a)));

export function rolesIn(actor: Actor, centreId: string): CentreRole[] {
  return actor.memberships.filter((m) => m.centreId === centreId).map((m) => m.role);
}

/** The role that grants an action in a centre, for the audit log; undefined when none does. */
export function grantingRole(actor: Actor | null, action: Action, centreId?: string): Role | undefined {
  if (!actor) return undefined;
  const allowed: readonly CentreRole[] = roleTable[action];
  if (centreId) {
    const role = rolesIn(actor, centreId).find((r) => allowed.includes(r));
    if (role) return role;
  }
  if (actor.isAdmin && adminActions.has(action)) return "administrator";
  return undefined;
}

export function can(actor: Actor | null, action: Action, centreId?: string): boolean {
  return grantingRole(actor, action, centreId) !== undefined;
}

/** Rule for changing roles: a coordinator may not remove the last coordinator of a centre. */
export function wouldLeaveNoCoordinator(currentCoordinatorIds: readonly string[], userId: string, newRoles: readonly CentreRole[]) {
  const remaining = currentCoordinatorIds.filter((id) => id !== userId);
  return remaining.length === 0 && !newRoles.includes("coordinator");
}
