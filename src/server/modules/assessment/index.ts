// The assessment module's face (考核评估, issue 12 part 6): its routes, the computation the CLI runs
// (`gongkai assess compute`) and the published results the portal shows (/xxgk/khpg).
import type { BusinessModule } from '../../platform/module';
import { assessmentRoutes } from './assessment.routes';

export { computeResults } from './compute';
export { seedAssessmentDemo } from './demo-assessment';
export { type PublishedAssessment, publishedAssessments, publishedAssessmentYears } from './publishing';

export const assessmentModule: BusinessModule = { name: 'assessment', routes: assessmentRoutes };
