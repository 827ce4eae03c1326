import { describe, expect, it } from 'vitest';
import { type LetterSummary, type MailboxInfo, mailboxApi } from '../../../contracts/interaction';
import type { RoleCode } from '../../../contracts/roles';
import { searchKey } from '../../components/SearchTable';
import { keyOf } from '../../queries';
import { renderAs } from '../../testing/smoke';
import LettersPage from './pages/LettersPage';

const letter: LetterSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  letterNo: 'XX2026-0001',
  mailboxName: '区长信箱',
  type: 'complaint',
  subject: '小区夜间施工噪音扰民',
  writerName: '张**',
  unitId: 'fgw',
  unitName: '区发展改革委',
  status: 'open',
  receivedOn: '2026-01-05',
  replyDue: '2026-01-26',
  repliedOn: null,
  overdue: true,
  onTime: null,
  consent: true,
  published: false,
  sensitiveWords: [],
};
const box: MailboxInfo = {
  id: 'b1',
  kind: 'head',
  name: '区长信箱',
  unitId: 'gov',
  unitName: '区人民政府',
  reviewRequired: false,
  enabled: true,
};

const render = (role: RoleCode) =>
  renderAs(role, <LettersPage />, (qc) => {
    qc.setQueryData(searchKey(mailboxApi.listLetters, { page: 1, pageSize: 20 }), {
      items: [
        letter,
        {
          ...letter,
          id: '22222222-2222-4222-8222-222222222222',
          letterNo: 'XX2026-0002',
          sensitiveWords: ['办证刻章'],
        },
      ],
      total: 2,
    });
    qc.setQueryData(keyOf(mailboxApi.listMailboxes), [box]);
  });

describe('LettersPage', () => {
  it('lists letters with the writer masked and overdue marked; the office sets the mailboxes', () => {
    const html = render('office');
    expect(html).toContain('XX2026-0001');
    expect(html).toContain('张**');
    expect(html).toMatch(/2026-01-26(<!-- -->)?（已逾期）/);
    expect(html).toContain('信箱设置');
    // A sensitive word flags the letter for manual review (SECURITY.md 39); the other letter carries no flag.
    expect(html.match(/含敏感词·人工审核/g)).toHaveLength(1);
    expect(html).toContain('敏感词：办证刻章');
  });
  it('a liaison handles letters but does not set the mailboxes', () => {
    const html = render('liaison');
    expect(html).toContain('小区夜间施工噪音扰民');
    expect(html).not.toContain('信箱设置');
  });
});
