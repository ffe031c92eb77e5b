import type { Prisma, PrismaClient } from '../generated/prisma/client';

export interface AuditEntry {
  /** e.g. `user.sign_in`, `user.sign_in_failed`, `account_request.approved`. */
  action: string;
  /** `user:<id>`, `learner:<id>`, `anonymous` or `system`. */
  actor: string;
  subjectType?: string;
  subjectId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string;
}

/** Records an audit event; call it in the same transaction as the change it describes. */
export function audit(db: PrismaClient | Prisma.TransactionClient, entry: AuditEntry) {
  return db.auditEvent.create({ data: entry });
}
