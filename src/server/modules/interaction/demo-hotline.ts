// Demo rows of the hotline ledger, 舆情 and 公开承诺 (the demo district's console and /hdjl/cn are not empty): small,
// fixed, written once (setting `demo.hotlineSeeded`). No caller data: the demo holds no personal data.
import type { DbOrTx } from '../../db/client';
import { getSetting, putSetting } from '../../platform/settings';
import { findUnitByName } from '../org';
import { insertCalls, nextCallNo } from './repo/calls';
import { insertCommitment, insertProgress, nextCommitNo } from './repo/commitments';
import { insertOpinion, nextEventNo } from './repo/opinions';

const at = (s: string) => new Date(`${s}+08:00`);

export async function seedHotlineDemo(db: DbOrTx): Promise<number> {
  if (await getSetting<boolean>(db, 'demo.hotlineSeeded')) return 0;
  const fgw = await findUnitByName(db, '区发展改革委');
  const jw = await findUnitByName(db, '区教委');
  if (!fgw || !jw) return 0;
  await insertCalls(db, [
    {
      callNo: await nextCallNo(db, '2026'),
      channel: 'local',
      calledAt: at('2026-02-24T10:12:00'),
      question: '（示例）区里的价格举报电话是多少？',
      answer: '（示例）已告知 12345 及区发展改革委价格监督检查电话。',
      unitId: fgw.id,
      status: 'answered',
      source: 'manual',
    },
    {
      callNo: await nextCallNo(db, '2026'),
      channel: 'hotline_12345',
      workOrderNo: 'SL-DEMO-0001',
      calledAt: at('2026-02-25T15:40:00'),
      question: '（示例）今年秋季入学的学区划分什么时候公布？',
      unitId: jw.id,
      status: 'open',
      source: 'import',
    },
  ]);
  await insertOpinion(db, {
    eventNo: await nextEventNo(db, '2026'),
    source: '（示例）本地论坛',
    summary: '（示例）网传某小区周边学位不足',
    level: 'major',
    unitId: jw.id,
    foundAt: at('2026-02-20T09:00:00'),
    responseDue: at('2026-02-22T09:00:00'),
    status: 'responded',
    response: '（示例）区教委在区政府网站发布学位安排说明。',
    responseChannel: '区政府网站',
    respondedAt: at('2026-02-21T17:00:00'),
    onTime: true,
  });
  const c = await insertCommitment(db, {
    commitNo: await nextCommitNo(db, '2026'),
    content: '（示例）秋季学期前新增公办学位 200 个',
    place: '舆情回应：学位安排说明',
    unitId: jw.id,
    promisedOn: '2026-02-21',
    dueOn: '2026-08-31',
  });
  await insertProgress(db, {
    commitmentId: c.id,
    on: '2026-02-27',
    text: '（示例）已确定 2 所学校的扩班方案。',
    by: '区教委',
  });
  await putSetting(db, 'demo.hotlineSeeded', true);
  return 4;
}
