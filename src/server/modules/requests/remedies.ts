// Use case: 行政复议 and 行政诉讼 against a case are recorded (they feed table 四 of the annual report).
import type { Database } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { today } from './case-clock';
import { loadScoped } from './reads';
import { insertRemedy, type Scoped } from './requests.repo';

export interface RemedyInput {
  kind: 'reconsideration' | 'litigation';
  afterReconsideration: boolean;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  filedOn: string;
  note?: string | null;
}

export async function addRemedy(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  input: RemedyInput,
): Promise<{ id: string }> {
  if (input.filedOn > today(clock)) throw invalid(`日期 ${input.filedOn} 晚于今天`);
  return database.db.transaction(async (tx) => {
    const row = await loadScoped(tx, user, id);
    if (!row.receivedOn) throw invalid('尚未确认收到的申请不能登记复议诉讼');
    const remedyId = await insertRemedy(tx, {
      caseId: id,
      kind: input.kind,
      afterReconsideration: input.kind === 'litigation' ? input.afterReconsideration : false,
      result: input.result,
      filedOn: input.filedOn,
      note: input.note?.trim() || null,
    });
    await audit(tx, actor, {
      action: 'requests.remedy',
      objectType: 'request_case',
      objectId: id,
      detail: `${input.kind} ${input.result}`,
    });
    return { id: remedyId };
  });
}
