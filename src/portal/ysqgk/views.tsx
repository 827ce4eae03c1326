/** @jsxImportSource hono/jsx */
// What the 依申请公开 pages render: the application form, the confirmation with the query code and the status by
// query code. Pure views of the values they are given.
import { CASE_STATUS_LABELS, DELIVERY_CHANNEL_LABELS, DELIVERY_FORM_LABELS } from '../../contracts/requests';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS } from '../../domain/requests/outcomes';
import type { PublicStatus } from '../../server/modules/requests';
import { Options, QueryCodeNotice } from '../layout';
import type { Challenge } from './challenge';

export type FormValues = Record<string, string>;

/** A refused form's problems: by field (shown next to it) and general ones (shown above the form). */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** The ids that describe a field: its help and its error, when present. */
const describedBy = (id: string, help: boolean, error: boolean) =>
  [help ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

function FieldError(props: { id: string; error?: string | undefined }) {
  return props.error ? (
    <p class="field-error" id={`${props.id}-err`}>
      {props.error}
    </p>
  ) : null;
}

function Field(props: {
  name: string;
  label: string;
  values: FormValues;
  type?: string;
  help?: string;
  required?: boolean;
  error?: string | undefined;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? '（必填）' : ''}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, !!props.help, !!props.error)}
      />
      {props.help && (
        <p class="help" id={`${id}-help`}>
          {props.help}
        </p>
      )}
      <FieldError id={id} error={props.error} />
    </div>
  );
}

function Select(props: {
  name: string;
  label: string;
  values: FormValues;
  options: [string, string][];
  placeholder?: string;
  error?: string | undefined;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}（必填）</label>
      <select
        id={id}
        name={props.name}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, false, !!props.error)}
      >
        {props.placeholder ? (
          <option value="" selected={!props.values[props.name]}>
            {props.placeholder}
          </option>
        ) : null}
        <Options options={props.options} selected={props.values[props.name]} />
      </select>
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/** Labels of the fields, for the summary's links (in the form's order). */
const FIELD_LABELS: [string, string][] = [
  ['unitId', '受理机关'],
  ['kind', '申请人类型'],
  ['name', '姓名或者名称'],
  ['idType', '证件类型'],
  ['idNumber', '证件号码'],
  ['contactPerson', '联系人'],
  ['phone', '联系电话'],
  ['email', '电子邮箱'],
  ['address', '通信地址'],
  ['idProof', '身份证明'],
  ['description', '所需政府信息'],
  ['purpose', '申请用途'],
  ['deliveryForm', '获取信息的形式'],
  ['deliveryChannel', '获取信息的途径'],
  ['answer', '验证问题'],
];

/** The form's field names. */
export const FORM_FIELDS: ReadonlySet<string> = new Set(FIELD_LABELS.map(([k]) => k));

function TextArea(props: { name: string; label: string; values: FormValues; error?: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, false, !!props.error)}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/**
 * The application form (条例第二十九条). A refused submission shows every problem at once: a summary above the
 * form linking to each field, and each message next to its field; what was typed stays (the file must be chosen
 * again: browsers never refill a file input).
 */
