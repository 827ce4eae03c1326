// The interaction module's face (互动回应, issue 11): its registration (console routes, the daily reminders, the
// calendar hook) and what the portal may call — the published Q&A base, "先查一查" suggestions, a citizen's
// question, its answer by query code and the rating; letters, their status by code, the published letters and the
// monthly statistics — and the to-do centre's part.
import { onCalendarChange } from '../../platform/calendar/service';
import { registerDailyJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { remindCommitments } from './commitments';
import { interactionRoutes } from './interaction.routes';
import { recomputeLetterDues } from './mailbox';
import { recomputeDueDates, remindDueConsultations } from './reminders';

// The media module's 政府网站工作年度报表.
export { type InteractionYearFigures, interactionYearFigures } from './annual-report-reads';
// 考核评估.
export { consultRecordsForYear, letterRecordsForYear, ratingsForYear } from './assessment-reads';
export { commitmentsTodo, type PublicCommitment, publicCommitments, publicEvidence } from './commitments';
export { consultationByCode, type PublicConsultation } from './consult-reads';
export { seedHotlineDemo } from './demo-hotline';
export { rateByCode } from './handling';
export {
  letterByQueryCode,
  PUBLIC_LETTERS_PAGE,
  type PublicLetter,
  type PublicLetterStatus,
  publicLetters,
} from './letter-reads';
export { type LetterInput, priorPortalLetter, type WrittenLetter, writeOnPortal } from './letters';
export { portalMailboxes } from './mailbox';
export { type Suggestion, suggest } from './matching';
export { interactionStats } from './monthly';
export { publicEntries, publicTopics, publicUnits } from './public';
export { askOnPortal, priorPortalQuestion, sealStoredAskers } from './registration';
// Retention (the system module's purge job).
export { purgeClosedPersonalData } from './retention';
export { interactionTodo } from './todo';

export const interactionModule: BusinessModule = {
  name: 'interaction',
  routes: interactionRoutes,
  init() {
    registerDailyJob('interaction.reminders', (database, today) => remindDueConsultations(database, today));
    registerDailyJob('interaction.commitment-reminders', (database, today) =>
      remindCommitments(database, today),
    );
    onCalendarChange('interaction', async (database, calendar) => {
      await recomputeDueDates(database, calendar);
      await recomputeLetterDues(database, calendar);
    });
  },
};
