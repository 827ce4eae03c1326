import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

// Errors are shown once, centrally, with antd message.error (registered by <ErrorNotifier/> inside antd <App>).
// Auth errors are not shown: the API wrapper already navigates to the login / password page.
type Notify = (text: string) => void;
let notify: Notify = (text) => console.error(text);
export function setErrorNotifier(fn: Notify): void {
  notify = fn;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败';
}

export function showError(err: unknown): void {
  if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'PASSWORD_CHANGE_REQUIRED'))
    return;
  notify(errorText(err));
}

/** Mutations and queries may opt out (they show the error in place) with meta: { silent: true }. */
function silent(meta: Record<string, unknown> | undefined): boolean {
  return meta?.silent === true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (!silent(query.meta)) showError(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _v, _c, mutation) => {
        if (!silent(mutation.meta)) showError(err);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}
