import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { centres, invitations, memberships } from "./centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import { can, grantingRole, wouldLeaveNoCoordinator, type Actor, type CentreRole } from "./permissions";
import { findKommune } from "./kommuner";
import type { CentreInput } from "./centres.forms";
import { recordAudit } from "~/modules/audit/audit.server";
import { randomToken, sha256 } from "~/lib/crypto.server";
import type { Mailer } from "~/modules/platform/mail.server";
import { translate, type Lang } from "~/i18n/i18n";

export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
  }
}
export class NotFoundError extends Error {
  constructor() {
    super("not found");
  }
}

type Meta = { requestId?: string };

export const invitationDays = 14;

function require(actor: Actor | null, action: Parameters<typeof can>[1], centreId?: string): Actor {
  if (!actor || !can(actor, action, centreId)) throw new ForbiddenError();
  return actor;
}

/** Public list of centres: name and place only. */
export async function listCentres(db: Db) {
  const rows = await db
    .select({ id: centres.id, name: centres.name, shortName: centres.shortName, kommunenummer: centres.kommunenummer })
    .from(centres)
    .orderBy(asc(centres.name));
  return rows.map((r) => ({ ...r, kommune: findKommune(r.kommunenummer)?.navn ?? r.kommunenummer, fylke: findKommune(r.kommunenummer)?.fylke ?? "" }));
}

/** Public centre page: the centre's own contact details (not personal data). */
export async function getCentre(db: Db, centreId: string) {
  const [row] = await db
    .select({
      id: centres.id,
      name: centres.name,
      shortName: centres.shortName,
      kommunenummer: centres.kommunenummer,
      fylkesnummer: centres.fylkesnummer,
      email: centres.email,
      phone: centres.phone,
      website: centres.website,
      address: centres.address,
    })
    .from(centres)
    .where(eq(centres.id, centreId));
  if (!row) return undefined;
  const kommune = findKommune(row.kommunenummer);
  return { ...row, kommune: kommune?.navn ?? row.kommunenummer, fylke: kommune?.fylke ?? "" };
}

function centreValues(input: CentreInput) {
  const kommune = findKommune(input.kommunenummer);
  if (!kommune) throw new Error("unknown kommune");
  return { ...input, fylkesnummer: kommune.fylkesnummer };
}

export async function createCentre(db: Db, actor: Actor | null, input: CentreInput) {
  require(actor, "installation.create_centre");
  const [row] = await db.insert(centres).values(centreValues(input)).returning({ id: centres.id });
  return row!.id;
}

export async function updateCentre(db: Db, actor: Actor | null, centreId: string, input: CentreInput) {
  require(actor, "centre.edit", centreId);
  const updated = await db.update(centres).set(centreValues(input)).where(eq(centres.id, centreId)).returning({ id: centres.id });
  if (updated.length === 0) throw new NotFoundError();
}

/** Members of one centre with their roles. Every member shown is logged as a read of their data. */
export async function listMembers(db: Db, actor: Actor | null, centreId: string, meta: Meta = {}) {
  const reader = require(actor, "centre.view_members", centreId);
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.centreId, centreId))
    .orderBy(asc(users.name), asc(memberships.role));
  const byUser = new Map<string, { userId: string; name: string; email: string; roles: CentreRole[] }>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, email: row.email, roles: [] };
    member.roles.push(row.role as CentreRole);
    byUser.set(row.userId, member);
  }
  const members = [...byUser.values()];
  const role = grantingRole(reader, "centre.view_members", centreId);
  await recordAudit(
    db,
    members
      .filter((m) => m.userId !== reader.userId)
      .map((m) => ({
        actorUserId: reader.userId,
        actorCentreId: centreId,
        actorRole: role,
        action: "read" as const,
        subjectUserId: m.userId,
        entityType: "membership" as const,
        entityId: centreId,
        details: { fields: ["name", "email", "roles"] },
        requestId: meta.requestId,
      })),
  );
  return members;
}

export async function listPendingInvitations(db: Db, actor: Actor | null, centreId: string) {
  require(actor, "member.invite", centreId);
  return db
    .select({ id: invitations.id, email: invitations.email, roles: invitations.roles, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.centreId, centreId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(asc(invitations.createdAt));
}

/** Invite a person by e-mail to a centre with roles; the link works once, for 14 days. */
export async function inviteMember(
  db: Db,
  mailer: Mailer,
  actor: Actor | null,
  centreId: string,
  input: { email: string; roles: CentreRole[] },
  context: { publicUrl: string; lang: Lang; siteName: string; inviterName: string } & Meta,
) {
  const inviter = require(actor, "member.invite", centreId);
  const centre = await getCentre(db, centreId);
  if (!centre) throw new NotFoundError();
  const token = randomToken();
  const [row] = await db
    .insert(invitations)
    .values({
      tokenHash: sha256(token),
      centreId,
      email: input.email,
      roles: [...new Set(input.roles)],
      invitedBy: inviter.userId,
      expiresAt: new Date(Date.now() + invitationDays * 86_400_000),
    })
    .returning({ id: invitations.id });
  const link = `${context.publicUrl}/invitasjon/${token}`;
  const roleNames = input.roles.map((r) => translate(context.lang, `role.${r}`)).join(", ");
  await mailer.send({
    to: input.email,
    subject: translate(context.lang, "mail.invite.subject", { centre: centre.shortName, site: context.siteName }),
    text: translate(context.lang, "mail.invite.body", {
      inviter: context.inviterName,
      centre: centre.name,
      roles: roleNames,
      link,
      days: invitationDays,
      site: context.siteName,
    }),
  });
  await recordAudit(db, {
    actorUserId: inviter.userId,
    actorCentreId: centreId,
    actorRole: grantingRole(inviter, "member.invite", centreId),
    action: "create",
    subjectUserId: null,
    entityType: "invitation",
    entityId: row!.id,
    details: { roles: input.roles },
    requestId: context.requestId,
  });
  return { invitationId: row!.id, token };
}

/** What the invitation link shows before it is accepted. */
export async function getInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      centreId: invitations.centreId,
      centreName: centres.name,
      roles: invitations.roles,
      email: invitations.email,
    })
    .from(invitations)
    .innerJoin(centres, eq(centres.id, invitations.centreId))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
  return row ? { ...row, roles: row.roles as CentreRole[] } : undefined;
}

