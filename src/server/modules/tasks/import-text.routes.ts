// POST /api/tasks/import/preview-text: the same preview as a file import (parse, resolve unit names, duplicate
// check, nothing stored), for a notice's text pasted from a browser (a page, a copied table).
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Platform } from '../../platform/context';
import { pastedToBlocks } from '../../platform/documents/text';
import { defineRoute } from '../../platform/http/route';
import { previewImport } from './import.service';

const zPasted = z.object({
  text: z
    .string({ message: '请粘贴通知文字' })
    .trim()
    .min(1, '请粘贴通知文字')
    .max(2_000_000, '粘贴的文字过长（上限 200 万字）'),
  year: z.number().int().min(2000, '年度无效').max(2100, '年度无效').optional(),
});

export function importTextRoutes(app: Hono<AppEnv>, { database, config }: Platform): void {
  defineRoute(app, {
    method: 'post',
    path: '/api/tasks/import/preview-text',
    tag: '工作任务',
    summary: '粘贴任务分工通知文字并预览（不保存）',
    permission: 'tasks:plan:import',
    body: zPasted,
    handler: async ({ body }) =>
      previewImport(database.db, config.districtName, pastedToBlocks(body.text), body.year),
  });
}
