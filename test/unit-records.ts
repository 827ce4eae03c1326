// One record of each kind for a unit, made by its own staff (the office where only it may): the ID routes'
// targets in foreign-ids.db.test.ts and fuzz.db.test.ts.
import type { ApiResponse, Client } from './api';

/** The data of a 2xx answer; anything else throws with the status and body (a set-up step that failed). */
export async function ok<T>(res: Promise<ApiResponse<T>>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data as T;
}

/** A 依申请 case registered by staff (in person) for `unitId`: a valid body of POST /api/requests/cases. */
export const staffCaseBody = (unitId: string) => ({
  unitId,
  applicant: {
    kind: 'natural_person',
    name: '张三',
    idType: 'id_card',
    idNumber: '11010519491231002X',
    phone: '13800138000',
  },
  description: '2025年区发展改革委重大项目清单',
  deliveryForm: 'electronic',
  deliveryChannel: 'email',
  channel: 'in_person',
  handedInOn: '2026-03-02',
});

/** 执法公示, a draft decision, a consultation, a Q&A entry, a call, a 舆情 event and a commitment of `fgwUnit`. */
export async function unitRecords(staff: Client, office: Client, fgwUnit: string) {
  const enforcement = await ok(
    staff.post<{ id: string }>('/api/disclosure/enforcement', {
      unitId: fgwUnit,
      kind: 'penalty',
      docNumber: '潼发改罚〔2026〕1号',
      partyType: 'person',
      partyName: '张三丰',
      partyCode: '11010519491231002X',
      decisionDate: '2026-02-26',
      conclusion: '罚款2000元',
      basis: '《价格法》第四十二条',
    }),
    'enforcement',
  );
  const decision = await ok(
    staff.post<{ id: string }>('/api/disclosure/decisions', {
      unitId: fgwUnit,
      title: '关于调整城区公交票价的决定（征求意见稿）',
      background: '城区公交票价十年未调整。',
      basis: '《价格法》',
      explanation: '拟将基础票价由1元调整为2元。',
      draftText: '第一条 城区公交基础票价调整为2元。',
    }),
    'decision',
  );
  const consult = await ok(
    staff.post<{ id: string }>('/api/interaction/consultations', {
      channel: 'phone',
      question: '小微企业申请技术改造补贴需要哪些材料？',
      unitId: fgwUnit,
      askerName: '王小明',
      receivedOn: '2026-03-02',
    }),
    'consultation',
  );
  const qa = await ok(
    staff.post<{ id: string }>('/api/interaction/qa', {
      question: '技术改造补贴怎么申报？',
      answer: '请到区发展改革委窗口。',
      unitId: fgwUnit,
    }),
    'qa',
  );
  const call = await ok(
    staff.post<{ id: string }>('/api/interaction/calls', {
      channel: 'local',
      calledAt: '2026-03-02T08:30:00+08:00',
      callerName: '王小明',
      callerPhone: '13800138000',
      question: '小微企业技术改造补贴什么时候开始申报？',
      unitId: fgwUnit,
    }),
    'call',
  );
  const opinion = await ok(
    office.post<{ id: string }>('/api/interaction/opinions', {
      source: '本地论坛',
      summary: '网传公交票价上涨',
      level: 'general',
      unitId: fgwUnit,
      foundAt: '2026-03-01T08:00:00+08:00',
    }),
    'opinion',
  );
  const commitment = await ok(
    staff.post<{ id: string }>('/api/interaction/commitments', {
      content: '3 月底前完成技改项目审批',
      place: '2026 年 2 月新闻发布会',
      unitId: fgwUnit,
      promisedOn: '2026-02-20',
      dueOn: '2026-03-31',
    }),
    'commitment',
  );
  return { enforcement, decision, consult, qa, call, opinion, commitment };
}
