// A review queue (备案审核, 延期审批): the status tabs over the table of the chosen status, in a card, and the
// table's decision column, where a row that waits for the user gets a note and the decisions that send it. The
// notes live in the page (`useDecisionColumn`), so a note typed in a row survives the list's refetches.
import { Button, Card, Input, Segmented, Space, type TableColumnType } from 'antd';
import { type ReactNode, useState } from 'react';
import { optionsOf } from './FilterSelect';

/** The notes typed in a queue's rows, by row id ('' for a row without one). */
function useRowNotes() {
  const [notes, setNotes] = useState<Record<string, string>>({});
  return {
    of: (id: string) => notes[id] ?? '',
    set: (id: string, note: string) => setNotes((n) => ({ ...n, [id]: note })),
  };
}

function RowDecision<D extends string>({
  id,
  notes,
  noteLabel,
  placeholder,
  decisions,
  onDecide,
}: {
  id: string;
  notes: ReturnType<typeof useRowNotes>;
  noteLabel: string;
  placeholder: string;
  decisions: Record<D, string>;
  onDecide: (decision: D, note: string) => void;
}) {
  return (
    <Space>
      <Input
        size="small"
        aria-label={noteLabel}
        placeholder={placeholder}
        value={notes.of(id)}
        onChange={(e) => notes.set(id, e.target.value)}
      />
      {(Object.entries(decisions) as [D, string][]).map(([decision, label], i) => (
        <Button
          key={decision}
          size="small"
          type={i === 0 ? 'primary' : undefined}
          onClick={() => onDecide(decision, notes.of(id))}
        >
          {label}
        </Button>
      ))}
    </Space>
  );
}

/** The decision column of a queue's table: the note and the decisions on a row `open` says the user may decide. */
export function useDecisionColumn<R extends { id: string }, D extends string>({
  title,
  width,
  noteLabel,
  placeholder,
  decisions,
  open,
  onDecide,
  done,
}: {
  title: string;
  width: number;
  noteLabel: string;
  placeholder: string;
  /** A button per decision, in this order, labelled by its text; the first is the primary one. */
  decisions: Record<D, string>;
  open: (row: R) => boolean;
  onDecide: (row: R, decision: D, note: string) => void;
  /** What a row that is not open shows (what was decided). */
  done: (row: R) => ReactNode;
}): TableColumnType<R> {
  const notes = useRowNotes();
  return {
    title,
    key: 'op',
    width,
    render: (_, r) =>
      open(r) ? (
        <RowDecision
          id={r.id}
          notes={notes}
          noteLabel={noteLabel}
          placeholder={placeholder}
          decisions={decisions}
          onDecide={(decision, note) => onDecide(r, decision, note)}
        />
      ) : (
        done(r)
      ),
  };
}

/** The queue's card: what comes first (e.g. the button of a new request), the status tabs, then the table. */
export function ReviewQueue<S extends string>({
  labels,
  status,
  onStatus,
  before,
  children,
}: {
  labels: Record<S, string>;
  status: S;
  onStatus: (status: S) => void;
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {before}
        <Segmented value={status} onChange={(v) => onStatus(v as S)} options={optionsOf(labels)} />
        {children}
      </Space>
    </Card>
  );
}
