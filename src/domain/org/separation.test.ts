import { describe, expect, it } from 'vitest';
import { accountChangeRefusal, roleCombinationError, rolePermissionRefusal } from './separation';

const who = (id: string, ...roles: string[]) => ({ id, roles });

describe('accountChangeRefusal (三权分立)', () => {
  // [case, actor, action, target roles (undefined = create), roles after, allowed?]
  const rows: [string, ReturnType<typeof who>, string, string[] | undefined, string[], boolean][] = [
    ['office resets the sysadmin', who('o', 'office'), 'resetPassword', ['sysadmin'], ['sysadmin'], false],
    ['office disables the auditor', who('o', 'office'), 'disable', ['auditor'], ['auditor'], false],
    ['office moves the secadmin', who('o', 'office'), 'update', ['secadmin'], ['secadmin'], false],
    ['sysadmin creates an auditor', who('s', 'sysadmin'), 'create', undefined, ['auditor'], false],
    ['sysadmin resets the auditor', who('s', 'sysadmin'), 'resetPassword', ['auditor'], ['auditor'], false],
    ['sysadmin makes a liaison an auditor', who('s', 'sysadmin'), 'update', ['liaison'], ['auditor'], false],
    ['sysadmin creates a liaison', who('s', 'sysadmin'), 'create', undefined, ['liaison'], true],
    ['sysadmin resets a liaison', who('s', 'sysadmin'), 'resetPassword', ['liaison'], ['liaison'], true],
    ['sysadmin grants office', who('s', 'sysadmin'), 'update', ['liaison'], ['office'], true],
    ['secadmin creates an auditor', who('c', 'secadmin'), 'create', undefined, ['auditor'], true],
    ['secadmin resets the sysadmin', who('c', 'secadmin'), 'resetPassword', ['sysadmin'], ['sysadmin'], true],
    ['office creates a liaison', who('o', 'office'), 'create', undefined, ['liaison'], true],
    [
      'office adds reviewer to a liaison',
      who('o', 'office'),
      'update',
      ['liaison'],
      ['liaison', 'reviewer'],
      true,
    ],
    ['office grants office', who('o', 'office'), 'update', ['liaison'], ['office'], false],
    ['office strips office from a colleague', who('o', 'office'), 'update', ['office'], ['liaison'], false],
    [
      'office edits a liaison without role change',
      who('o', 'office'),
      'update',
      ['liaison'],
      ['liaison'],
      true,
    ],
    ['liaison grants a role', who('l', 'liaison'), 'update', ['liaison'], ['reviewer'], false],
  ];
  it.each(rows)('%s', (_name, actor, action, targetRoles, after, allowed) => {
    const refusal = accountChangeRefusal({
      actor,
      action: action as never,
      target: targetRoles ? { id: 'target', roles: targetRoles } : undefined,
      rolesAfter: after,
    });
    expect(refusal === null).toBe(allowed);
  });

  it('nobody changes their own roles, the security administrator included', () => {
    expect(
      accountChangeRefusal({
        actor: who('c', 'secadmin'),
        action: 'update',
        target: { id: 'c', roles: ['secadmin'] },
        rolesAfter: ['sysadmin'],
      }),
    ).toBe('不能修改自己的角色');
    expect(
      accountChangeRefusal({
        actor: who('s', 'sysadmin'),
        action: 'update',
        target: { id: 's', roles: ['sysadmin'] },
        rolesAfter: ['sysadmin', 'office'],
      }),
    ).toBe('不能修改自己的角色');
  });

  it('the security administrator does not reset or disable their own account here', () => {
    for (const action of ['resetPassword', 'disable'] as const)
      expect(
        accountChangeRefusal({
          actor: who('c', 'secadmin'),
          action,
          target: { id: 'c', roles: ['secadmin'] },
          rolesAfter: ['secadmin'],
        }),
      ).not.toBeNull();
  });
});

describe('roleCombinationError', () => {
  it.each([
    [['sysadmin', 'auditor'], false],
    [['secadmin', 'office'], false],
    [['auditor'], true],
    [['office', 'reviewer'], true],
    [[], true],
  ])('%j', (roles, ok) => expect(roleCombinationError(roles) === null).toBe(ok));
});

describe('rolePermissionRefusal', () => {
  it.each([
    ['sysadmin edits a role', ['sysadmin'], 'liaison', ['tasks:ledger:list'], false],
    ['office edits a role', ['office'], 'liaison', ['tasks:ledger:list'], false],
    ['secadmin edits liaison', ['secadmin'], 'liaison', ['tasks:ledger:list'], true],
    ['secadmin edits its own role', ['secadmin'], 'secadmin', ['system:security:list'], false],
    ['secadmin strips the auditor', ['secadmin'], 'auditor', [], false],
    ['secadmin widens sysadmin', ['secadmin'], 'sysadmin', ['audit:log:list'], false],
    ['secadmin gives audit reading to office', ['secadmin'], 'office', ['audit:log:list'], false],
    ['secadmin gives unlocking to leader', ['secadmin'], 'leader', ['org:user:unlock'], false],
  ])('%s', (_n, actor, role, perms, ok) =>
    expect(rolePermissionRefusal(actor, role, perms) === null).toBe(ok),
  );
});
