// Use case: 舆情 events (issue 11 part 6; seed 001 "政务舆情收集、会商、研判、回应、评估机制"): registration with the
// response deadline by level (setting `interaction.opinionResponseHours`, domain/interaction/opinion), the
// published response (a late one recorded as late, never refused), the evaluation; unit-scoped.
import type { OpinionActionBody, OpinionBody, OpinionInfo } from '../../../contracts/hotline';
import { chinaDate } from '../../../domain/calendar';
import {
  OPINION_ACTION_LABELS,
  opinionActions,
  opinionOverdue,
  respondedOnTime,
  responseDue,
  responseHoursOf,
} from '../../../domain/interaction/opinion';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { getSetting } from '../../platform/settings';
import { assertNotLater, assertRecordUnit, inScope } from './records';
import type { Scoped } from './repo/consultations';
import {
  insertOpinion,
  lockOpinion,
  nextEventNo,
  type OpinionFilter,
  type OpinionWithUnit,
  opinionById,
  opinionPage,
  updateOpinion,
} from './repo/opinions';

function info({ o, unitName }: OpinionWithUnit, now: Date): OpinionInfo {
  return {
    id: o.id,
    eventNo: o.eventNo,
    source: o.source,
    summary: o.summary,
    level: o.level,
    unitId: o.unitId,
    unitName,
    foundAt: o.foundAt.toISOString(),
    responseDue: o.responseDue.toISOString(),
    status: o.status,
    overdue: opinionOverdue(o.status, o.responseDue, now),
    response: o.response,
    responseChannel: o.responseChannel,
    respondedAt: o.respondedAt?.toISOString() ?? null,
    onTime: o.onTime,
    evaluation: o.evaluation,
    allowedActions: opinionActions(o.status),
  };
}

export async function listOpinions(
  database: Database,
  clock: Clock,
  user: Scoped,
  q: OpinionFilter & { page: number; pageSize: number },
) {
  const now = clock.now();
  const { rows, total } = await opinionPage(database.db, user, q, now);
  return { items: rows.map((r) => info(r, now)), total };
}

const opinionInScope = async (db: DbOrTx, user: Scoped, id: string): Promise<OpinionWithUnit> =>
  inScope(db, user, '舆情', await opinionById(db, id), (r) => r.o.unitId);

export async function createOpinion(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  body: OpinionBody,
): Promise<OpinionInfo> {
  const foundAt = new Date(body.foundAt);
  assertNotLater(foundAt, clock, '发现时间');
  const id = await database.db.transaction(async (tx) => {
    await assertRecordUnit(tx, user, body.unitId, '责任单位');
    const hours = responseHoursOf(await getSetting(tx, 'interaction.opinionResponseHours'));
    const row = await insertOpinion(tx, {
      eventNo: await nextEventNo(tx, chinaDate(foundAt).slice(0, 4)),
      source: body.source.trim(),
      summary: body.summary.trim(),
      level: body.level,
      unitId: body.unitId,
      foundAt,
      responseDue: responseDue(foundAt, body.level, hours),
      createdBy: user.id,
    });
    await audit(tx, actor, {
      action: 'interaction.opinion.create',
      objectType: 'opinion_event',
      objectId: row.id,
      detail: `${row.eventNo} ${body.level}`,
    });
    return row.id;
  });
  return info((await opinionById(database.db, id))!, clock.now());
}

export async function actOnOpinion(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  body: OpinionActionBody,
): Promise<OpinionInfo> {
  await database.db.transaction(async (tx) => {
    await opinionInScope(tx, user, id);
    const o = (await lockOpinion(tx, id))!;
    if (!opinionActions(o.status).includes(body.action))
      throw invalid(`当前状态不能${OPINION_ACTION_LABELS[body.action]}`);
    let detail = o.eventNo;
    if (body.action === 'respond') {
      const at = new Date(body.respondedAt);
      assertNotLater(at, clock, '回应时间');
      if (at.getTime() < o.foundAt.getTime()) throw invalid('回应时间不能早于发现时间');
      const onTime = respondedOnTime(o.responseDue, at);
      await updateOpinion(tx, o.id, {
        status: 'responded',
        response: body.response.trim(),
        responseChannel: body.channel.trim(),
        respondedAt: at,
        onTime,
      });
      detail += onTime ? ' 按时回应' : ' 逾期回应';
    } else {
      await updateOpinion(tx, o.id, { status: 'closed', evaluation: body.evaluation.trim() });
    }
    await audit(tx, actor, {
      action: `interaction.opinion.${body.action}`,
      objectType: 'opinion_event',
      objectId: o.id,
      detail,
    });
  });
  return info((await opinionById(database.db, id))!, clock.now());
}
