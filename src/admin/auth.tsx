import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '../contracts/api';
import type { PermissionCode } from '../contracts/permissions';
import { get, post } from './api';
import { earlyInitial } from './early';

export const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => get<CurrentUser>('/auth/me', signal),
    ...earlyInitial<CurrentUser>('/auth/me'),
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** The logged-in user (only inside the guarded layout, where it is loaded). */
export function useCurrentUser(): CurrentUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the authenticated layout');
  return data;
}

export function usePermission(): (code: PermissionCode) => boolean {
  const { data } = useMe();
  const set = useMemo(() => new Set(data?.permissions ?? []), [data]);
  return useCallback((code: PermissionCode) => set.has(code), [set]);
}

export function useLogout(): () => Promise<void> {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await post('/auth/logout');
    } finally {
      qc.clear();
      navigate('/login', { replace: true });
    }
  }, [qc, navigate]);
}
