// Rich-text editor (TipTap) as an antd Form control: `value` / `onChange` carry an HTML string ('' when empty).
// Toolbar in Chinese for officers used to Word; pastes from Word keep paragraphs, bold, lists and tables. The server
// sanitises whatever arrives (src/server/modules/disclosure/sanitize.ts). Load it through RichTextField (lazy).
import {
  BoldOutlined,
  ClearOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LinkOutlined,
  MergeCellsOutlined,
  OrderedListOutlined,
  RedoOutlined,
  SplitCellsOutlined,
  StrikethroughOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { TextSelection } from '@tiptap/pm/state';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Button, Divider, Input, Modal, Tooltip, Typography, theme } from 'antd';
import { Fragment, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { editorExtensions, safeLinkHref } from './richText';
import { withoutInlineStyles, wordListsToHtml } from './wordPaste';

export interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  /** Shows the same HTML without the toolbar and without editing. */
  readOnly?: boolean;
  /** Set by Form.Item; put on the editable element. */
  id?: string;
  /** data-testid of the editable element (browser tests fill() it). */
  testId?: string;
  /** Accessible name of the editable element. */
  ariaLabel?: string;
  minHeight?: number;
}

type ToolProps = {
  label: string;
  icon?: ReactNode;
  text?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
};

function Tool(props: ToolProps) {
  return (
    <Tooltip title={props.label} mouseEnterDelay={0.5}>
      <Button
        size="small"
        type="text"
        autoInsertSpace={false}
        icon={props.icon}
        aria-label={props.label}
        aria-pressed={props.active}
        disabled={props.disabled}
        // Keep the editor's selection: the button must not take the focus away on mouse down.
        onMouseDown={(e) => e.preventDefault()}
        onClick={props.onClick}
      >
        {props.text}
      </Button>
    </Tooltip>
  );
}

function Toolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      undo: e.can().undo(),
      redo: e.can().redo(),
      paragraph: e.isActive('paragraph') && !e.isActive('table'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      ol: e.isActive('orderedList'),
      ul: e.isActive('bulletList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      merge: e.can().mergeCells(),
      split: e.can().splitCell(),
    }),
  });
  // One tool: an icon button (a text button where there is no icon) that runs its command on the focused editor.
  const tool = (
    label: string,
    icon: ReactNode,
    command: (c: Chain) => Chain,
    state: { active?: boolean; disabled?: boolean } = {},
  ): ToolProps => ({
    label,
    ...(icon ? { icon } : { text: label }),
    ...state,
    onClick: () => command(editor.chain().focus()).run(),
  });
  // The toolbar's groups, a divider between two.
  const groups: ToolProps[][] = [
    [
      tool('撤销（Ctrl+Z）', <UndoOutlined />, (c) => c.undo(), { disabled: !s.undo }),
      tool('重做（Ctrl+Y）', <RedoOutlined />, (c) => c.redo(), { disabled: !s.redo }),
    ],
    [
      tool('正文', null, (c) => c.setParagraph(), { active: s.paragraph }),
      tool('二级标题', null, (c) => c.toggleHeading({ level: 2 }), { active: s.h2 }),
      tool('三级标题', null, (c) => c.toggleHeading({ level: 3 }), { active: s.h3 }),
    ],
    [
      tool('加粗（Ctrl+B）', <BoldOutlined />, (c) => c.toggleBold(), { active: s.bold }),
      tool('斜体（Ctrl+I）', <ItalicOutlined />, (c) => c.toggleItalic(), { active: s.italic }),
      tool('下划线（Ctrl+U）', <UnderlineOutlined />, (c) => c.toggleUnderline(), { active: s.underline }),
      tool('删除线', <StrikethroughOutlined />, (c) => c.toggleStrike(), { active: s.strike }),
    ],
    [
      tool('有序列表', <OrderedListOutlined />, (c) => c.toggleOrderedList(), { active: s.ol }),
      tool('无序列表', <UnorderedListOutlined />, (c) => c.toggleBulletList(), { active: s.ul }),
      tool('引用', null, (c) => c.toggleBlockquote(), { active: s.quote }),
    ],
    [
      tool('插入表格', <TableOutlined />, (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }), {
        disabled: s.table,
      }),
      tool('在下方插入行', <InsertRowBelowOutlined />, (c) => c.addRowAfter(), { disabled: !s.table }),
      tool('在右侧插入列', <InsertRowRightOutlined />, (c) => c.addColumnAfter(), { disabled: !s.table }),
      tool('删除行', <DeleteRowOutlined />, (c) => c.deleteRow(), { disabled: !s.table }),
      tool('删除列', <DeleteColumnOutlined />, (c) => c.deleteColumn(), { disabled: !s.table }),
      tool('合并单元格', <MergeCellsOutlined />, (c) => c.mergeCells(), { disabled: !s.merge }),
      tool('拆分单元格', <SplitCellsOutlined />, (c) => c.splitCell(), { disabled: !s.split }),
      tool('删除表格', <DeleteOutlined />, (c) => c.deleteTable(), { disabled: !s.table }),
    ],
    [
      { label: '链接', icon: <LinkOutlined />, active: s.link, onClick: onLink },
      tool('清除格式', <ClearOutlined />, (c) => c.unsetAllMarks().clearNodes()),
    ],
  ];
  return (
    <div role="toolbar" aria-label="正文格式" className="gk-rte-toolbar">
      {groups.map((tools, i) => (
        <Fragment key={tools[0]?.label}>
          {i > 0 ? <Divider orientation="vertical" style={{ margin: '0 4px' }} /> : null}
          {tools.map((t) => (
            <Tool key={t.label} {...t} />
          ))}
        </Fragment>
      ))}
    </div>
  );
}

