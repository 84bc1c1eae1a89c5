import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { auditEvents } from "./audit.schema";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";
import type { AuditAction, AuditEntityType } from "./audit";

export type AuditEntry = {
  actorUserId: string | null;
  actorCentreId?: string | null;
  actorRole?: string | null;
  action: AuditAction;
  subjectUserId: string | null;
  entityType: AuditEntityType;
  entityId?: string | null;
  details?: Record<string, string | number | boolean | string[]>;
  requestId?: string | null;
};

/** The one way every module records a read or change of personal data. */
export async function recordAudit(db: Db, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = Array.isArray(entry) ? entry : [entry];
  if (rows.length === 0) return;
  await db.insert(auditEvents).values(
    rows.map((e) => ({
      actorUserId: e.actorUserId,
      actorCentreId: e.actorCentreId ?? null,
      actorRole: e.actorRole ?? null,
      action: e.action,
      subjectUserId: e.subjectUserId,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      details: e.details ?? null,
      requestId: e.requestId ?? null,
    })),
  );
}

export const auditPageSize = 50;

/** Every access to the person's own data, newest first, with who did it (or "deleted account"). */
export async function listAccessToMyData(db: Db, userId: string, page = 1) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actorRole: auditEvents.actorRole,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      centreName: centres.shortName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(centres, eq(centres.id, auditEvents.actorCentreId))
    .where(eq(auditEvents.subjectUserId, userId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(auditPageSize + 1)
    .offset((page - 1) * auditPageSize);
  return {
    events: rows.slice(0, auditPageSize).map((r) => ({ ...r, bySelf: r.actorUserId === userId })),
    hasMore: rows.length > auditPageSize,
  };
}

/** For administrators and tests: events about an entity, e.g. a deleted account. */
export async function listEntityEvents(db: Db, entityType: AuditEntityType, entityId: string) {
  return db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorUserId: auditEvents.actorUserId,
      actorRole: auditEvents.actorRole,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.at);
}

export async function countAuditEvents(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return row?.n ?? 0;
}
