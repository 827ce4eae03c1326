// The audit log in Chinese: action codes as people name them, for the console's table and its action filter. The
// filter sends the code (a prefix matches a whole area, e.g. "org.user." for every user change).
import { CONSULT_ACTION_LABELS } from '../domain/interaction/consultation';
import { LETTER_ACTION_LABELS } from '../domain/interaction/letter';
import { OPINION_ACTION_LABELS } from '../domain/interaction/opinion';
import { QA_REVIEW_LABELS } from '../domain/interaction/qa-entry';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'auth.lock': '账号锁定',
  'auth.totp.enable': '启用两步验证',
  'auth.totp.disable': '停用两步验证',
  'org.user.create': '新建用户',
  'org.user.update': '修改用户',
  'org.user.disable': '停用用户',
  'org.user.enable': '启用用户',
  'org.user.import': '导入用户',
  'org.user.resetPassword': '重置密码',
  'org.user.unlock': '解锁用户',
  'org.user.sealPhones': '加密存量用户手机号',
  'org.role.update': '修改角色权限',
  'org.unit.create': '新建单位',
  'org.unit.update': '修改单位',
  'org.unit.rename': '重命名单位',
  'org.unit.delete': '删除单位',
  'org.unit.import': '导入单位',
  'org.leadingGroup.import': '导入领导小组',
  'system.calendar.update': '修改工作日历',
  'system.calendar.reset': '恢复默认工作日历',
  'system.security.update': '修改安全策略',
  'system.retention.update': '修改保存期限',
  'system.fieldKeys.reseal': '更换密钥后重新加密个人信息',
  'audit.purge': '按保存期限清理',
  'audit.query': '查询审计或登录日志',
  'requests.register': '登记依申请公开',
  'requests.portal': '网上提交申请',
  'requests.submit': '提交申请',
  'requests.confirm': '确认收到申请',
  'requests.reply': '作出答复',
  'requests.extend_request': '申请延期答复',
  'requests.extend_reject': '不同意延期答复',
  'requests.extension': '审批延期答复',
  'requests.letter': '生成告知书',
  'requests.remedy': '登记复议诉讼',
  'requests.pii.view': '查看申请人个人信息',
  'interaction.pii.view': '查看来信人、咨询人或来电人个人信息',
  'requests.autoclose': '自动办结',
  'reports.save': '保存年度报告',
  'reports.publish': '发布年度报告',
  'tasks.plan.import': '导入任务分工',
  'tasks.plan.replace': '替换任务分工',
  'tasks.plan.cadence': '设置报送周期',
  'tasks.settings.update': '修改任务设置',
  'tasks.progress.report': '报送任务进展',
  'tasks.progress.complete': '报送任务完成',
  'tasks.review.approved': '牵头单位审核通过',
  'tasks.review.returned': '牵头单位退回',
  'tasks.closeout': '任务销号',
  'tasks.return': '退回任务',
  'tasks.due.set': '设置完成时限',
  'tasks.extension.request': '申请任务延期',
  'tasks.extension.approved': '同意任务延期',
  'tasks.extension.rejected': '不同意任务延期',
  'tasks.attachment.upload': '上传任务附件',
  'tasks.remind': '催办任务',
  'tasks.due.extend': '批量延期',
  'tasks.task.close': '任务整体销号（附证明材料）',
  'tasks.plan.carryover': '未完成任务转入下一年度（回头看）',
  'disclosure.item.create': '起草公开信息',
  'disclosure.item.update': '修改公开信息',
  'disclosure.item.submit': '提交审核',
  'disclosure.item.approve': '审核通过',
  'disclosure.item.return': '退回修改',
  'disclosure.item.publish': '发布公开信息',
  'disclosure.item.withdraw': '撤回公开信息',
  'disclosure.item.correct': '更正公开信息',
  'disclosure.item.mask': '遮盖敏感信息',
  'disclosure.item.override': '放行检查项（附个人信息保护影响评估）',
  'disclosure.attachment.add': '添加附件',
  'disclosure.attachment.remove': '删除附件',
  'disclosure.column.create': '新增栏目',
  'disclosure.column.createFromPath': '按任务公开路径新增栏目',
  'disclosure.column.update': '修改栏目',
  'disclosure.column.delete': '删除栏目',
  'disclosure.settings.update': '修改公开设置',
  'disclosure.unitSettings.update': '修改本单位审核设置',
  'disclosure.guide.update': '修改公开指南',
  'disclosure.guide.reset': '恢复默认公开指南',
  'disclosure.normative.expire': '规范性文件到期失效',
  'disclosure.demo.seed': '生成演示信息',
  export: '导出',
  'assessment.plan.save': '保存考核指标体系',
  'assessment.plan.freeze': '冻结考核指标体系（开始评分）',
  'assessment.score.put': '考核人工评分',
  'assessment.phone.import': '导入电话测评结果',
  'assessment.publish': '公布考核结果',
  'assessment.demo.seed': '生成演示考核',
  'disclosure.briefing.create': '登记新闻发布会/访谈',
  'disclosure.decision.create': '新建决策草案',
  'disclosure.decision.comment': '提交决策草案意见',
  'disclosure.decision.moderate': '审核公众意见',
  'disclosure.decision.participation': '登记公众参与',
  'disclosure.decision.settings': '修改决策预公开设置',
  'disclosure.directory.import': '导入基层标准目录',
  'disclosure.enforcement.create': '登记行政执法信息',
  'disclosure.enforcement.import': '导入行政执法信息',
  'disclosure.enforcement.settings': '修改行政执法公示设置',
  'disclosure.interpretation.settings': '修改政策解读设置',
  'disclosure.normative.campaign.start': '发起规范性文件清理',
  'disclosure.normative.campaign.publish': '公布规范性文件清理结果',
  'disclosure.normative.legal': '登记合法性审核',
  'disclosure.normative.mark': '标注规范性文件状态',
  'interaction.call.create': '登记来电',
  'interaction.call.hand_over': '来电转办',
  'interaction.call.import': '导入来电记录',
  'interaction.commitment.create': '新建公开承诺',
  'interaction.commitment.cancel': '撤销公开承诺',
  'interaction.commitment.evidence': '上传承诺办理佐证',
  'interaction.consult.rate': '咨询满意度评价',
  'interaction.consult.register': '登记政策咨询',
  'interaction.letter.link': '关联来信',
  'interaction.letter.write': '网上写信',
  'interaction.mailbox.update': '修改信箱设置',
  'interaction.opinion.create': '登记舆情',
  'interaction.qa.create': '新增问答',
  'interaction.qa.import': '导入问答库',
  'interaction.qa.update': '修改问答',
  'media.availability.sample': '网站可用性抽测',
  'media.bulletin.create': '起草检查通报',
  'media.bulletin.publish': '发布检查通报',
  'media.evidence.upload': '上传整改佐证',
  'media.filing.submit': '提交备案',
  'media.post.create': '登记新媒体发文',
  'media.post.import': '导入新媒体发文',
  'media.rectification.sync': '同步整改情况',
  'media.scan.upload': '上传检查扫描件',
  'media.site.check': '网站检查',
  'media.spotcheck.create': '登记抽查',
  'media.websites.import': '导入网站名录',
  'org.group.alias.learn': '记住单位组别的叫法',
  'org.unit.alias.learn': '记住单位的别称',
  'requests.case.proactive': '依申请转主动公开',
};

