// Text hidden under a redaction box (SECURITY.md 35): the classic failed redaction draws a filled rectangle over
// text that is still in the file, so anyone can copy or search it. Replays a page's operator list (pdfjs-dist)
// keeping the graphics and text state: each glyph's centre in user space, in drawing order; an opaque filled
// rectangle (any colour: white-out hides as well as a black box) drawn later over a glyph's centre covers it.
// Only rectangles (`re`, or a closed path through the four corners of its box): round seals and table rules are
// not redaction boxes. Invisible text (render modes 3 and 7) is not drawn, so it is not covered either.

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: n applied first, then m (PDF's `cm` prepends: CTM' = M × CTM in row-vector convention). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Glyph {
  x: number;
  y: number;
  ch: string;
  covered: boolean;
}

interface State {
  ctm: Matrix;
  fillAlpha: number;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
}

interface Ops {
  [name: string]: number;
}

/** The pdfjs operator list of one page: parallel arrays of operator codes and their arguments. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * The rectangles of a pdfjs `constructPath` (its sub-ops and their coordinates), in user space, and its straight
 * lines (each segment of an open path of straight lines, as a box of no height or no width).
 */
function shapesOf(ops: Ops, sub: number[], coords: ArrayLike<number>): { boxes: Box[]; lines: Box[] } {
  const boxes: Box[] = [];
  const lines: Box[] = [];
  let poly: [number, number][] = [];
  let curved = false;
  const closePoly = () => {
    if (!curved)
      for (let k = 1; k < poly.length; k++) {
        const a: [number, number] = poly[k - 1] ?? [0, 0];
        const b: [number, number] = poly[k] ?? [0, 0];
        lines.push({
          x0: Math.min(a[0], b[0]),
          y0: Math.min(a[1], b[1]),
          x1: Math.max(a[0], b[0]),
          y1: Math.max(a[1], b[1]),
        });
      }
    if (!curved && poly.length >= 4) {
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      const b = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const corner = ([x, y]: [number, number]) => (x === b.x0 || x === b.x1) && (y === b.y0 || y === b.y1);
      if (poly.every(corner)) boxes.push(b);
    }
    poly = [];
    curved = false;
  };
  let k = 0;
  for (const op of sub) {
    if (op === ops.rectangle) {
      const [x = 0, y = 0, w = 0, h = 0] = Array.from({ length: 4 }, (_, i) => coords[k + i]);
      boxes.push({
        x0: Math.min(x, x + w),
        y0: Math.min(y, y + h),
        x1: Math.max(x, x + w),
        y1: Math.max(y, y + h),
      });
      k += 4;
    } else if (op === ops.moveTo) {
      closePoly();
      poly.push([coords[k] ?? 0, coords[k + 1] ?? 0]);
      k += 2;
    } else if (op === ops.lineTo) {
      poly.push([coords[k] ?? 0, coords[k + 1] ?? 0]);
      k += 2;
    } else if (op === ops.curveTo) {
      curved = true;
      k += 6;
    } else if (op === ops.curveTo2 || op === ops.curveTo3) {
      curved = true;
      k += 4;
    } else if (op === ops.closePath) {
      closePoly();
    }
  }
  closePoly();
  return { boxes, lines };
}

/** The four sides of a stroked box (a table's cell drawn with `re S`). */
const edgesOf = (b: Box): Box[] => [
  { ...b, y1: b.y0 },
  { ...b, y0: b.y1 },
  { ...b, x1: b.x0 },
  { ...b, x0: b.x1 },
];

/** A box of a table's rule: a thin bar, or a straight line (of no width or height). */
const isRule = (b: Box) => Math.min(b.x1 - b.x0, b.y1 - b.y0) <= 3 && Math.max(b.x1 - b.x0, b.y1 - b.y0) >= 8;

