// What a member may do to the team (server/src/team/routes.ts): owners and admins manage it, and
// only an owner invites or removes another owner.
import { ROLES, type Member, type Role } from '../../api/types';

export const canManage = (me: Pick<Member, 'role'>) => me.role !== 'member';

export const invitableRoles = (me: Pick<Member, 'role'>): readonly Role[] => (me.role === 'owner' ? ROLES : ROLES.filter((r) => r !== 'owner'));

export const canRemove = (me: Pick<Member, 'id' | 'role'>, target: Pick<Member, 'id' | 'role'>) =>
  canManage(me) && me.id !== target.id && (target.role !== 'owner' || me.role === 'owner');
