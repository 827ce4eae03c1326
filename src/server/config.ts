import path from 'node:path';

// All configuration comes from the environment (documented in README "Configuration").
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** External PostgreSQL: the owner role's URL for migrations (GONGKAI_OWNER_DATABASE_URL; default DATABASE_URL). */
  ownerDatabaseUrl: string | null;
  /** Serve as a database superuser anyway (GONGKAI_ALLOW_SUPERUSER; tests only). */
  allowSuperuser: boolean;
  /** Serve even when PostgreSQL runs with fsync, synchronous_commit or full_page_writes off (test clusters only). */
  allowUnsafeDurability: boolean;
  /** HMAC key of the audit checkpoints, outside the database (GONGKAI_AUDIT_KEY_FILE). */
  auditKeyFile: string;
  /** Keys sealing applicants' personal data, outside the database (GONGKAI_FIELD_KEYS_FILE; default <data>/keys/fields.json). */
  fieldKeysFile: string;
  /** Where signed audit checkpoints are appended (GONGKAI_AUDIT_CHECKPOINTS). */
  auditCheckpointFile: string;
  /** Minutes between audit checkpoints (GONGKAI_AUDIT_CHECKPOINT_MINUTES). */
  auditCheckpointMinutes: number;
  dataDir: string;
  /**
   * The embedded PostgreSQL copies every finished WAL segment here (GONGKAI_WAL_ARCHIVE_DIR): with `gongkai pitr
   * base-backup` it allows a restore to any moment (db/pitr.ts). Unset: no archiving.
   */
  walArchiveDir: string | null;
  only: 'portal' | 'admin' | null;
  adminPassword: string | null;
  demo: boolean;
  demoPassword: string | null;
  /** Also publish a few sample items on the portal (GONGKAI_DEMO_CONTENT, default on with the demo; tests leave it off). */
  demoContent: boolean;
  districtName: string;
  secureCookies: boolean;
  /** Serve only over TLS: HTTP reads redirect to HTTPS, HTTP writes are refused, HSTS on (GONGKAI_FORCE_HTTPS). */
  forceHttps: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  maxUploadBytes: number;
  jobs: boolean;
  /** Probe the links of drafts at check time (broken-link check). */
  linkProbe: boolean;
  /** Let the link probe reach private/loopback addresses: for tests only, default deny (SSRF). */
  linkProbePrivate: boolean;
  /** MON-1 availability sample: the home page must answer within this (GONGKAI_AVAILABILITY_TIMEOUT_S; default 15 s). */
  availabilityTimeoutMs: number;
  /** The 三员 accounts must log in with a second factor (GONGKAI_REQUIRE_2FA=0 turns it off: demo and tests). */
  require2fa: boolean;
  /** Peers whose X-Forwarded-For is believed (GONGKAI_TRUSTED_PROXIES: comma-separated IPs or CIDRs). */
  trustedProxies: string[];
  /** ClamAV daemon for uploads: host:port or a unix socket path (GONGKAI_CLAMD; unset = no scan). */
  clamd: string | null;
  /** Wall-clock limit of parsing one upload (GONGKAI_UPLOAD_TIMEOUT_S; default 30 s). */
  uploadTimeoutMs: number | null;
  /** Serve /api/docs without a session (GONGKAI_PUBLIC_API_DOCS; default: signed-in users only). */
  publicApiDocs: boolean;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.GONGKAI_DATA_DIR ?? 'data');
  const only = env.GONGKAI_ONLY === 'portal' || env.GONGKAI_ONLY === 'admin' ? env.GONGKAI_ONLY : null;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    ownerDatabaseUrl: env.GONGKAI_OWNER_DATABASE_URL || null,
    allowSuperuser: bool(env.GONGKAI_ALLOW_SUPERUSER, false),
    allowUnsafeDurability: bool(env.GONGKAI_ALLOW_UNSAFE_DURABILITY, false),
    dataDir,
    walArchiveDir: env.GONGKAI_WAL_ARCHIVE_DIR ? path.resolve(env.GONGKAI_WAL_ARCHIVE_DIR) : null,
    fieldKeysFile: path.resolve(env.GONGKAI_FIELD_KEYS_FILE || path.join(dataDir, 'keys', 'fields.json')),
    auditKeyFile: path.resolve(env.GONGKAI_AUDIT_KEY_FILE || path.join(dataDir, 'audit-hmac.key')),
    auditCheckpointFile: path.resolve(
      env.GONGKAI_AUDIT_CHECKPOINTS || path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
    auditCheckpointMinutes: Math.max(1, Number(env.GONGKAI_AUDIT_CHECKPOINT_MINUTES ?? 10) || 10),
    only,
    adminPassword: env.GONGKAI_ADMIN_PASSWORD || null,
    demo: bool(env.GONGKAI_DEMO, true),
    demoPassword: env.GONGKAI_DEMO_PASSWORD || null,
    demoContent: bool(env.GONGKAI_DEMO_CONTENT, true),
    districtName: env.GONGKAI_DISTRICT ?? '重庆市潼南区',
    secureCookies: bool(env.GONGKAI_SECURE_COOKIES, bool(env.GONGKAI_FORCE_HTTPS, false)),
    forceHttps: bool(env.GONGKAI_FORCE_HTTPS, false),
    logLevel: (env.GONGKAI_LOG_LEVEL as Config['logLevel']) ?? 'info',
    maxUploadBytes: Number(env.GONGKAI_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    jobs: bool(env.GONGKAI_JOBS, true),
    linkProbe: bool(env.GONGKAI_LINK_PROBE, true),
    linkProbePrivate: bool(env.GONGKAI_LINK_PROBE_PRIVATE, false),
    availabilityTimeoutMs: Math.max(1, Number(env.GONGKAI_AVAILABILITY_TIMEOUT_S ?? 15) || 15) * 1000,
    // On for every real deployment (GONGKAI_DEMO=0); the demo district's `npm start` lets its 三员 in by password.
    require2fa: bool(env.GONGKAI_REQUIRE_2FA, !bool(env.GONGKAI_DEMO, true)),
    trustedProxies: (env.GONGKAI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicApiDocs: bool(env.GONGKAI_PUBLIC_API_DOCS, false),
    clamd: env.GONGKAI_CLAMD || null,
    uploadTimeoutMs: env.GONGKAI_UPLOAD_TIMEOUT_S ? Number(env.GONGKAI_UPLOAD_TIMEOUT_S) * 1000 : null,
    ...overrides,
  };
}
