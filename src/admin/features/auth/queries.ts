// Queries of login and two-step verification (the convention is in src/admin/queries.ts).
import { authApi } from '../../../contracts/auth';
import { call } from '../../api';
import { ME_KEY } from '../../auth';
import { keyOf, useCall, useCallMutation } from '../../queries';

export const newChallenge = () => call(authApi.challenge, {});

export const loginWithPassword = (body: {
  username: string;
  password: string;
  challengeId?: string;
  challengeAnswer?: string;
}) => call(authApi.login, { body });

export const loginWithCode = (body: { mfaToken: string; code: string }) => call(authApi.loginTotp, { body });

export const useTotpStatus = () => useCall(authApi.totpStatus);

/** Setting up, confirming or switching off changes what /auth/me and the status say. */
const invalidates = [keyOf(authApi.totpStatus), ME_KEY as unknown as string[]];

export const useTotpSetup = () => useCallMutation(authApi.totpSetup, { toArgs: () => ({}), invalidates });
export const useTotpConfirm = (onCodes: (codes: string[]) => void) =>
  useCallMutation(authApi.totpConfirm, {
    toArgs: (code: string) => ({ body: { code } }),
    invalidates,
    onSuccess: (r) => onCodes(r.recoveryCodes),
  });
export const useTotpDisable = () =>
  useCallMutation(authApi.totpDisable, {
    toArgs: (password: string) => ({ body: { password } }),
    invalidates,
  });
