/** Audit vocabulary shared by every module. */
export const auditActions = ["read", "create", "update", "delete"] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = ["user", "membership", "invitation", "session", "password", "admin_right", "toolkit", "toolkit_card", "toolkit_values", "toolkit_dream", "toolkit_check_in", "toolkit_stages", "toolkit_share", "toolkit_consent", "evaluation_project", "evaluation_team", "evaluation_session"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
