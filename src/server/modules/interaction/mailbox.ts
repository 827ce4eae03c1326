// Use case: the mailboxes — the 区长信箱 (held by the district government, whose office routes its letters) and one
// per unit, created when first needed — their settings (reply review, which the unit's 政策咨询 answers follow too;
// shown on the portal), the reply period
// (`interaction.letterDays`, default 15 working days), the window of repeated letters (`interaction.letterRepeatDays`,
// default 30 calendar days) and the sensitive-word list (`interaction.sensitiveWords`, default the shipped JSON).
import type { MailboxInfo } from '../../../contracts/interaction';
import type { WorkingDayCalendar } from '../../../domain/calendar';
import {
  DEFAULT_LETTER_DAYS,
  LETTER_REPEAT_DAYS,
  letterDue,
  MAILBOX_KIND_LABELS,
} from '../../../domain/interaction/letter';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { getSetting, sensitiveWordList } from '../../platform/settings';
import { listUnits, rootUnit } from '../org';
import {
  insertMailboxes,
  type MailboxRow,
  mailboxById,
  mailboxRows,
  unrepliedLetters,
  updateLetter,
  updateMailbox,
} from './repo/letters';

/** Working days to reply to a letter (`interaction.letterDays`, default 15). */
export async function letterDays(db: Database | DbOrTx): Promise<number> {
  const v = await getSetting<number>(db, 'interaction.letterDays');
  return typeof v === 'number' && v > 0 ? v : DEFAULT_LETTER_DAYS;
}

/** The due date of a letter received on `receivedOn`, on the platform calendar. */
export async function letterDueFor(db: DbOrTx, receivedOn: string): Promise<string> {
  return letterDue(await getCalendar(db), receivedOn, await letterDays(db));
}

/** Calendar days within which a writer's alike letter is linked to the unreplied one (`interaction.letterRepeatDays`). */
export async function letterRepeatDays(db: DbOrTx): Promise<number> {
  const v = await getSetting<number>(db, 'interaction.letterRepeatDays');
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : LETTER_REPEAT_DAYS;
}

/** The sensitive words checked before a letter or a Q&A entry is published (a setting replaces the shipped list). */
export const sensitiveWords = sensitiveWordList;

/** Creates the 区长信箱 and the units' mailboxes that do not exist yet (nothing is written when all exist). */
export async function ensureMailboxes(db: DbOrTx): Promise<void> {
  const root = await rootUnit(db);
  if (!root) return;
  const have = new Set((await mailboxRows(db)).map(({ m }) => `${m.kind}:${m.unitId}`));
  const wanted = [
    { kind: 'head' as const, name: MAILBOX_KIND_LABELS.head, unitId: root.id },
    ...(await listUnits(db, ['government', 'department', 'township']))
      .filter((u) => u.id !== root.id)
      .map((u) => ({ kind: 'unit' as const, name: `${u.name}信箱`, unitId: u.id })),
  ];
  await insertMailboxes(
    db,
    wanted.filter((w) => !have.has(`${w.kind}:${w.unitId}`)),
  );
}

const info = ({ m, unitName }: { m: MailboxRow; unitName: string }): MailboxInfo => ({
  id: m.id,
  kind: m.kind,
  name: m.name,
  unitId: m.unitId,
  unitName,
  reviewRequired: m.reviewRequired,
  enabled: m.enabled,
});

export async function listMailboxes(database: Database, enabledOnly = false): Promise<MailboxInfo[]> {
  await ensureMailboxes(database.db);
  return (await mailboxRows(database.db, enabledOnly)).map(info);
}

/** The mailboxes a citizen may write to (the portal's form). */
export async function portalMailboxes(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  await ensureMailboxes(db);
  return (await mailboxRows(db, true)).map(({ m }) => ({ id: m.id, name: m.name }));
}

export async function updateMailboxSettings(
  database: Database,
  actor: Actor,
  id: string,
  body: { reviewRequired: boolean; enabled: boolean },
): Promise<MailboxInfo> {
  return database.db.transaction(async (tx) => {
    const found = await mailboxById(tx, id);
    if (!found) throw notFound('信箱');
    await updateMailbox(tx, id, body);
    await audit(tx, actor, {
      action: 'interaction.mailbox.update',
      objectType: 'mailbox',
      objectId: id,
      detail: `${found.m.name}：答复${body.reviewRequired ? '需' : '无需'}审核，${body.enabled ? '启用' : '停用'}`,
    });
    return info({ m: { ...found.m, ...body }, unitName: found.unitName });
  });
}

/** After an office edit of the calendar: the due dates of unreplied letters, counted again from receipt. */
export async function recomputeLetterDues(database: Database, cal: WorkingDayCalendar): Promise<void> {
  const days = await letterDays(database.db);
  for (const { l } of await unrepliedLetters(database.db)) {
    const due = letterDue(cal, l.receivedOn, days);
    if (due !== l.replyDue) await updateLetter(database.db, l.id, { replyDue: due });
  }
}
