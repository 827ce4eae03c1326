import { describe, expect, it } from 'vitest';
import { runChecks } from './checks';
import { maskAll, maskFinding, maskValue } from './mask';
import type { FindingKind } from './types';

describe('maskValue: per-kind conventions', () => {
  it.each([
    ['id_card', '500103199001011232', '50*************232'],
    ['id_card', '11010519491231002X', '11*************02X'],
    ['id_card', '130503670401001', '13**********001'],
    ['mobile', '13812341234', '138****1234'],
    ['mobile', '138-1234-5678', '138-****-5678'],
    ['mobile', '+86 13812341234', '+86 138****1234'],
    ['landline', '023-62345678', '023-******78'],
    ['landline', '（023）62345678', '（023）******78'],
    ['landline', '0851-5123456', '0851-*****56'],
    ['landline', '62345678', '******78'],
    ['bank_card', '6222020200112233', '6222********2233'],
    ['bank_card', '6222 0202 0011 2233', '6222 **** **** 2233'],
    ['email', 'zhangsan@163.com', 'z***@163.com'],
    ['passport', 'E12345678', 'E******78'],
    // Addresses down to 乡镇/街道 (domain/privacy/address.ts); the name and "家住" stay.
    ['address', '张三，家住解放碑路12号3栋2单元401室', '张三，家住******'],
    [
      'address',
      '张三，家住重庆市潼南区桂林街道办事处解放碑路12号3栋2单元101室',
      '张三，家住重庆市潼南区桂林街道******',
    ],
    ['address', '李四住址：重庆市潼南区双江镇双江村３组１５号', '李四住址：重庆市潼南区双江镇******'],
    ['secrecy_mark', '机密★1年', '*****'],
    ['sensitive_word', '敏感项目', '****'],
    ['invalid_date', '2月30日', '2月30日'],
    ['insecure_link', 'http://a.gov.cn', 'http://a.gov.cn'],
  ] as [FindingKind, string, string][])('%s %s → %s', (kind, text, masked) => {
    expect(maskValue(kind, text)).toBe(masked);
  });

  it.each(['id_card', 'mobile', 'landline', 'bank_card', 'passport'] as FindingKind[])(
    '%s keeps the length so other offsets stay valid',
    (kind) => {
      const samples: Record<string, string> = {
        id_card: '500103199001011232',
        mobile: '138-1234-5678',
        landline: '023-62345678-801',
        bank_card: '6222020200112233445',
        passport: 'EA1234567',
      };
      const s = samples[kind] ?? '';
      expect(maskValue(kind, s)).toHaveLength(s.length);
    },
  );
});

describe('maskFinding / maskAll', () => {
  const text = '张三手机13812341234，邮箱zhangsan@163.com，身份证500103199001011232。';
  const findings = runChecks(text);

  it('masks every finding, from the end, whatever the length change of e-mail', () => {
    expect(maskAll(text, findings)).toBe('张三手机138****1234，邮箱z***@163.com，身份证50*************232。');
  });

  it('order of the findings array does not matter', () => {
    expect(maskAll(text, [...findings].reverse())).toBe(maskAll(text, findings));
  });

  it('one same-length mask leaves the other findings applicable', () => {
    const mobile = findings.find((f) => f.kind === 'mobile');
    const id = findings.find((f) => f.kind === 'id_card');
    if (!mobile || !id) throw new Error('fixture');
    const once = maskFinding(text, mobile);
    expect(maskFinding(once, id)).toContain('50*************232');
  });

  it('a stale finding is refused by maskFinding and skipped by maskAll', () => {
    const mobile = findings.find((f) => f.kind === 'mobile');
    if (!mobile) throw new Error('fixture');
    const changed = text.replace('13812341234', '13900000000');
    expect(() => maskFinding(changed, mobile)).toThrow();
    expect(maskAll(changed, [mobile])).toBe(changed);
  });

  it('overlapping findings: the later one is applied, the earlier skipped', () => {
    const t = 'ab13812341234';
    const a = {
      kind: 'sensitive_word' as const,
      text: 'ab1',
      start: 0,
      end: 3,
      masked: '***',
      blocking: true,
      message: '',
    };
    const b = runChecks(t).find((f) => f.kind === 'mobile');
    if (!b) throw new Error('fixture');
    expect(maskAll(t, [a, b])).toBe('ab138****1234');
  });
});