/** The box in device space (the four corners through the CTM; rotated boxes become their bounding box). */
function toDevice(ctm: Matrix, b: Box): Box {
  const pts = [
    apply(ctm, b.x0, b.y0),
    apply(ctm, b.x1, b.y0),
    apply(ctm, b.x0, b.y1),
    apply(ctm, b.x1, b.y1),
  ];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The text of one page that lies under an opaque filled rectangle drawn after it: covered runs in drawing order,
 * separated by a space; '' when nothing is covered.
 */
export function coveredText(list: OperatorList, ops: Ops): string {
  return replayPage(list, ops).covered;
}

/**
 * One page's operator list replayed: the text covered by boxes drawn over it, and the rules its tables are drawn
 * with (thin filled bars, stroked lines and the edges of stroked boxes), in user space.
 */
export function replayPage(list: OperatorList, ops: Ops): { covered: string; rules: Box[] } {
  const rules: Box[] = [];
  const glyphs: Glyph[] = [];
  const stack: State[] = [];
  let s: State = {
    ctm: IDENTITY,
    fillAlpha: 1,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
  };
  // Text position (pdfjs keeps x/y beside the text matrix, as its canvas does).
  let tm: Matrix = IDENTITY;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let y = 0;
  let path: Box[] = [];
  let pathLines: Box[] = [];
  const moveText = (dx: number, dy: number) => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };
  const strokes = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fills = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    const num = (k: number) => Number(args[k] ?? 0);
    switch (fn) {
      case ops.save:
        stack.push({ ...s });
        break;
      case ops.restore:
        s = stack.pop() ?? s;
        break;
      case ops.transform:
        s.ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], s.ctm);
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ...s });
        const m = args[0] as number[] | null;
        if (Array.isArray(m) && m.length === 6) s.ctm = multiply(m as Matrix, s.ctm);
        break;
      }
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.beginAnnotation: {
        stack.push({ ...s });
        for (const m of [args[2], args[3]])
          if (Array.isArray(m) && m.length === 6) s.ctm = multiply(m as Matrix, s.ctm);
        break;
      }
      case ops.endAnnotation:
        s = stack.pop() ?? s;
        break;
      case ops.setGState:
        for (const [key, value] of (args[0] ?? []) as [string, unknown][])
          if (key === 'ca') s.fillAlpha = Number(value);
        break;
      case ops.beginText:
        tm = IDENTITY;
        lineX = lineY = x = y = 0;
        break;
      case ops.setTextMatrix:
        tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
        lineX = lineY = x = y = 0;
        break;
      case ops.moveText:
        moveText(num(0), num(1));
        break;
      case ops.setLeadingMoveText:
        s.leading = num(1);
        moveText(num(0), num(1));
        break;
      case ops.setLeading:
        s.leading = -num(0);
        break;
      case ops.nextLine:
        moveText(0, s.leading);
        break;
      case ops.setFont:
        s.fontSize = Math.abs(num(1));
        s.fontDirection = num(1) < 0 ? -1 : 1;
        break;
      case ops.setCharSpacing:
        s.charSpacing = num(0);
        break;
      case ops.setWordSpacing:
        s.wordSpacing = num(0);
        break;
      case ops.setHScale:
        s.hScale = num(0) / 100;
        break;
      case ops.setTextRise:
        s.rise = num(0);
        break;
      case ops.setTextRenderingMode:
        s.renderMode = num(0);
        break;
      case ops.showText: {
        const visible = s.renderMode !== 3 && s.renderMode !== 7;
        const m = multiply(tm, s.ctm);
        const hs = s.hScale * s.fontDirection;
        let dx = 0;
        for (const g of (args[0] ?? []) as (
          | number
          | { unicode: string; width: number; isSpace: boolean }
        )[]) {
          if (typeof g === 'number') {
            dx -= (g * s.fontSize) / 1000;
            continue;
          }
          const w = (g.width * s.fontSize) / 1000;
          if (visible && g.unicode.trim() !== '') {
            // The glyph's centre: half its advance along the line, a third of the em above the baseline.
            const [gx, gy] = apply(m, x + (dx + w / 2) * hs, y + s.rise + s.fontSize / 3);
            glyphs.push({ x: gx, y: gy, ch: g.unicode, covered: false });
          }
          dx += w + s.charSpacing + (g.isSpace ? s.wordSpacing : 0);
        }
        x += dx * hs;
        break;
      }
      case ops.constructPath: {
        const shapes = shapesOf(ops, (args[0] ?? []) as number[], (args[1] ?? []) as ArrayLike<number>);
        path.push(...shapes.boxes);
        pathLines.push(...shapes.lines);
        break;
      }
      default:
        if (fills.has(fn ?? -1)) {
          const boxes = path.map((r) => toDevice(s.ctm, r));
          if (s.fillAlpha >= 0.95)
            for (const b of boxes)
              for (const g of glyphs)
                if (!g.covered && g.x > b.x0 && g.x < b.x1 && g.y > b.y0 && g.y < b.y1) g.covered = true;
          rules.push(...boxes.filter(isRule));
        }
        if (strokes.has(fn ?? -1))
          rules.push(
            ...[...pathLines, ...path.flatMap(edgesOf)].map((r) => toDevice(s.ctm, r)).filter(isRule),
          );
        if (fills.has(fn ?? -1) || strokes.has(fn ?? -1) || fn === ops.endPath) {
          path = [];
          pathLines = [];
        }
    }
  }
  // Covered glyphs in drawing order; a visible glyph between two covered ones separates their runs.
  const runs: string[] = [];
  let run = '';
  for (const g of glyphs) {
    if (g.covered) run += g.ch;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return { covered: runs.join(' '), rules };
}
