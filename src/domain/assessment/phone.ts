// 电话测评 results (seed 001: 采取在线测评、电话测评等方式): one row per unit of the office's .xlsx — the unit, its
// score out of 100, the number of calls, a note.
export const PHONE_HEADERS = { unit: '单位', score: '测评得分', calls: '拨打次数', note: '备注' } as const;

export type PhoneRow =
  | { ok: true; value: { unit: string; score: number; calls: number; note: string } }
  | { ok: false; unit: string; errors: string[] };

const NUMBER_RE = /^\d+(\.\d{1,2})?$/;

export function readPhoneRow(values: Record<string, string | undefined>): PhoneRow {
  const h = PHONE_HEADERS;
  const unit = (values[h.unit] ?? '').trim();
  const scoreText = (values[h.score] ?? '').trim();
  const callsText = (values[h.calls] ?? '').trim();
  const errors: string[] = [];
  if (!unit) errors.push('缺少单位');
  let score = Number.NaN;
  if (!scoreText) errors.push('缺少测评得分');
  else if (!NUMBER_RE.test(scoreText)) errors.push(`测评得分“${scoreText}”应为0至100的数字，最多两位小数`);
  else {
    score = Number(scoreText);
    if (score > 100) errors.push(`测评得分${scoreText}超过100分`);
  }
  let calls = 1;
  if (callsText) {
    if (!/^\d+$/.test(callsText) || Number(callsText) < 1) errors.push(`拨打次数“${callsText}”应为正整数`);
    else calls = Number(callsText);
  }
  if (errors.length) return { ok: false, unit, errors };
  return { ok: true, value: { unit, score, calls, note: (values[h.note] ?? '').trim().slice(0, 200) } };
}
