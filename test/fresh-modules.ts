// Run before every test file (vitest.config setupFiles). Files share a worker process (isolate: false), so the
// project's modules are evaluated again for each file: module-level caches (security settings, the calendar, the
// segmenter), registries and counters start as in a new process. Only node_modules stay loaded.
import { vi } from 'vitest';

vi.resetModules();
