// Queries of the system feature (the convention is in src/admin/queries.ts).
import { useQueryClient } from '@tanstack/react-query';
import { type RetentionSettings, type SecuritySettings, systemApi } from '../../../contracts/system';
import { keyOf, useCall, useCallMutation } from '../../queries';

export const useSecuritySettings = () => useCall(systemApi.getSecurity);

export function useSaveSecuritySettings(onSaved: () => void) {
  const qc = useQueryClient();
  return useCallMutation(systemApi.putSecurity, {
    toArgs: (body: SecuritySettings) => ({ body }),
    invalidates: [],
    onSuccess: (v) => {
      qc.setQueryData(keyOf(systemApi.getSecurity), v);
      onSaved();
    },
  });
}

export const useRetention = () => useCall(systemApi.getRetention);

export function useSaveRetention(onSaved: () => void) {
  const qc = useQueryClient();
  return useCallMutation(systemApi.putRetention, {
    toArgs: (body: RetentionSettings) => ({ body }),
    invalidates: [],
    onSuccess: (v) => {
      qc.setQueryData(keyOf(systemApi.getRetention), v);
      onSaved();
    },
  });
}
