// The audit log in Chinese: action codes as people name them, for the console's table and its action filter. The
// filter sends the code (a prefix matches a whole area, e.g. "org.user." for every user change).
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
  'disclosure.item.override': '放行检查项',
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
};

/** Areas for the filter (prefixes of the codes). */
export const AUDIT_AREAS: { prefix: string; label: string }[] = [
  { prefix: 'auth.', label: '登录与账号安全' },
  { prefix: 'org.', label: '单位、用户与角色' },
  { prefix: 'system.', label: '系统设置' },
  { prefix: 'requests.', label: '依申请公开' },
  { prefix: 'reports.', label: '年度报告' },
  { prefix: 'tasks.', label: '任务分工' },
  { prefix: 'disclosure.', label: '信息发布' },
  { prefix: 'denied ', label: '越权访问（被拒绝）' },
];

/** The Chinese name of an action code; an unknown code shows as itself. */
export function auditActionLabel(code: string): string {
  if (AUDIT_ACTION_LABELS[code]) return AUDIT_ACTION_LABELS[code];
  if (code.startsWith('denied ')) return `被拒绝的访问：${code.slice(7)}`;
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
  disclosureItem: '公开信息',
  disclosureColumn: '栏目',
  assessment_plan: '考核评估',
  assessment_phone: '电话测评',
};
