// The 依申请公开 module's face: its registration (console routes, the daily auto-close and reminder jobs, the
// calendar hook) and what the portal and the reports module may call.
import { chinaDate } from '../../../domain/calendar';
import { registerAuditNamer } from '../../platform/audit/names';
import { onCalendarChange } from '../../platform/calendar/service';
import type { Platform } from '../../platform/context';
import { registerDailyJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { closeLapsedCases, recomputeOpenCases } from './lapse';
import { remindDueCases } from './reminders';
import { caseNumbers } from './requests.repo';
import { requestsRoutes } from './requests.routes';

// 考核评估.
export { caseRecordsForYear, remedyRecordsForYear } from './assessment-reads';
export { hashedApplicantKey, sealStoredApplicants } from './personal-data';
export { type PublicStatus, publicStatus } from './reads';
export { type IntakeInput, priorPortalSubmission, submitFromPortal } from './registration';
// Retention (the system module's purge job).
export { purgeClosedApplicants } from './retention';
export { reportFigures } from './stats';
// The to-do centre.
export { requestsTodo } from './todo';

export const requestsModule: BusinessModule = {
  name: 'requests',
  routes: requestsRoutes,
  init(p: Platform): void {
    registerAuditNamer(['request_case', 'request'], caseNumbers);
    registerDailyJob('requests.autoclose', (database, today) => closeLapsedCases(database, today));
    registerDailyJob('requests.reminders', (database, today) => remindDueCases(database, today));
    onCalendarChange('requests', async (database, calendar) => {
      await recomputeOpenCases(database, calendar, chinaDate(p.clock.now()));
    });
  },
};
