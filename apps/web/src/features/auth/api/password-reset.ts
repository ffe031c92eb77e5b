import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './get-me';

export type AccountKind = 'user' | 'learner';

/** `POST /api/v1/auth/password-reset`: emails a reset link if the account exists; the same answer either way. */
export function requestPasswordReset(input: {
  kind: AccountKind;
  signInId: string;
}): Promise<{ message: string }> {
  return api.post<{ message: string }>('/v1/auth/password-reset', input);
}

const KIND_KEY = 'lar.passwordResetKind';

/**
 * Which kind of account this browser last asked a reset link for, so the reset page can link to the
 * right sign-in page (the link is usually opened in the same browser; the API does not say).
 */
export function rememberedResetKind(): AccountKind | undefined {
  try {
    const kind = localStorage.getItem(KIND_KEY);
    return kind === 'user' || kind === 'learner' ? kind : undefined;
  } catch {
    return undefined;
  }
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: requestPasswordReset,
    onSuccess: (_answer, { kind }) => {
      try {
        localStorage.setItem(KIND_KEY, kind);
      } catch {
        // Storage may be unavailable; the reset page then links to both sign-in pages.
      }
    },
  });
}

/** Which memorable-information characters to ask for (1-based). `kind` is used when the API sends it. */
export interface PasswordResetChallenge {
  positions: number[];
  kind?: AccountKind;
}

/** `POST /api/v1/auth/password-reset/challenge`: 400 `TOKEN_INVALID` for an expired or used link. */
export function getPasswordResetChallenge(token: string): Promise<PasswordResetChallenge> {
  return api.post<PasswordResetChallenge>('/v1/auth/password-reset/challenge', { token });
}

/** The same positions for the life of the page: asked once per token. */
export const passwordResetChallengeQueryOptions = (token: string) =>
  queryOptions({
    queryKey: authKeys.resetChallenge(token),
    queryFn: () => getPasswordResetChallenge(token),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export function usePasswordResetChallenge(token: string) {
  return useQuery({ ...passwordResetChallengeQueryOptions(token), enabled: token !== '' });
}

/** `POST /api/v1/auth/password-reset/complete`. */
export function completePasswordReset(input: {
  token: string;
  characters: string[];
  newPassword: string;
}): Promise<void> {
  return api.post<void>('/v1/auth/password-reset/complete', input);
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: completePasswordReset });
}
