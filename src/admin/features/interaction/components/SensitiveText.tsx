// A citizen's text in a ledger, flagged when it holds a sensitive word (SECURITY.md 39: sent to manual review).
import { Tag } from 'antd';

export function SensitiveText({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {words.length ? (
        <Tag color="orange" title={`敏感词：${words.join('、')}`}>
          含敏感词·人工审核
        </Tag>
      ) : null}
      {text}
    </>
  );
}