/**
 * Accept an invitation as the logged-in user: adds the roles, once. The link works only for the account
 * with the invited e-mail address, and only once that address is confirmed, so a forwarded or leaked link
 * gives nobody else a role.
 */
export async function acceptInvitation(
  db: Db,
  userId: string,
  token: string,
  meta: Meta = {},
): Promise<{ ok: true; centreId: string } | { ok: false; reason?: "other_email" | "unverified" }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    // Whoever holds the link must also have shown they read the invited address (issue 9, finding 5).
    if (account && !account.verifiedAt) {
      const [pending] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
      return pending ? { ok: false as const, reason: "unverified" as const } : { ok: false as const };
    }
    const [inv] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tokenHash, sha256(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
          eq(invitations.email, account?.email ?? ""),
        ),
      )
      .returning({ id: invitations.id, centreId: invitations.centreId, roles: invitations.roles });
    if (!inv) {
      const [pending] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
      return pending ? { ok: false as const, reason: "other_email" as const } : { ok: false as const };
    }
    await tx
      .insert(memberships)
      .values(inv.roles.map((role) => ({ centreId: inv.centreId, userId, role })))
      .onConflictDoNothing();
    await recordAudit(tx as unknown as Db, {
      actorUserId: userId,
      actorCentreId: inv.centreId,
      action: "create",
      subjectUserId: userId,
      entityType: "membership",
      entityId: inv.centreId,
      details: { roles: inv.roles, via: "invitation" },
      requestId: meta.requestId,
    });
    return { ok: true as const, centreId: inv.centreId };
  });
}

/**
 * Set a member's roles in a centre (an empty list removes them from the centre).
 * Only members of this centre can be changed: a user id from another centre is "not found".
 */
export async function setMemberRoles(
  db: Db,
  actor: Actor | null,
  centreId: string,
  input: { userId: string; roles: CentreRole[] },
  meta: Meta = {},
): Promise<{ ok: true } | { ok: false; reason: "last_coordinator" }> {
  const changer = require(actor, input.roles.length ? "member.change_roles" : "member.remove", centreId);
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.centreId, centreId))
      .for("update");
    const before = current.filter((m) => m.userId === input.userId).map((m) => m.role);
    if (before.length === 0) throw new NotFoundError();
    const coordinators = current.filter((m) => m.role === "coordinator").map((m) => m.userId);
    const roles = [...new Set(input.roles)];
    if (wouldLeaveNoCoordinator(coordinators, input.userId, roles) && !changer.isAdmin) {
      return { ok: false as const, reason: "last_coordinator" as const };
    }
    await tx.delete(memberships).where(and(eq(memberships.centreId, centreId), eq(memberships.userId, input.userId)));
    if (roles.length) await tx.insert(memberships).values(roles.map((role) => ({ centreId, userId: input.userId, role })));
    await recordAudit(tx as unknown as Db, {
      actorUserId: changer.userId,
      actorCentreId: centreId,
      actorRole: grantingRole(changer, "member.change_roles", centreId),
      action: roles.length ? "update" : "delete",
      subjectUserId: input.userId,
      entityType: "membership",
      entityId: centreId,
      details: { before, after: roles },
      requestId: meta.requestId,
    });
    return { ok: true as const };
  });
}

/** Administrators: every user, for support. Logged as reads. */
export async function listUsersForAdmin(db: Db, actor: Actor | null, meta: Meta = {}) {
  const admin = require(actor, "installation.view_users");
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, isAdmin: users.isAdmin, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name))
    .limit(500);
  await recordAudit(
    db,
    rows
      .filter((r) => r.id !== admin.userId)
      .map((r) => ({
        actorUserId: admin.userId,
        actorRole: "administrator",
        action: "read" as const,
        subjectUserId: r.id,
        entityType: "user" as const,
        entityId: r.id,
        details: { fields: ["name", "email"] },
        requestId: meta.requestId,
      })),
  );
  return rows;
}

export async function countMembers(db: Db, centreIds: string[]) {
  if (centreIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ centreId: memberships.centreId, n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(inArray(memberships.centreId, centreIds))
    .groupBy(memberships.centreId);
  return new Map(rows.map((r) => [r.centreId, r.n]));
}
