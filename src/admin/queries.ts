// The console's one query-key convention: an endpoint's key is the segments of its path after /api, then its
// query object — ['disclosure', 'items', '…id…', { page: 1 }]. So a prefix names everything under it:
// invalidate(['disclosure']) refreshes every disclosure query, ['disclosure', 'items'] lists and details.
// Each feature keeps its hooks in `features/<module>/queries.ts`, built from these two.
import {
  type QueryKey,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { CallArgs, Endpoint, ResponseOf } from '../contracts/http';
import { type CallParams, call, pathFor, uploadTo } from './api';
import { earlyInitial } from './early';

export function keyOf<E extends Endpoint>(e: E, args?: CallArgs<E>): QueryKey {
  const segments = e.path
    .replace(/^\/api\//, '')
    .split('/')
    .map((s) =>
      s.startsWith(':') ? ((args?.params as Record<string, string> | undefined)?.[s.slice(1)] ?? s) : s,
    );
  const query = args?.query as Record<string, unknown> | undefined;
  return query && Object.keys(query).length ? [...segments, query] : segments;
}

type QueryOpts<E extends Endpoint> = Omit<UseQueryOptions<ResponseOf<E>>, 'queryKey' | 'queryFn'>;

/** useQuery on an endpoint contract (GET), keyed by the convention above. */
export function useCall<const E extends Endpoint>(e: E, args?: CallArgs<E>, options?: QueryOpts<E>) {
  return useQuery<ResponseOf<E>>({
    queryKey: keyOf(e, args),
    queryFn: ({ signal }) => call(e, ...([args, signal] as CallParams<E>)),
    ...earlyInitial<ResponseOf<E>>(pathFor(e, args)),
    ...options,
  });
}

/**
 * useMutation on an endpoint contract; on success it invalidates the given key prefixes (default: the module's,
 * the first segment of the path), then puts the answer under `replaces` (a write that answers with the new state
 * of a GET, e.g. a detail or a settings page).
 */
export function useCallMutation<const E extends Endpoint, V = CallArgs<E>>(
  e: E,
  opts: {
    /** From the mutation's variables to the call's arguments (default: the variables are the arguments). */
    toArgs?: (v: V) => CallArgs<E>;
    invalidates?: QueryKey[];
    replaces?: QueryKey;
    onSuccess?: (data: ResponseOf<E>, v: V) => void;
  } = {},
) {
  const qc = useQueryClient();
  return useMutation<ResponseOf<E>, Error, V>({
    mutationFn: (v) => call(e, ...([opts.toArgs ? opts.toArgs(v) : (v as CallArgs<E>)] as CallParams<E>)),
    onSuccess: async (data, v) => {
      await invalidateAll(qc, opts.invalidates ?? [keyOf(e).slice(0, 1)]);
      if (opts.replaces) qc.setQueryData(opts.replaces, data);
      opts.onSuccess?.(data, v);
    },
  });
}

/**
 * useMutation that sends a file to an upload endpoint contract (an import's 确认导入: the checked file again, stored
 * all or nothing); on success it refreshes `invalidates` (default: the module's, as useCallMutation), then calls
 * `onSuccess` with the answer. One place, so every import refreshes its lists before the page reports the count.
 */
export function useUploadMutation<const E extends Endpoint>(
  e: E,
  opts: { args?: CallArgs<E>; invalidates?: QueryKey[]; onSuccess?: (data: ResponseOf<E>) => void } = {},
) {
  const qc = useQueryClient();
  return useMutation<ResponseOf<E>, Error, File>({
    mutationFn: (file) => uploadTo(e, file, opts.args),
    onSuccess: async (data) => {
      await invalidateAll(qc, opts.invalidates ?? [keyOf(e).slice(0, 1)]);
      opts.onSuccess?.(data);
    },
  });
}

function invalidateAll(qc: ReturnType<typeof useQueryClient>, prefixes: QueryKey[]) {
  return Promise.all(prefixes.map((queryKey) => qc.invalidateQueries({ queryKey })));
}
