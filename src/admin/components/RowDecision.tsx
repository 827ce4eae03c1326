// A review queue's row action: a note typed in the row and the decisions that send it (备案审核, 延期审批). The
// notes live in the page (`useRowNotes`), so a note typed in a row survives the list's refetches.
import { Button, Input, Space } from 'antd';
import { useState } from 'react';

/** The notes typed in a queue's rows, by row id ('' for a row without one). */
export function useRowNotes() {
  const [notes, setNotes] = useState<Record<string, string>>({});
  return {
    of: (id: string) => notes[id] ?? '',
    set: (id: string, note: string) => setNotes((n) => ({ ...n, [id]: note })),
  };
}

export function RowDecision<D extends string>({
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
  /** A button per decision, in this order, labelled by its text; the first is the primary one. */
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
