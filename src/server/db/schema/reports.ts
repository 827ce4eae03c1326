// 政府信息公开工作年度报告 (issue 4): one row per unit and year, table 二 and the narrative as entered, the HTML as
// published.
import { integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Table2 } from '../../../domain/requests/annual-report';
import { id, instant, refTo, updatedAt } from './columns';
import { units } from './org';

export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    year: integer('year').notNull(),
    table2: jsonb('table2').$type<Table2>().notNull(),
    overview: text('overview').notNull().default(''),
    problems: text('problems').notNull().default(''),
    otherMatters: text('other_matters').notNull().default(''),
    /** HTML as published on the portal (frozen at publication). */
    publishedHtml: text('published_html'),
    publishedAt: instant('published_at'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reports_unit_year_uq').on(t.unitId, t.year)],
);