type Chain = ReturnType<Editor['chain']>;

/** The dialog of the 链接 button: http(s) and mailto only; empty removes the link. */
function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [href, setHref] = useState<string>(() => editor.getAttributes('link').href ?? '');
  const [error, setError] = useState('');
  const apply = () => {
    if (!href.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    const safe = safeLinkHref(href);
    if (!safe) {
      setError('只能链接到 http://、https:// 网址或电子邮箱（mailto:）');
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link'))
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href.trim(), marks: [{ type: 'link', attrs: { href: safe } }] })
        .run();
    else
      editor
        .chain()
        .focus()
        .extendMarkRange('link')
        .setLink({ href: safe })
        // As in Word: the caret ends up after the link, so the next keystroke does not replace the linked text.
        .command(({ tr }) => {
          tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
          return true;
        })
        .run();
    onClose();
  };
  return (
    <Modal
      open
      title="链接"
      // The editor takes the focus back itself (with the caret after the link), not the toolbar button.
      focusable={{ focusTriggerAfterClose: false }}
      okText="确定"
      cancelText="取消"
      onOk={apply}
      onCancel={() => {
        onClose();
        editor.commands.focus();
      }}
    >
      <Input
        autoFocus
        data-testid="rte-link-input"
        aria-label="链接地址"
        placeholder="https://www.example.gov.cn/… 或 name@example.gov.cn；留空则取消链接"
        value={href}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setHref(e.target.value);
          setError('');
        }}
        // Without preventDefault the Enter would reach the editor once it has the focus back and replace the text.
        onPressEnter={(e) => {
          e.preventDefault();
          apply();
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

export default function RichTextEditor({
  value,
  onChange,
  readOnly = false,
  id,
  testId,
  ariaLabel = '正文',
  minHeight = 240,
}: RichTextEditorProps) {
  const { token } = theme.useToken();
  const [linkOpen, setLinkOpen] = useState(false);
  // The HTML the editor last reported or was given: a different `value` comes from outside (load, reset, mask).
  const known = useRef(value ?? '');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const extensions = useMemo(() => editorExtensions(), []);
  const editor = useEditor({
    extensions,
    content: value ?? '',
    editable: !readOnly,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        ...(id ? { id } : {}),
        ...(testId ? { 'data-testid': testId } : {}),
        'aria-label': ariaLabel,
        'aria-multiline': 'true',
        role: 'textbox',
      },
      transformPastedHTML: (html) => withoutInlineStyles(wordListsToHtml(html)),
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      known.current = html;
      onChangeRef.current?.(html);
    },
  });

  useEffect(() => {
    const next = value ?? '';
    if (next === known.current) return;
    known.current = next;
    // Not an edit of the officer's: no onChange, and undo must not bring the old body back.
    editor.chain().setMeta('addToHistory', false).setContent(next, { emitUpdate: false }).run();
  }, [editor, value]);

  // (Not editor.view.dom here: the view may not be mounted yet when this runs.)
  useEffect(() => {
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const css = `
.gk-rte{border:1px solid ${token.colorBorder};border-radius:${token.borderRadius}px;background:${token.colorBgContainer}}
.gk-rte:focus-within{border-color:${token.colorPrimary};box-shadow:0 0 0 2px ${token.colorPrimaryBg}}
.gk-rte.readonly{background:${token.colorBgContainerDisabled}}
.gk-rte-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:2px;padding:4px 6px;border-bottom:1px solid ${token.colorBorderSecondary}}
.gk-rte-toolbar .ant-btn[aria-pressed=true]{color:${token.colorPrimaryTextActive};background:${token.colorPrimaryBg}}
.gk-rte .ProseMirror{min-height:${minHeight}px;padding:8px 12px;outline:none;line-height:1.8;overflow-x:auto}
.gk-rte.readonly .ProseMirror{min-height:0}
.gk-rte .ProseMirror p{margin:0 0 .5em}
.gk-rte .ProseMirror h2{font-size:1.3em;margin:.6em 0 .4em}
.gk-rte .ProseMirror h3{font-size:1.15em;margin:.5em 0 .3em}
.gk-rte .ProseMirror blockquote{margin:.5em 0;padding-left:12px;border-left:3px solid ${token.colorBorder};color:${token.colorTextSecondary}}
.gk-rte .ProseMirror ul,.gk-rte .ProseMirror ol{padding-left:2em;margin:0 0 .5em}
.gk-rte .ProseMirror li p{margin:0}
.gk-rte .ProseMirror table{border-collapse:collapse;margin:.5em 0;table-layout:fixed}
.gk-rte .ProseMirror td,.gk-rte .ProseMirror th{border:1px solid ${token.colorBorder};padding:4px 8px;vertical-align:top;position:relative;min-width:3em}
.gk-rte .ProseMirror th{background:${token.colorFillQuaternary};font-weight:600}
.gk-rte .ProseMirror td p,.gk-rte .ProseMirror th p{margin:0}
.gk-rte .ProseMirror .selectedCell{background:${token.colorPrimaryBg}}
.gk-rte .ProseMirror a{color:${token.colorLink};text-decoration:underline}
`;
  return (
    <div className={readOnly ? 'gk-rte readonly' : 'gk-rte'}>
      <style>{css}</style>
      {!readOnly && <Toolbar editor={editor} onLink={() => setLinkOpen(true)} />}
      <EditorContent editor={editor} />
      {linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}
