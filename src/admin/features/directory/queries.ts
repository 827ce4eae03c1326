// Queries of the 标准目录 feature (the convention is in src/admin/queries.ts): one hook per endpoint of
// contracts/directory.ts the pages use.
import { directoryApi as api, type DirectoryCommitInput } from '../../../contracts/directory';
import { uploadTo } from '../../api';
import { useCall, useCallMutation } from '../../queries';

export const previewDirectory = (file: File, onProgress: (percent: number) => void) =>
  uploadTo(api.preview, file, {}, onProgress);

export const useDirectoryVersions = () => useCall(api.versions);

export const useCoverage = (q: { from: string; to: string } | null) =>
  useCall(api.coverage, { query: q ?? { from: '', to: '' } }, { enabled: !!q });

export const useCommitDirectory = (
  onDone: (v: { version: number; rowCount: number; bindingCount: number }) => void,
) => useCallMutation(api.commit, { toArgs: (body: DirectoryCommitInput) => ({ body }), onSuccess: onDone });

export const useRectify = (onDone: (r: { taskCount: number }) => void) =>
  useCallMutation(api.rectify, {
    toArgs: (body: { from: string; to: string; dueDate: string }) => ({ body }),
    invalidates: [['disclosure'], ['tasks']],
    onSuccess: onDone,
  });
