// Use case: the pre-publication checks of an item (personal data, secrecy marks, sensitive words, unit names,
// dates, links) on its title, body and attachments. Reading and parsing attachments and probing links take time
// and the network, so they run before a transaction opens (`prepareChecks`); inside it, `recheck` only runs the
// pure rules on what was prepared and stores the findings.
import type { ItemInput } from '../../../contracts/disclosure';
import {
  extractLinks,
  runChecks,
  runChecksOnParts,
  unreadableAttachmentFinding,
} from '../../../domain/review/checks';
import { type FindingOverride, publicationGate } from '../../../domain/review/gate';
import type { CheckOptions, Finding } from '../../../domain/review/types';
import { resolveUnit } from '../../../domain/units';
import type { DbOrTx } from '../../db/client';
import type { Platform } from '../../platform/context';
import { type ExtractResult, extractAttachmentText } from '../../platform/documents/attachment-text';
import { conflict } from '../../platform/errors';
import { readFile, sniffKind } from '../../platform/files/service';
import { loadUnitIndex } from '../org';
import { findBrokenLinks, ProbeCache } from './link-probe';
import { attachmentsOf, type Item, setItemFindings, updateAttachment } from './repo/items';
import { bodyToText, sanitizeBody } from './sanitize';
import { getDisclosureSettings } from './settings';

const IMAGE_MIME = /^image\//;
const probeCache = new ProbeCache();

export async function checkOptions(
  p: Pick<Platform, 'config'>,
  db: DbOrTx,
  item: Pick<Item, 'writtenDate' | 'publishDate'>,
): Promise<CheckOptions> {
  const settings = await getDisclosureSettings(db);
  const index = await loadUnitIndex(db, p.config.districtName);
  return {
    sensitiveWords: settings.sensitiveWords,
    resolveUnit: (name) => {
      const r = resolveUnit(index, name);
      const known = r.status !== 'unknown' && r.status !== 'suggestion';
      const top = r.suggestions[0];
      return known
        ? {
            known: true,
            ...(r.unitName && r.unitName !== name
              ? { suggestion: r.unitName, confidence: r.confidence }
              : {}),
          }
        : { known: false, ...(top ? { suggestion: top.unitName, confidence: top.confidence } : {}) };
    },
    ...(item.writtenDate ? { writtenDate: item.writtenDate } : {}),
    ...(item.publishDate ? { publishedDate: item.publishDate } : {}),
  };
}

/** What the checks need that costs I/O, gathered outside the transaction. */
export interface PreparedChecks {
  /** Text of the attachment files, by stored file id (images are not read). */
  texts: Map<string, ExtractResult>;
  brokenLinks: string[];
}

/** Text of an uploaded file, or null for an image (images carry no text the checks can read). */
export async function extractUpload(upload: {
  name: string;
  bytes: Uint8Array;
}): Promise<ExtractResult | null> {
  const kind = sniffKind(upload.bytes);
  if (kind === 'png' || kind === 'jpeg' || kind === 'gif') return null;
  return extractAttachmentText(upload.bytes, upload.name);
}

/** The body text an input will store (sanitised), for probing its links ahead. */
export function inputBodyText(input: Pick<ItemInput, 'bodyHtml'>): string | null {
  return input.bodyHtml !== undefined ? bodyToText(sanitizeBody(input.bodyHtml)) : null;
}

/**
 * Outside any transaction: reads and parses the item's attachments (and `extra` texts, e.g. a new upload or a
 * masked copy) and probes the links of the title, body and every attachment once.
 */
export async function prepareChecks(
  p: Platform,
  draft: { itemId?: string; title: string; bodyText: string },
  extra: ExtractResult[] = [],
): Promise<PreparedChecks> {
  const db = p.database.db;
  const texts = new Map<string, ExtractResult>();
  if (draft.itemId)
    for (const a of await attachmentsOf(db, draft.itemId)) {
      if (IMAGE_MIME.test(a.mime)) continue;
      const f = await readFile(db, a.fileId);
      if (f) texts.set(a.fileId, await extractAttachmentText(f.bytes, a.name));
    }
  const parts = [...texts.values(), ...extra].flatMap((r) =>
    'parts' in r ? r.parts.map((x) => x.text) : [],
  );
  const brokenLinks = p.config.linkProbe
    ? await findBrokenLinks(
        [draft.title, draft.bodyText, ...parts].flatMap(extractLinks),
        { allowPrivate: p.config.linkProbePrivate },
        probeCache,
      )
    : [];
  return { texts, brokenLinks };
}

/** Runs every check on title, body and attachments and stores the findings. Returns all findings. */
export async function recheck(
  p: Platform,
  tx: DbOrTx,
  item: Item,
  prepared: PreparedChecks,
): Promise<Finding[]> {
  const opts: CheckOptions = { ...(await checkOptions(p, tx, item)), brokenLinks: prepared.brokenLinks };
  const findings: Finding[] = [
    ...runChecks(item.title, { ...opts, source: '标题' }),
    ...runChecks(item.bodyText, { ...opts, source: '正文' }),
  ];
  for (const a of await attachmentsOf(tx, item.id)) {
    if (IMAGE_MIME.test(a.mime)) continue;
    const r = prepared.texts.get(a.fileId);
    // Another writer changed the attachments since they were read: the checks would be of other files.
    if (!r) throw conflict('附件已被他人修改，请刷新后重试');
    // Dates in attachments are not compared with the item's dates: only the body carries them.
    const aopts = { ...opts, writtenDate: undefined, publishedDate: undefined };
    const parts = 'parts' in r ? r.parts : [];
    const af =
      'parts' in r
        ? runChecksOnParts(r.parts, aopts)
        : [unreadableAttachmentFinding(`附件 ${a.name}`, r.error, aopts)];
    await updateAttachment(tx, a.id, {
      findings: af,
      text: parts
        .map((x) => x.text)
        .join('\n')
        .slice(0, 2_000_000),
    });
    findings.push(...af);
  }
  await setItemFindings(tx, item.id, findings);
  return findings;
}

export function gateOf(item: Pick<Item, 'findings' | 'overrides'>) {
  return publicationGate(item.findings as Finding[], item.overrides as FindingOverride[]);
}
