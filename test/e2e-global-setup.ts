import fs from 'node:fs';
import path from 'node:path';
import { ensureAdminBuilt } from '../src/server/admin-build';

// Browser tests drive the built console: build it once when sources changed.
export default async function setup() {
  await ensureAdminBuilt(() => {});
  // The console under test is what `npm start` serves: React's production build (its error decoder's text is in no
  // development build). vitest sets NODE_ENV=test, which once gave the tests a development build.
  const assets = path.resolve(import.meta.dirname, '../dist/admin/assets');
  const react = fs.readdirSync(assets).filter((f) => /^react-.*\.js$/.test(f));
  if (!react.some((f) => fs.readFileSync(path.join(assets, f), 'utf8').includes('Minified React error')))
    throw new Error(`dist/admin is not a production build (${react.join(', ')})`);
}
