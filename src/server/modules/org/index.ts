// The org module's face: its registration, and what other modules and the CLI may call (unit registry, data
// scope, the leading-group import).
import { registerAuditNamer } from '../../platform/audit/names';
import type { BusinessModule } from '../../platform/module';
import { unitNames, userNames } from './directory';
import { orgRoutes } from './org.routes';

export { dueBellTitle, ringUnitHandlers } from './bells';
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
  unitCodes,
  unitNameSql,
  unitNames,
  unitSortSql,
  unitVocabulary,
  userNames,
} from './directory';
export { commitLeadingGroup, previewLeadingGroup } from './leading-group.service';
export { assertUnitInScope, scopeFilter, unitInScope } from './org.scope';
export {
  createUnitFromNotice,
  groupMembers,
  learnAliases,
  learnGroupAlias,
  levelOf,
  loadUnitIndex,
  regionPrefixesOf,
  resolveNames,
} from './registry';

export const orgModule: BusinessModule = {
  name: 'org',
  routes: orgRoutes,
  init() {
    // The audit log names users and units instead of showing their ids.
    registerAuditNamer(['user'], userNames);
    registerAuditNamer(['unit'], unitNames);
  },
};
