/** Audit vocabulary shared by every module. */
export const auditActions = ["read", "create", "update", "delete"] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = ["user", "membership", "invitation", "session", "password", "admin_right"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
