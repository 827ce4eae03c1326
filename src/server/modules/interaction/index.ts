// The interaction module's face (互动回应, issue 11): its registration and what the portal may call — the published
// Q&A base, "先查一查" suggestions, a citizen's question, its answer by query code and the rating.
import type { BusinessModule } from '../../platform/module';
import { interactionRoutes } from './interaction.routes';

export { consultationByCode, type PublicConsultation } from './consult-reads';
export { rateByCode } from './handling';
export { type Suggestion, suggest } from './matching';
export { publicEntries, publicTopics, publicUnits } from './public';
export { askOnPortal } from './registration';

export const interactionModule: BusinessModule = { name: 'interaction', routes: interactionRoutes };
