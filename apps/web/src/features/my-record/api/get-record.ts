import type { MyRecord } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myRecordKeys } from './keys';

/**
 * `GET /api/v1/me/record`: the learner's whole record: units, credit by level, awarded qualifications,
 * progress toward qualifications (with what the what-if view needs) and progression.
 */
export const getMyRecord = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<MyRecord>('/v1/me/record', { signal });

export const myRecordQueryOptions = () =>
  queryOptions({
    queryKey: myRecordKeys.record(),
    queryFn: ({ signal }) => getMyRecord({ signal }),
    staleTime: 30_000,
  });

export function useMyRecord() {
  return useQuery(myRecordQueryOptions());
}
