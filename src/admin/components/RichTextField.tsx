// The rich-text editor, loaded on demand: TipTap and ProseMirror stay out of the console's first load (their own
// chunk, see vite.admin.config.ts). Use this in forms, not RichTextEditor directly.
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { RichTextEditorProps } from './RichTextEditor';

const RichTextEditor = lazy(() => import('./RichTextEditor'));

export function RichTextField(props: RichTextEditorProps) {
  return (
    <Suspense
      fallback={
        <div
          data-testid="rich-text-loading"
          style={{ minHeight: props.readOnly ? 40 : (props.minHeight ?? 240), padding: 8 }}
        >
          <Spin size="small" /> 正在加载编辑器…
        </div>
      }
    >
      <RichTextEditor {...props} />
    </Suspense>
  );
}
