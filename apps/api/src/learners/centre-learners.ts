import type { CentreLearnersPage, CentreLearnersQuery, LearnerSort } from '@lar/shared/api';
import type { Database } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import { ulnStartingWith } from '../lib/uln-search';

type Order = Prisma.RegistrationOrderByWithRelationInput[];

type SortKey = 'familyName' | 'uln' | 'registeredAt' | 'dateOfBirth';

const ORDERS: Record<SortKey, (dir: 'asc' | 'desc') => Order> = {
  familyName: (dir) => [{ learner: { familyName: dir } }, { learner: { givenName: dir } }],
  uln: (dir) => [{ learner: { uln: dir } }],
  registeredAt: (dir) => [{ createdAt: dir }],
  dateOfBirth: (dir) => [{ learner: { dateOfBirth: dir } }],
};

function orderBy(sort: LearnerSort = 'familyName'): Order {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as SortKey;
  // The learner last (a registration's key with the centre), so that pages never overlap or skip
  // when the sort key ties.
  return [...ORDERS[key](descending ? 'desc' : 'asc'), { learnerId: 'asc' }];
}

/**
 * `q` is a ULN (whole, or its first digits) or words of a name: every word must start part of the
 * given or family name, in any case ("ann smi" finds Annie Smith).
 */
function search(q: string | undefined): Prisma.LearnerWhereInput {
  const text = q?.trim() ?? '';
  if (text === '') return {};
  if (/^\d+$/.test(text)) return { uln: ulnStartingWith(text) };
  const words = text.split(/\s+/).slice(0, 5);
  return {
    AND: words.map((word) => ({
      OR: [
        { givenName: { contains: word, mode: 'insensitive' as const } },
        { familyName: { contains: word, mode: 'insensitive' as const } },
      ],
    })),
  };
}

/** The learners registered with a centre, searched, sorted and paged. */
export async function centreLearners(
  db: Database,
  centreId: string,
  query: CentreLearnersQuery,
): Promise<CentreLearnersPage> {
  const where: Prisma.RegistrationWhereInput = { centreId, learner: search(query.q) };
  const [rows, total] = await Promise.all([
    db.prisma.registration.findMany({
      where,
      orderBy: orderBy(query.sort),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        createdAt: true,
        learner: {
          select: {
            id: true,
            uln: true,
            givenName: true,
            familyName: true,
            dateOfBirth: true,
            email: true,
            mustChangePassword: true,
          },
        },
      },
    }),
    db.prisma.registration.count({ where }),
  ]);
  return {
    items: rows.map(({ learner, createdAt }) => ({
      id: learner.id,
      uln: learner.uln,
      givenName: learner.givenName,
      familyName: learner.familyName,
      dateOfBirth: learner.dateOfBirth.toISOString().slice(0, 10),
      email: learner.email,
      registeredAt: createdAt.toISOString(),
      activated: !learner.mustChangePassword,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