/** Areas for the filter (prefixes of the codes). */
export const AUDIT_AREAS: { prefix: string; label: string }[] = [
  { prefix: 'auth.', label: '登录与账号安全' },
  { prefix: 'org.', label: '单位、用户与角色' },
  { prefix: 'system.', label: '系统设置' },
  { prefix: 'audit.', label: '审计日志' },
  { prefix: 'requests.', label: '依申请公开' },
  { prefix: 'reports.', label: '年度报告' },
  { prefix: 'tasks.', label: '任务分工' },
  { prefix: 'disclosure.', label: '信息发布' },
  { prefix: 'interaction.', label: '互动回应' },
  { prefix: 'media.', label: '网站与新媒体' },
  { prefix: 'assessment.', label: '考核评估' },
  { prefix: 'denied ', label: '越权访问（被拒绝）' },
];

/**
 * Codes made from an action name (`interaction.letter.${action}`): the object, and the action's own label where the
 * module keeps one, so that a new action of these families is named without a second list.
 */
const FAMILIES: { prefix: string; object: string; actions: Record<string, string> }[] = [
  { prefix: 'interaction.letter.', object: '来信', actions: LETTER_ACTION_LABELS },
  { prefix: 'interaction.consult.', object: '政策咨询', actions: CONSULT_ACTION_LABELS },
  { prefix: 'interaction.qa.', object: '问答库', actions: QA_REVIEW_LABELS },
  { prefix: 'interaction.opinion.', object: '舆情', actions: OPINION_ACTION_LABELS },
  { prefix: 'media.filing.', object: '备案', actions: { approve: '审核通过', reject: '退回' } },
  {
    prefix: 'disclosure.enforcement.',
    object: '行政执法信息',
    actions: { publish: '公示', withdraw: '撤回', delete: '删除' },
  },
  {
    prefix: 'disclosure.decision.',
    object: '决策草案',
    actions: {
      edit: '修改',
      open: '公开征求意见',
      close: '结束征求意见',
      adopt: '采纳意见',
      decide: '作出决策',
    },
  },
];

