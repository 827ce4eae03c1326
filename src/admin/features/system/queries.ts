// Queries of the system feature (the convention is in src/admin/queries.ts).
import type { CallArgs, Endpoint } from '../../../contracts/http';
import { systemApi } from '../../../contracts/system';
import { keyOf, useCall, useCallMutation } from '../../queries';

/** A settings save: the PUT answers the stored settings, which replace the GET's (nothing else refreshes). */
const useSaveSettings = <E extends Endpoint>(put: E, settings: Endpoint, onSaved: () => void) =>
  useCallMutation(put, {
    // Both PUTs take the settings as their body: TypeScript cannot see that through the generic.
    toArgs: (body: CallArgs<E>['body']) => ({ body }) as unknown as CallArgs<E>,
    invalidates: [],
    replaces: keyOf(settings),
    onSuccess: onSaved,
  });

export const useSecuritySettings = () => useCall(systemApi.getSecurity);

export const useSaveSecuritySettings = (onSaved: () => void) =>
  useSaveSettings(systemApi.putSecurity, systemApi.getSecurity, onSaved);

export const useRetention = () => useCall(systemApi.getRetention);

export const useSaveRetention = (onSaved: () => void) =>
  useSaveSettings(systemApi.putRetention, systemApi.getRetention, onSaved);
