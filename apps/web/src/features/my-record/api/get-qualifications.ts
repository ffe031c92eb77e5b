import type { AwardedQualificationView } from '@lar/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myRecordKeys } from './keys';

/** `GET /api/v1/me/qualifications`: the learner's awarded qualifications, with the units that achieved each. */
export const getMyQualifications = ({ signal }: { signal?: AbortSignal } = {}) =>
  api.get<AwardedQualificationView[]>('/v1/me/qualifications', { signal });

export const myQualificationsQueryOptions = () =>
  queryOptions({
    queryKey: myRecordKeys.qualifications(),
    queryFn: ({ signal }) => getMyQualifications({ signal }),
    staleTime: 30_000,
  });

export function useMyQualifications() {
  return useQuery(myQualificationsQueryOptions());
}
