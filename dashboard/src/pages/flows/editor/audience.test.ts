import { audienceSchema, flowInputSchema, type Audience } from '@onward/server/contracts';
import { describe, expect, it } from 'vitest';
import { addToGroup, CONDITION_KINDS, conditionsOf, formatOperand, newCondition, nodeKind, parseOperand, removeFromGroup, replaceInGroup, setCombinator, type Group } from './audience';
import { starter } from './starters';

describe('audience builder', () => {
  it.each(CONDITION_KINDS)('a new %s condition is valid and recognised', (kind) => {
    const c = newCondition(kind);
    expect(audienceSchema.safeParse(c).success).toBe(true);
    expect(nodeKind(c)).toBe(kind);
  });

  it('builds nested all / any / not groups the server accepts', () => {
    let root: Group = { all: [] };
    root = addToGroup(root, newCondition('trait'));
    root = addToGroup(root, { any: [newCondition('segment', { segment: 'SMB' }), newCondition('stage')] });
    root = addToGroup(root, { not: newCondition('flow', { flow: 'welcome-tour' }) });
    root = addToGroup(root, { ...newCondition('event'), count: 3, op: 'gte', withinDays: 7 } as Audience);
    root = replaceInGroup(root, 0, { trait: 'plan', op: 'in', value: parseOperand('pro, team', 'in') });
    root = setCombinator(root, 'any');
    const flow = { ...starter('modal'), audience: root };
    const parsed = flowInputSchema.safeParse(flow);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(nodeKind(root)).toBe('any');
    expect(conditionsOf(root)).toHaveLength(5);
    expect(conditionsOf(removeFromGroup(root, 1))).toHaveLength(3);
  });

  it('turns operand text into what each operator wants', () => {
    expect(parseOperand('KA, SMB ,', 'in')).toEqual(['KA', 'SMB']);
    expect(parseOperand('10', 'gte')).toBe(10);
    expect(parseOperand('true', 'eq')).toBe(true);
    expect(parseOperand('pro', 'eq')).toBe('pro');
    expect(parseOperand('false', 'exists')).toBe(false);
    expect(parseOperand('', 'exists')).toBeUndefined();
    expect(formatOperand(['KA', 1])).toBe('KA, 1');
    expect(formatOperand(undefined)).toBe('');
  });
});
