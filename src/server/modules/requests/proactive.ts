// Use case: 依申请转主动公开 (条例第四十四条). From a case answered with information released, the handler makes a
// de-identified copy of its subject and reply (domain/requests/proactive.ts) a draft item of the unit's catalog;
// the item then goes through the pre-publication checks and the office's review like any other, so only the
// reviewed, de-identified copy is ever public. The case's timeline records the item; a case is made public once.
import type { CurrentUser } from '../../../contracts/api';
import type { ItemInput } from '../../../contracts/disclosure';
import { proactiveCopy } from '../../../domain/requests/proactive';
import { audit } from '../../platform/audit/audit';
import type { Actor, Platform } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { draftItem } from '../disclosure';
import { openApplicant } from './personal-data';
import { inScope, loadScoped } from './reads';
import { lockCase, type Scoped, updateCase } from './requests.repo';

const ITEM_META = 'proactiveItemId';

type Handler = Scoped & Pick<CurrentUser, 'id' | 'name' | 'username' | 'unitName' | 'permissions'>;

export async function makeProactive(
  p: Platform,
  user: Handler,
  actor: Actor,
  id: string,
  body: Pick<ItemInput, 'art20'>,
): Promise<{ itemId: string }> {
  if (!user.permissions.includes('disclosure:item:create')) throw forbidden('没有起草公开信息的权限');
  const row = await loadScoped(p.database.db, user, id);
  if (row.timeline.some((e) => e.meta?.[ITEM_META])) throw conflict('该申请已转为主动公开');
  const copy = proactiveCopy({
    closed: row.status === 'closed',
    outcome: row.outcome,
    description: row.description,
    replyText: row.replyText,
    applicant: openApplicant(p.fieldKeys, row.applicant),
  });
  if (!copy.ok) throw invalid(copy.reasons.join('；'));
  const { id: itemId } = await draftItem(p, user, actor, {
    kind: 'general',
    unitId: row.unitId,
    title: copy.title,
    bodyHtml: copy.bodyHtml,
    art20: body.art20,
  });
  await p.database.db.transaction(async (tx) => {
    const locked = await inScope(tx, user, await lockCase(tx, id));
    await updateCase(tx, id, {
      timeline: [
        ...locked.timeline,
        {
          at: p.clock.now().toISOString(),
          by: actor.username ?? '工作人员',
          text: `依申请转主动公开：已生成去除个人信息的公开信息草稿（隐去 ${copy.masked} 处），待审核发布`,
          meta: { [ITEM_META]: itemId },
        },
      ],
    });
    await audit(tx, actor, {
      action: 'requests.case.proactive',
      objectType: 'request_case',
      objectId: id,
      detail: itemId,
    });
  });
  return { itemId };
}
