// OFD files built for tests from a real printer's pages: the runs of text and the rules a PDF printed by Writer or
// Chromium holds (pdf.ts readPrintedPages) written out as an OFD package the way OFD writers lay it out — text
// objects with a Boundary and either a plain Size or a Size of 1 scaled by a CTM, DeltaX with the "g" shorthand,
// rules as stroked lines (some inside a Boundary of their own) and as thin filled boxes, and optionally a template
// page holding a running header, as 电子公文 systems put the 版头 and 页眉 there.

import { strToU8, zipSync } from 'fflate';
import type { PrintedPage } from '../src/server/platform/documents/pdf';

const PT = 72 / 25.4;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mm = (v: number) => Number((v / PT).toFixed(6));

export interface OfdOptions {
  /** The page's height in points (A4 by default, as Writer prints). */
  heightPt?: number;
  /** A running header every page shows through a template page. */
  runningHeader?: string;
  /** Override a page's Content.xml (bad input). */
  content?: (page: number, xml: string) => string;
  /** Leave Document.xml out (a broken package). */
  noDocument?: boolean;
}

export function buildOfd(pages: PrintedPage[], opts: OfdOptions = {}): Uint8Array {
  const height = opts.heightPt ?? 841.89;
  let id = 10;
  const text = (str: string, x: number, y: number, end: number, size: number, k: number) => {
    const chars = [...str];
    const [xm, ym, sm, wm] = [mm(x), mm(height - y), mm(size), mm(Math.max(end - x, size))];
    // Each character's advance: the run's width shared out as wide and narrow characters take it, the last one
    // ending where the run ends; equal advances in a row written with the "g" shorthand ("g 5 3.175").
    const widths = chars.map((ch) => (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.55));
    const last = widths[widths.length - 1] ?? 1;
    const before = widths.reduce((a, b) => a + b, 0) - last;
    const scaled = k % 2 === 1;
    const unit = scaled ? sm : 1;
    const room = Math.max(wm - last * sm, 0);
    const steps = widths.slice(0, -1).map((w) => Number(((w * room) / before / unit).toFixed(6)));
    const parts: string[] = [];
    for (let i = 0; i < steps.length; ) {
      let j = i;
      while (j < steps.length && steps[j] === steps[i]) j++;
      parts.push(j - i >= 3 ? `g ${j - i} ${steps[i]}` : steps.slice(i, j).join(' '));
      i = j;
    }
    const deltas = parts.join(' ');
    const ctm = scaled ? ` CTM="${sm} 0 0 ${sm} 0 0"` : '';
    const fontSize = scaled ? 1 : sm;
    return `<ofd:TextObject ID="${id++}" Boundary="${xm} ${Number((ym - sm).toFixed(6))} ${Number((wm + sm).toFixed(6))} ${Number((sm * 1.4).toFixed(6))}" Font="1" Size="${fontSize}"${ctm}><ofd:TextCode X="0" Y="${Number((sm / unit).toFixed(6))}"${deltas ? ` DeltaX="${deltas}"` : ''}>${esc(str)}</ofd:TextCode></ofd:TextObject>`;
  };
  const rule = (r: { x0: number; x1: number; y0: number; y1: number }, k: number) => {
    const [x0, x1, top, bottom] = [mm(r.x0), mm(r.x1), mm(height - r.y1), mm(height - r.y0)];
    const w = Number((x1 - x0).toFixed(6));
    const h = Number((bottom - top).toFixed(6));
    if (w > 3 / PT && h > 3 / PT) return ''; // (a filled area, no rule: the PDF reader passes over it too)
    if (k % 3 === 2)
      // a thin filled box, drawn in the page's own coordinates
      return `<ofd:PathObject ID="${id++}" Boundary="0 0 210 ${mm(height)}" Stroke="false" Fill="true"><ofd:AbbreviatedData>M ${x0} ${top} L ${x1} ${top} L ${x1} ${bottom} L ${x0} ${bottom} C</ofd:AbbreviatedData></ofd:PathObject>`;
    // a stroked line as wide as the rule, inside a Boundary of its own
    // (a hairline, as a PDF's zero-width rule, is drawn 0.01 mm wide about its middle)
    const horizontal = w >= h;
    const lw = Math.max(Number((horizontal ? h : w).toFixed(6)), 0.01);
    const [left, up] = horizontal ? [x0, (top + bottom) / 2 - lw / 2] : [(x0 + x1) / 2 - lw / 2, top];
    const path = horizontal ? `M 0 ${lw / 2} L ${w} ${lw / 2}` : `M ${lw / 2} 0 L ${lw / 2} ${h}`;
    return `<ofd:PathObject ID="${id++}" Boundary="${left} ${up} ${Math.max(w, lw)} ${Math.max(h, lw)}" LineWidth="${lw}"><ofd:AbbreviatedData>${path}</ofd:AbbreviatedData></ofd:PathObject>`;
  };
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => {
    files[name] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
  };
  put(
    'OFD.xml',
    `<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>gongkai-test</ofd:DocID><ofd:Title>任务分工</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  put(
    'Doc_0/PublicRes.xml',
    `<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  const template = opts.runningHeader
    ? `<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml" ZOrder="Background"/>`
    : '';
  if (opts.runningHeader)
    put(
      'Doc_0/Tpls/Tpl_0/Content.xml',
      `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="3">${text(opts.runningHeader, 90, height - 28, 90 + 9 * opts.runningHeader.length, 9, 0)}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  const pageRefs = pages.map((_, p) => `<ofd:Page ID="${100 + p}" BaseLoc="Pages/Page_${p}/Content.xml"/>`);
  if (!opts.noDocument)
    put(
      'Doc_0/Document.xml',
      `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 ${mm(height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${template}</ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`,
    );
  pages.forEach((page, p) => {
    const objects = [
      ...page.rules.map((r, k) => rule(r, k)),
      ...page.items.map((it, k) => text(it.str, it.x, it.y, it.end, it.size, k)),
    ];
    const uses = opts.runningHeader ? `<ofd:Template TemplateID="2" ZOrder="Background"/>` : '';
    const xml = `<ofd:Page ${NS}>${uses}<ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
    put(`Doc_0/Pages/Page_${p}/Content.xml`, opts.content ? opts.content(p, xml) : xml);
  });
  return zipSync(files);
}
