// The org module's face: its registration, and what other modules and the CLI may call (unit registry, data
// scope, the leading-group import).
import type { BusinessModule } from '../../platform/module';
import { orgRoutes } from './org.routes';

export {
  activeUsersWithPermission,
  activeUsersWithPermissionOver,
  activeUsersWithRole,
  districtName,
  findUnitByName,
  findUserByUsername,
  getUnit,
  listUnits,
  rootUnit,
  type UnitInfo,
  type UserRef,
  unitAncestry,
  unitNameSql,
  unitNames,
  unitSortSql,
  unitVocabulary,
  userNames,
} from './directory';
export { commitLeadingGroup, previewLeadingGroup } from './leading-group.service';
export { assertUnitInScope, scopeFilter } from './org.scope';
export { learnAliases, levelOf, loadUnitIndex, regionPrefixesOf, resolveNames } from './registry';

export const orgModule: BusinessModule = { name: 'org', routes: orgRoutes };
