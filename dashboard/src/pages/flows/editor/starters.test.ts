import { flowInputSchema, STEP_TYPES } from '@onward/server/contracts';
import { describe, expect, it } from 'vitest';
import { FLOW_KINDS, newStep, starter, STEP_TYPES_BY_KIND } from './starters';

describe('starter definitions', () => {
  it.each(FLOW_KINDS)('the %s starter passes the server schema', (kind) => {
    const result = flowInputSchema.safeParse(starter(kind));
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(starter(kind).kind).toBe(kind);
  });

  it.each(STEP_TYPES)('a new %s step is valid in a flow', (type) => {
    const flow = { ...starter('tour'), steps: [newStep(type, 'only')] };
    expect(flowInputSchema.safeParse(flow).success).toBe(true);
  });

  it('offers each kind its own step types first', () => {
    for (const kind of FLOW_KINDS) expect(STEP_TYPES_BY_KIND[kind].length).toBeGreaterThan(0);
    expect(STEP_TYPES_BY_KIND.survey[0]).toBe('survey');
  });
});
