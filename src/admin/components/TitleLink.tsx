/** A table cell's title, linked to the record's web address when it has one (opened in a new tab). */
export const titleLink = (title: string, record: { url?: string | null }) =>
  record.url ? (
    <a href={record.url} target="_blank" rel="noreferrer">
      {title}
    </a>
  ) : (
    title
  );
