// Minimisation (security requirement 38; 个人信息保护法 第六条: collection limited to the minimum the purpose
// needs): every field each public form may collect, in one place, with why it is needed. A field that is not here
// may not be on the form nor in its contract — test/integration/form-fields.db.test.ts parses the rendered forms
// and the contracts and fails on anything undeclared (and on a declaration no form uses any more).

export interface DeclaredField {
  /** Personal information (个人信息保护法 第四条): identifies or relates to the person submitting. */
  personal: boolean;
  /** Why the form needs it: its legal basis or its purpose. */
  why: string;
}

export interface PublicForm {
  /** Where the form is shown (GET) and where it posts. */
  page: string;
  action: string;
  fields: Record<string, DeclaredField>;
}

const ART29 = '《政府信息公开条例》第二十九条第二款';
const personal = (why: string): DeclaredField => ({ personal: true, why });
const plain = (why: string): DeclaredField => ({ personal: false, why });

/** What every guarded public form carries besides its own fields (portal/guard.ts). */
export const GUARD_FIELDS: Record<string, DeclaredField> = {
  answer: plain('防自动提交的验证问题的回答'),
  token: plain('验证问题的签名（无个人信息）'),
  rid: plain('一次性请求号：重复提交不重复立案（安全要求 40）'),
};

export const PUBLIC_FORMS: Record<string, PublicForm> = {
  ysqgkApply: {
    page: '/ysqgk/apply',
    action: '/ysqgk/apply',
    fields: {
      unitId: plain('受理申请的行政机关'),
      kind: plain(`申请人类型（公民或法人、其他组织），决定须提交的身份证明（${ART29}第（一）项）`),
      name: personal(`申请人的姓名或者名称（${ART29}第（一）项）`),
      idType: personal(`身份证明的种类（${ART29}第（一）项）`),
      idNumber: personal(`身份证明（${ART29}第（一）项）；按件计数与收费的申请人识别（国办函〔2020〕109号）`),
      contactPerson: personal(`法人或者其他组织的联系人：联系方式（${ART29}第（一）项）`),
      phone: personal(`联系方式（${ART29}第（一）项）：补正、答复与送达`),
      email: personal(`联系方式（${ART29}第（一）项）：选择电子邮件获取信息时送达`),
      address: personal(`联系方式（${ART29}第（一）项）：选择邮寄获取信息时送达`),
      idProof: personal(`身份证明的扫描件（${ART29}第（一）项）`),
      description: plain(`申请公开的政府信息的名称、文号或者便于查询的其他特征性描述（${ART29}第（二）项）`),
      purpose: plain('申请用途（选填）：仅用于判断是否涉及第三方权益等办理需要'),
      deliveryForm: plain(`申请公开的政府信息的形式要求（${ART29}第（三）项）`),
      deliveryChannel: plain(`获取信息的方式、途径（${ART29}第（三）项）`),
      ...GUARD_FIELDS,
    },
  },
  letter: {
    page: '/hdjl/xx/write',
    action: '/hdjl/xx/write',
    fields: {
      mailboxId: plain('收信的信箱（办理单位）'),
      type: plain('来信类型（咨询、建议、投诉等），决定办理方式'),
      subject: plain('来信标题'),
      body: plain('来信内容'),
      writerName: personal('写信人姓名：答复与核实来信'),
      writerPhone: personal('联系电话：答复、核实，识别同一写信人的重复来信'),
      writerIdNo: personal('身份证号码（选填）：投诉举报需核实身份时使用'),
      consent: plain('是否同意公开来信及答复（个人信息保护法 第十四条：单独同意）'),
      ...GUARD_FIELDS,
    },
  },
  consultation: {
    // The form to submit comes after the 先查一查 step has looked the question up.
    page: '/hdjl/zxwd/ask?question=%E8%A1%A5%E8%B4%B4',
    action: '/hdjl/zxwd/ask',
    fields: {
      question: plain('咨询的问题'),
      unitId: plain('咨询的单位'),
      askerName: personal('称呼（选填）：答复时称呼提问人'),
      askerContact: personal('联系方式（选填）：需要单独答复时联系提问人'),
      ...GUARD_FIELDS,
    },
  },
  lookup: {
    page: '/hdjl/zxwd/ask',
    action: '/hdjl/zxwd/check',
    fields: { question: plain('先查一查：用问题检索问答库（只读，不保存）') },
  },
};

/** Forms on pages of one record: 意见征集 of a draft open for comments, the rating of an answered consultation. */
export const RECORD_FORMS: Record<string, { action: RegExp; fields: Record<string, DeclaredField> }> = {
  comment: {
    action: /^\/hdjl\/zj\/[0-9a-f-]{36}$/,
    fields: {
      authorName: personal('姓名（选填）：意见采纳情况中署名'),
      text: plain('对决策草案的意见'),
      ...GUARD_FIELDS,
    },
  },
  rating: {
    action: /^\/hdjl\/zxwd\/rate$/,
    fields: {
      code: plain('查询码：要评价的咨询'),
      satisfaction: plain('对答复的满意程度'),
      note: plain('评价意见（选填）'),
    },
  },
};