export function ApplicationForm(props: {
  values: FormValues;
  errors: FormErrors;
  challenge: Challenge;
  agencies: { id: string; name: string }[];
}) {
  const { values, challenge } = props;
  const f = props.errors.fields;
  const list = props.agencies;
  const fieldList = FIELD_LABELS.filter(([k]) => f[k]);
  const any = fieldList.length > 0 || props.errors.general.length > 0;
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p class="lead">
        依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。行政机关收到申请之日起 20
        个工作日内答复；网上申请以双方确认之日为收到申请之日。
      </p>
      {any && (
        <div class="errors" role="alert" id="form-errors">
          <h2>申请未提交，请修改以下 {fieldList.length + props.errors.general.length} 处：</h2>
          <ul>
            {props.errors.general.map((e) => (
              <li>{e}</li>
            ))}
            {fieldList.map(([k, label]) => (
              <li>
                <a href={`#f-${k}`}>{label}</a>：{f[k]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/ysqgk/apply" enctype="multipart/form-data" class="form-grid" novalidate>
        <Select
          name="unitId"
          label="受理机关"
          placeholder="请选择受理机关"
          values={values}
          options={list.map((u) => [u.id, u.name])}
          error={f.unitId}
        />
        <fieldset class="field">
          <legend>申请人信息</legend>
          <Select
            name="kind"
            label="申请人类型"
            values={values}
            options={APPLICANT_KINDS.map((k) => [
              k,
              k === 'natural_person' ? '自然人' : `法人或其他组织：${APPLICANT_KIND_LABELS[k]}`,
            ])}
            error={f.kind}
          />
          <Field name="name" label="姓名或者名称" values={values} required error={f.name} />
          <Select
            name="idType"
            label="证件类型"
            values={values}
            options={[
              ['id_card', '居民身份证'],
              ['other', '其他有效身份证件'],
              ['credit_code', '统一社会信用代码（法人或其他组织）'],
            ]}
            error={f.idType}
          />
          <Field name="idNumber" label="证件号码" values={values} required error={f.idNumber} />
          <Field
            name="contactPerson"
            label="联系人（法人或其他组织填写）"
            values={values}
            error={f.contactPerson}
          />
          <Field name="phone" label="联系电话" type="tel" values={values} required error={f.phone} />
          <Field name="email" label="电子邮箱" type="email" values={values} error={f.email} />
          <Field name="address" label="通信地址" values={values} error={f.address} />
          <div class="field">
            <label for="f-idProof">身份证明（PDF、JPG 或 PNG，不超过 5 MB）</label>
            <input
              id="f-idProof"
              name="idProof"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-invalid={f.idProof ? 'true' : undefined}
              aria-describedby={describedBy('f-idProof', false, !!f.idProof)}
            />
            <FieldError id="f-idProof" error={f.idProof} />
          </div>
        </fieldset>
        <TextArea
          name="description"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）"
          values={values}
          error={f.description}
        />
        <TextArea name="purpose" label="申请用途（选填）" values={values} error={f.purpose} />
        <Select
          name="deliveryForm"
          label="获取信息的形式"
          values={values}
          options={Object.entries(DELIVERY_FORM_LABELS)}
          error={f.deliveryForm}
        />
        <Select
          name="deliveryChannel"
          label="获取信息的途径"
          values={values}
          options={Object.entries(DELIVERY_CHANNEL_LABELS)}
          error={f.deliveryChannel}
        />
        <div class="field">
          <label for="f-answer">验证问题：{challenge.question}（必填）</label>
          <input
            id="f-answer"
            name="answer"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            required
            aria-invalid={f.answer ? 'true' : undefined}
            aria-describedby={describedBy('f-answer', false, !!f.answer)}
          />
          <FieldError id="f-answer" error={f.answer} />
          <input type="hidden" name="token" value={challenge.token} />
          <input type="hidden" name="rid" value={challenge.requestKey} />
        </div>
        <p>
          <button class="primary" type="submit">
            提交申请
          </button>
        </p>
      </form>
    </>
  );
}

/** The confirmation of a submitted application: its number and the query code to keep. */
export function Submitted(props: { result: { caseNo: string; queryCode: string } }) {
  const { result } = props;
  return (
    <>
      <h1>申请已提交</h1>
      <QueryCodeNotice received={`申请编号 ${result.caseNo}`} queryCode={result.queryCode}>
        <p>
          请妥善保存查询码，凭查询码查询办理进度。工作人员将与您确认收到申请的日期，答复期限自该日起计算。
        </p>
      </QueryCodeNotice>
      <p>
        <a href={`/ysqgk/query?code=${result.queryCode}`}>查询办理进度</a>
      </p>
    </>
  );
}

/** The query-code form of the portal's look-up pages (a GET: the code is in the address, nothing is sent). */
export function CodeForm(props: { action: string; code: string }) {
  return (
    <form method="get" action={props.action} class="form-grid">
      <div class="field">
        <label for="f-code">查询码</label>
        <input id="f-code" name="code" type="text" value={props.code} autocomplete="off" />
      </div>
      <p>
        <button class="primary" type="submit">
          查询
        </button>
      </p>
    </form>
  );
}

/** The status page: the query form and, for a known code, the case's public status (no personal data). */
export function StatusPage(props: { code: string; st: PublicStatus | null }) {
  const { code, st } = props;
  return (
    <>
      <h1>查询办理进度</h1>
      <CodeForm action="/ysqgk/query" code={code} />
      {code && !st && (
        <p class="errors" role="alert">
          未找到该查询码对应的申请，请核对后重试。
        </p>
      )}
      {st && (
        <section aria-labelledby="st-title">
          <h2 id="st-title">申请编号 {st.caseNo}</h2>
          <dl class="status" data-testid="case-status">
            <dt>受理机关</dt>
            <dd>{st.unitName}</dd>
            <dt>提交日期</dt>
            <dd>{st.submittedOn ?? '—'}</dd>
            <dt>收到申请日期</dt>
            <dd>{st.receivedOn ?? '待确认'}</dd>
            <dt>办理状态</dt>
            <dd>{CASE_STATUS_LABELS[st.status]}</dd>
            <dt>答复期限</dt>
            <dd>{st.replyDue ?? '—'}</dd>
            {st.closedOn && (
              <>
                <dt>办结日期</dt>
                <dd>{st.closedOn}</dd>
                <dt>办理结果</dt>
                <dd>{st.outcomeFamily}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}

/** The signed arithmetic question and its token, as every public form asks it. */
export function ChallengeField(props: { challenge: Challenge; id?: string }) {
  const id = props.id ?? 'f-answer';
  return (
    <div class="field">
      <label for={id}>验证问题：{props.challenge.question}（必填）</label>
      <input id={id} name="answer" type="text" inputmode="numeric" autocomplete="off" required />
      <input type="hidden" name="token" value={props.challenge.token} />
      <input type="hidden" name="rid" value={props.challenge.requestKey} />
    </div>
  );
}
