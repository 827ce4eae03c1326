// HTTP only: the 标准目录 contracts (contracts/directory.ts) mounted on their use cases.
import type { Hono } from 'hono';
import { directoryApi } from '../../../contracts/directory';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { uploadToBlocks } from '../../platform/documents/text';
import { route } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { directoryCoverage, directoryRowsFor, rectifyCoverage } from './directory-coverage';
import { commitDirectory, directoryVersions, previewDirectory } from './directory-import';

export function directoryRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, config } = p;
  const db = database.db;
  // The upload is read and parsed (in an upload worker) before any database work.
  route(app, directoryApi.preview, async ({ c }) =>
    previewDirectory(
      db,
      config.districtName,
      await uploadToBlocks(await readUpload(c, config.maxUploadBytes)),
    ),
  );
  route(app, directoryApi.commit, ({ c, user, body }) =>
    commitDirectory(database, actorOf(user, c), config.districtName, body),
  );
  route(app, directoryApi.versions, () => directoryVersions(db));
  route(app, directoryApi.rows, ({ user, query }) => directoryRowsFor(db, user, query.unitId));
  route(app, directoryApi.coverage, ({ user, query }) => directoryCoverage(p, user, query));
  route(app, directoryApi.rectify, ({ c, user, body }) => rectifyCoverage(p, user, actorOf(user, c), body));
}
