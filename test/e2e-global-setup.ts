import { ensureAdminBuilt } from '../src/server/admin-build';

// Browser tests drive the built console: build it once when sources changed.
export default async function setup() {
  await ensureAdminBuilt(() => {});
}
