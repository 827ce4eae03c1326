import { describe, expect, it } from 'vitest';
import { type ProactiveSource, proactiveCopy } from './proactive';

const applicant = {
  name: '张建国',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  email: 'zjg@example.com',
  address: '北京市东城区某某胡同8号院3单元',
  contactPerson: null,
};
const source = (over: Partial<ProactiveSource> = {}): ProactiveSource => ({
  closed: true,
  outcome: 'r1',
  description: '张建国申请公开2025年城区道路改造项目批复',
  replyText: [
    '张建国：',
    '你于2026年3月2日提出的申请收悉（联系电话13912345678，身份证号11010519491231002X，住址北京市东城区某某胡同8号院3单元，邮箱zjg@example.com）。',
    '经查，2025年城区道路改造项目批复见附件，予以公开。<script>alert(1)</script>',
  ].join('\n'),
  applicant,
  ...over,
});

describe('依申请转主动公开: the de-identified copy', () => {
  it('masks the applicant’s own data wherever they occur and escapes the text', () => {
    const c = proactiveCopy(source());
    if (!c.ok) throw new Error(c.reasons.join());
    const all = c.title + c.bodyHtml;
    for (const raw of ['张建国', '13912345678', '11010519491231002X', '某某胡同', 'zjg@example.com', '8号院'])
      expect(all).not.toContain(raw);
    expect(c.title).toBe('关于张**申请公开2025年城区道路改造项目批复的公开信息（依申请转主动公开）');
    expect(c.bodyHtml).toContain('<p>张**：</p>');
    expect(c.bodyHtml).toContain('予以公开。&lt;script&gt;');
    expect(c.bodyHtml).not.toContain('<script>');
    expect(c.masked).toBeGreaterThanOrEqual(6);
  });

  it.each<[string, Partial<ProactiveSource>, string]>([
    ['still open', { closed: false, outcome: null }, '尚未答复办结'],
    ['withheld (不予公开)', { outcome: 'r3_4' }, '只有予以公开或部分公开'],
    ['no reply text', { replyText: '  ' }, '答复内容为空'],
  ])('refuses a case %s', (_n, over, reason) => {
    const c = proactiveCopy(source(over));
    expect(c.ok).toBe(false);
    expect(c.ok ? '' : c.reasons.join('；')).toContain(reason);
  });

  it('partial disclosure (r2) may be made public too', () => {
    expect(proactiveCopy(source({ outcome: 'r2' })).ok).toBe(true);
  });
});