/** Who a system job's rows name (platform/context `systemActor(what)`): the job in Chinese. */
export const SYSTEM_ACTOR_LABELS: Record<string, string> = {
  system: '系统',
  bootstrap: '系统初始化',
  demo: '演示数据',
  scheduler: '定时任务',
  retention: '到期数据清理',
  'media.site-checks': '网站定期检查',
  'media.availability': '网站可用性监测',
};

/** The 用户 of an audit row: the account's name, or for a system job (no user id) 系统 and the job's name. */
export function auditActorLabel(username: string | null, userId: string | null): string {
  if (userId) return username ?? '—';
  const job = username ? (SYSTEM_ACTOR_LABELS[username] ?? username) : '系统';
  return job === '系统' ? job : `系统（${job}）`;
}

/** The Chinese name of an action code; an unknown code shows as itself. */
export function auditActionLabel(code: string): string {
  if (AUDIT_ACTION_LABELS[code]) return AUDIT_ACTION_LABELS[code];
  if (code.startsWith('denied ')) return `被拒绝的访问：${code.slice(7)}`;
  for (const f of FAMILIES) {
    const action = code.startsWith(f.prefix) ? f.actions[code.slice(f.prefix.length)] : undefined;
    if (action) return `${f.object}${action}`;
  }
  return code;
}

/** Options of the action filter: each area, then each action under it. */
export function auditActionOptions(): { label: string; options: { value: string; label: string }[] }[] {
  return AUDIT_AREAS.map((a) => ({
    label: a.label,
    options: [
      { value: a.prefix, label: `全部${a.label}` },
      ...Object.entries(AUDIT_ACTION_LABELS)
        .filter(([k]) => k.startsWith(a.prefix))
        .map(([value, label]) => ({ value, label })),
    ],
  }));
}

/** Chinese names of the object types. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  unit: '单位',
  role: '角色',
  session: '会话',
  setting: '设置',
  settings: '设置',
  calendarYear: '工作日历',
  leadingGroup: '领导小组',
  request: '依申请公开',
  request_case: '依申请公开',
  annual_report: '年度报告',
  workPlan: '任务分工',
  taskAssignment: '任务',
  extensionRequest: '延期申请',
  file: '文件',
  audit_log: '审计日志',
  login_log: '登录日志',
  consultation: '咨询',
  letter: '来信',
  call: '来电',
  disclosureItem: '公开信息',
  disclosureColumn: '栏目',
  assessment_plan: '考核评估',
  assessment_phone: '电话测评',
  fieldKeys: '个人信息加密密钥',
  commitment: '公开承诺',
  decision: '决策草案',
  decisionComment: '决策意见',
  decisionParticipation: '公众参与',
  directoryVersion: '基层标准目录',
  disclosureBriefing: '新闻发布会/访谈',
  enforcement: '行政执法信息',
  mailbox: '信箱',
  media_account: '政务新媒体',
  media_annual_report: '网站年度报表',
  media_bulletin: '检查通报',
  media_filing: '备案',
  media_website: '政府网站',
  normativeCampaign: '规范性文件清理',
  normativeMark: '规范性文件',
  opinion_event: '舆情',
  planTask: '分工任务',
  qa_entry: '问答',
  retention: '保存期限',
  unitGroup: '单位组别',
};
