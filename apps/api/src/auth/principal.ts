import type { Me } from '@lar/shared/api';
import type { OrganisationType, PrismaClient } from '../generated/prisma/client';
import type { Role } from '../lib/access';

/** The claims of an access token: who, with which role, in which session. */
export interface Principal {
  /** User or learner id. */
  sub: string;
  kind: 'user' | 'learner';
  role: Role;
  /** The session the token was issued for; revoking it ends the token's use at once. */
  sid: string;
  /** The organisation of an organisation user. */
  org?: string;
}

const ROLE_BY_ORGANISATION: Record<OrganisationType, Role> = {
  CENTRE: 'centre',
  THIRD_PARTY: 'third_party',
  AWARDING_ORGANISATION: 'awarding_organisation',
  SERVICE_DESK: 'administrator',
};

export const roleOf = (type: OrganisationType): Role => ROLE_BY_ORGANISATION[type];

/** An account as the auth code needs it, whichever kind it is. */
export interface Account {
  kind: 'user' | 'learner';
  id: string;
  role: Role;
  name: string;
  signInId: string;
  email: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
  memorableInfo: string | null;
  disabled: boolean;
  organisation: { id: string; name: string; code: string; type: OrganisationType } | null;
}

export async function findUserAccount(prisma: PrismaClient, where: { id: string } | { userId: string }) {
  const user = await prisma.user.findUnique({ where, include: { organisation: true } });
  if (!user) return undefined;
  const { organisation: o } = user;
  return {
    kind: 'user',
    id: user.id,
    role: roleOf(o.type),
    name: user.fullName,
    signInId: user.userId,
    email: user.email,
    passwordHash: user.passwordHash,
    mustChangePassword: user.mustChangePassword,
    memorableInfo: user.memorableInfo,
    disabled: user.disabledAt !== null,
    organisation: { id: o.id, name: o.name, code: o.code, type: o.type },
  } satisfies Account;
}

export async function findLearnerAccount(prisma: PrismaClient, where: { id: string } | { uln: string }) {
  const learner = await prisma.learner.findUnique({ where });
  if (!learner) return undefined;
  return {
    kind: 'learner',
    id: learner.id,
    role: 'learner',
    name: `${learner.givenName} ${learner.familyName}`,
    signInId: learner.uln,
    email: learner.email,
    passwordHash: learner.passwordHash,
    mustChangePassword: learner.mustChangePassword,
    memorableInfo: learner.memorableInfo,
    disabled: false,
    organisation: null,
  } satisfies Account;
}

export function findAccount(prisma: PrismaClient, kind: 'user' | 'learner', id: string) {
  return kind === 'user' ? findUserAccount(prisma, { id }) : findLearnerAccount(prisma, { id });
}

export function meOf(account: Account): Me {
  return {
    kind: account.kind,
    id: account.id,
    role: account.role,
    name: account.name,
    signInId: account.signInId,
    email: account.email,
    organisation: account.organisation,
    mustChangePassword: account.mustChangePassword,
    hasMemorableInformation: account.memorableInfo !== null,
  };
}
