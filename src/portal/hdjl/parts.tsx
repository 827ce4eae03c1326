/** @jsxImportSource hono/jsx */
// The pieces the 互动交流 pages share: a form's error list, a labelled field, a text box, a choice with a
// placeholder, and the pager of a list. Markup only (the pages hold their CSS).
import type { Child } from 'hono/jsx';
import { Options } from '../layout';

/** What kept a form from being accepted, under its title (none: nothing rendered). */
export function Errors(props: { errors: string[]; title: string }) {
  if (!props.errors.length) return null;
  return (
    <div class="errors" role="alert" id="form-errors">
      <h2>{props.title}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export function Field(props: { id: string; label: string; children: Child; help?: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
    </div>
  );
}

/** A one-line text box in its Field, with the value the writer typed (kept when the form comes back with errors). */
export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  type?: 'text' | 'tel';
  autocomplete?: string;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
      />
    </Field>
  );
}

/** A required choice in its Field: the placeholder first (selected while nothing is chosen), then the options. */
export function Choice(props: {
  id: string;
  name: string;
  label: string;
  placeholder: string;
  options: { id: string; name: string }[];
  value: string | undefined;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select id={props.id} name={props.name} required>
        <option value="" selected={!props.value}>
          {props.placeholder}
        </option>
        <Options options={props.options.map((o) => [o.id, o.name] as const)} selected={props.value} />
      </select>
    </Field>
  );
}

/** 上一页 / 第 n / m 页 / 下一页 under a list of more than one page; `href` links page n. */
export function Pager(props: { page: number; pages: number; href: (n: number) => string }) {
  const { page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" class="pager">
      {page > 1 && <a href={props.href(page - 1)}>上一页</a>}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages && <a href={props.href(page + 1)}>下一页</a>}
    </nav>
  );
}

/** One fact of a record: its term, its value, and the test id of the value when a test reads it. */
export type Fact = [term: string, value: Child, testid?: string];

/** A record's facts (the state a query code shows) as a description list. */
export function Facts(props: { facts: Fact[] }) {
  return (
    <dl class="status">
      {props.facts.map(([term, value, testid]) => (
        <>
          <dt>{term}</dt>
          <dd data-testid={testid}>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** A form's submit button on its own line; `children` follow it on that line (a link to the next step). */
export function Submit(props: { label: string; children?: Child }) {
  return (
    <p>
      <button class="primary" type="submit">
        {props.label}
      </button>
      {props.children}
    </p>
  );
}

/** A list's search box (GET `action?search=`). */
export function SearchForm(props: { action: string; label: string; value: string; children?: Child }) {
  return (
    <form method="get" action={props.action} class="form-grid">
      <TextField id="f-search" name="search" label={props.label} value={props.value} />
      <Submit label="搜索">{props.children}</Submit>
    </form>
  );
}
