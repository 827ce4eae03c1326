// Long text folded to a few lines with 展开/收起. CSS line clamping and one overflow check per row: antd
// Typography's expandable ellipsis measures each row by repeated layouts, which was most of the task ledger's
// render time (bench/console.ts, BENCH_PROFILE).
import { Button } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';

export function ClampText({ text, rows = 3 }: { text: string; rows?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [folded, setFolded] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && !open) setFolded(el.scrollHeight > el.clientHeight + 1);
  }, [text, open]);
  return (
    <div>
      <div ref={box} className={open ? 'gk-text' : 'gk-text gk-clamp'} style={{ WebkitLineClamp: rows }}>
        {text}
      </div>
      {folded || open ? (
        <Button
          type="link"
          size="small"
          autoInsertSpace={false}
          aria-expanded={open}
          style={{ padding: 0, height: 'auto' }}
          onClick={() => setOpen(!open)}
        >
          {open ? '收起' : '展开'}
        </Button>
      ) : null}
    </div>
  );
}
