import { describe, expect, it } from 'vitest';
import { systemApi } from '../../../contracts/system';
import { DEFAULT_RETENTION } from '../../../domain/security/retention';
import { ME_KEY } from '../../auth';
import { keyOf } from '../../queries';
import { expectShows, me, renderPage, text } from '../../testing/smoke';
import SecurityPage from './pages/SecurityPage';

const security = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  challengeThreshold: 3,
  hardLockThreshold: 5,
  lockoutMinutes: 30,
  sessionIdleMinutes: 30,
  sessionAbsoluteMinutes: 720,
  passwordMaxAgeDays: 90,
};
const lastRun = {
  at: '2027-06-30T18:00:00.000Z',
  auditRows: 1234,
  loginRows: 56,
  logsSkipped: null,
  requestCases: 7,
  letters: 3,
  consultations: 2,
  calls: 9,
  sessions: 11,
  tokens: 4,
};

const render = (role: 'secadmin' | 'auditor', run: typeof lastRun | null) =>
  renderPage(<SecurityPage />, [
    [ME_KEY, me(role)],
    [keyOf(systemApi.getSecurity), security],
    [keyOf(systemApi.getRetention), { settings: DEFAULT_RETENTION, lastRun: run }],
  ]);

describe('SecurityPage › 保存期限与清理', () => {
  it('the security administrator edits the retention and sees the last run’s counts', () => {
    const html = render('secadmin', lastRun);
    expect(html).toContain('data-testid="retention-save"');
    expect(html).toContain('data-testid="retention-logDays"');
    const t = text(html);
    expectShows(t, ['审计日志与登录日志保存期限', '不少于 180 天', '上次清理：2027/7/1 02:00:00']);
    for (const n of ['1234', '56', '7', '9', '11']) expect(t).toContain(n);
  });

  it('before any run it says so', () => {
    expect(text(render('secadmin', null))).toContain('尚未执行过清理');
  });
});
