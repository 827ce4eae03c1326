// Text PDFs built by hand for tests: Chinese text placed at given positions, with a Type0 font whose
// ToUnicode map is the identity (each 2-byte code is its UTF-16 code unit), so pdfjs reads the text back.
// `pages` lists, per page, the text runs with their x, y (points from the bottom left) and font size, and
// drawing operators written as they are (`{ ops: '0 g 100 495 40 15 re f' }`), in drawing order; the graphics
// state /Half (fill alpha 0.5) is there for them.

export interface Run {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/** Content-stream operators drawn at this point of the page (boxes over text: SECURITY.md 35). */
export interface Ops {
  ops: string;
}

function hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

export function buildPdf(pages: (Run | Ops)[][]): Uint8Array {
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    '1 beginbfrange <0000> <FFFF> <0000> endbfrange',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objs: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // pages, filled below
    '<< /Type /Font /Subtype /Type0 /BaseFont /GkSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GkSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>',
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    '<< /Type /FontDescriptor /FontName /GkSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  const kids: number[] = [];
  for (const runs of pages) {
    const content = runs
      .map((r) =>
        'ops' in r ? r.ops : `BT /F1 ${r.size ?? 10} Tf 1 0 0 1 ${r.x} ${r.y} Tm <${hex(r.text)}> Tj ET`,
      )
      .join('\n');
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objs.length;
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents ${contentId} 0 R /Resources << /Font << /F1 3 0 R >> /ExtGState << /Half << /ca 0.5 >> >> >> >>`,
    );
    kids.push(objs.length);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
